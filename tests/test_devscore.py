"""`summarizer eval` on dev-set gold (`../shared/dev`): the measures of its reference scorer."""

from __future__ import annotations

import functools
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.eval.devscore import (
    DevCommitment,
    DevGoldArticle,
    DevMetric,
    DevOfficial,
    Value,
    read_values,
    score_article,
    text_values,
)
from summarizer.models import ArticleResult, Commitment, Metric, Official, Source

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev"
SCORE_PY = DEV / "score.py"
needs_dev = pytest.mark.skipif(
    not SCORE_PY.is_file(), reason=f"dev set with its reference scorer not found at {DEV}"
)

TEXT = "房屋署署長何永賢表示，輪候宗數達49萬4,385人，較去年減少25%。政府將於今年提供3萬個單位。記者 李珩"


def _span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def metric(value_text: str, subject: str, *, value: float | None = None, quote: str | None = None) -> Metric:
    quote = quote or value_text
    span = _span(quote) if quote in TEXT else (0, len(quote))
    return Metric(id=value_text, subject=subject, value_text=value_text, value=value, unit="",
                  quote=quote, span=span)


def official(name: str, title: str | None) -> Official:
    return Official(id=name, name=name, title=title, quote=name, span=_span(name))


def commitment(quote: str, target: str | None = None, deadline: str | None = None) -> Commitment:
    return Commitment(id="c1", action=quote, target=target, deadline=deadline, responsible="政府",
                      quote=quote, span=_span(quote))


def result(**kw: object) -> ArticleResult:
    return ArticleResult.model_validate({"source": Source(file="a.txt"), "text": TEXT, **kw})


GOLD = DevGoldArticle(
    officials=[DevOfficial(name="何永賢", title_contains="署長")],
    not_officials=["李珩"],
    numbers=["49萬4,385人", "25%", "3萬個"],
    metrics=[DevMetric(value="49萬4,385人", subject_any=["輪候"]), DevMetric(value="25%", subject_any=["輪候"])],
    non_metrics=[],
    commitments=[DevCommitment(keyword="提供3萬個單位", target="3萬個", deadline_contains="今年",
                               responsible_contains="政府")],
)

PERFECT = result(
    officials=[official("何永賢", "房屋署署長")],
    metrics=[metric("49萬4,385人", "輪候宗數", value=494385), metric("25%", "輪候宗數減少")],
    commitments=[commitment("政府將於今年提供3萬個單位", target="3萬個", deadline="今年")],
)


# --------------------------------------------------------------------------- values


def test_composite_values_are_one_number() -> None:
    assert read_values("49萬4,385人") == [Value(494385, "")]
    assert read_values("9萬8千多人") == [Value(98000, "")]
    assert read_values("800余万元") == [Value(8_000_000, "")]
    assert read_values("超百万") == [Value(1_000_000, "")]
    assert read_values("下降0.5個百分點，達12.3‰，每10万人3.2/10万") == [
        Value(0.5, "pp"), Value(12.3, "‰"), Value(100_000, ""), Value(3.2, "per100k")
    ]
    assert Value(2500, "") in text_values("两千五百")


def test_perfect_output_scores_full_marks() -> None:
    c = score_article("a", GOLD, PERFECT).counts
    assert (c.numbers.ok, c.numbers.total) == (3, 3)
    assert (c.metric_precision.ok, c.metric_precision.total) == (2, 2)
    assert (c.subject.ok, c.subject.total) == (2, 2)
    assert (c.officials_recall.ok, c.officials_precision.ok) == (1, 1)
    assert (c.commit_recall.ok, c.commit_precision.ok, c.commit_target.ok, c.commit_deadline.ok) == (1, 1, 1, 1)
    assert (c.journalist_fp, c.hallucinated, c.grounding_violations, c.items) == (0, 0, 0, 4)


def test_composite_value_split_in_two_is_missed_and_hallucinated() -> None:
    split = result(metrics=[metric("49萬", "輪候宗數"), metric("4,385人", "輪候宗數"), metric("25%", "減少")])
    score = score_article("a", GOLD, split)
    assert score.missed_numbers == ["49萬4,385人", "3萬個"]
    assert score.metric_fp == ["49萬", "4,385人"]
    assert score.counts.hallucinated == 2  # neither 490000 nor 4385 is written in the text
    assert score.bad_subject == ["49萬4,385人:-", "25%:減少"]


def test_hallucinated_value_counts() -> None:
    score = score_article("a", GOLD, result(metrics=[metric("120萬人", "輪候宗數", quote="49萬4,385人")]))
    assert score.counts.hallucinated == 1
    assert score.metric_fp == ["120萬人"]


def test_grounding_violation_counts() -> None:
    bad = PERFECT.model_copy(deep=True)
    bad.officials[0].span = (0, 3)
    c = score_article("a", GOLD, bad).counts
    assert (c.grounding_violations, c.items) == (1, 4)


def test_journalist_listed_as_official_counts() -> None:
    res = result(officials=[official("何永賢", "署長"), official("李珩", "記者")])
    c = score_article("a", GOLD, res).counts
    assert c.journalist_fp == 1
    assert (c.officials_precision.ok, c.officials_precision.total) == (1, 2)
    assert (c.officials_recall.ok, c.officials_recall.total) == (1, 1)


def test_commitment_without_the_keyword_is_missed_and_a_false_positive() -> None:
    score = score_article("a", GOLD, result(commitments=[commitment("政府將於今年", target="3萬個")]))
    assert score.commit_missed == ["提供3萬個單位"]
    assert score.commit_fp == ["政府將於今年"]
    assert score.counts.numbers.ok == 1  # the commitment's target still finds 3萬個


# --------------------------------------------------------------------------- the CLI


def _write(gold_dir: Path, out_dir: Path, cases: dict[str, tuple[DevGoldArticle, ArticleResult | None]]) -> None:
    gold_dir.mkdir()
    out_dir.mkdir()
    for stem, (gold, res) in cases.items():
        (gold_dir / f"{stem}.json").write_text(gold.model_dump_json(exclude_none=True), encoding="utf-8")
        if res is not None:
            (out_dir / f"{stem}.json").write_text(res.model_dump_json(), encoding="utf-8")


def _eval(gold_dir: Path, out_dir: Path, *args: str) -> list[str]:
    run = CliRunner().invoke(app, ["eval", "--gold", str(gold_dir), str(out_dir), *args])
    assert run.exit_code == 0, run.output
    return run.output.splitlines()


def _score_py(gold_dir: Path, out_dir: Path) -> list[str]:
    run = subprocess.run([sys.executable, str(SCORE_PY), str(out_dir), str(gold_dir)],
                         capture_output=True, text=True, check=True)
    return run.stdout.splitlines()


HAND_BUILT = {
    "a_perfect": (GOLD, PERFECT),
    "b_split": (GOLD, result(metrics=[metric("49萬", "x"), metric("4,385人", "x")],
                             officials=[official("李珩", "記者")])),
    "c_missing": (GOLD, None),
}


def test_eval_dispatches_dev_gold_and_writes_json(tmp_path: Path) -> None:
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    _write(gold_dir, out_dir, HAND_BUILT)
    lines = _eval(gold_dir, out_dir, "--json", str(tmp_path / "r.json"))
    assert "c_missing: MISSING" in lines
    assert lines[-1] == (
        "numbers_recall=0.50 metric_precision=0.50 subject_acc=0.50 period_acc=n/a officials_recall=0.50 "
        "officials_precision=0.50 journalist_fp=1 commit_recall=0.50 commit_precision=1.00 commit_target=1.00 "
        "commit_deadline=1.00 commit_responsible=1.00 hallucinated=2 grounding_violations=0/7 missing=1"
    )
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["overall"]["missing"] == 1 and report["overall"]["journalist_fp"] == 1
    assert [a["article"] for a in report["articles"]] == ["a_perfect", "b_split", "c_missing"]


def test_thresholds_are_refused_for_dev_gold(tmp_path: Path) -> None:
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    _write(gold_dir, out_dir, HAND_BUILT)
    run = CliRunner().invoke(app, ["eval", "--gold", str(gold_dir), str(out_dir), "--max-hallucinated", "0"])
    assert run.exit_code == 2
    assert "thresholds" in run.output


@needs_dev
def test_hand_built_cases_agree_with_score_py(tmp_path: Path) -> None:
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    _write(gold_dir, out_dir, HAND_BUILT)
    expected = _score_py(gold_dir, out_dir)
    assert _eval(gold_dir, out_dir)[-len(expected):] == expected


@pytest.fixture(scope="module")
def dev_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dev_out")
    run = CliRunner().invoke(app, ["extract", str(DEV / "articles"), "--out", str(out), "--deterministic"])
    assert run.exit_code == 0, run.output
    assert len(list(out.glob("*.json"))) == len(list((DEV / "gold").glob("*.json")))
    return out


@needs_dev
def test_deterministic_run_scores_as_score_py(dev_outputs: Path) -> None:
    expected = _score_py(DEV / "gold", dev_outputs)
    lines = _eval(DEV / "gold", dev_outputs)
    assert lines[-1] == expected[-1]  # the overall line
    assert lines[-len(expected):] == expected  # and every per-article diagnostic


# --------------------------------------------------------------------------- value reader vs score.py


@functools.cache
def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_score_reference", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NUMERALS = "0123456789.,，一二两三四五六七八九十零〇百千万亿萬億余餘多超近逾个個百分点點%％‰/ 人元"


@needs_dev
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=NUMERALS, max_size=16))
def test_value_reader_agrees_with_score_py(s: str) -> None:
    ref = _reference()
    assert [(v.number, v.kind) for v in read_values(s)] == ref.values_in(s)
    assert [(v.number, v.kind) for v in text_values(s)] == ref.text_values(s)
