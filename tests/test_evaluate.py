"""Tests for `summarizer eval` and for the hand-annotated gold files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from summarizer.errors import InputError
from summarizer.eval.evaluate import EvalReport, eval_command, evaluate_dirs, render_report
from summarizer.eval.gold import (
    GoldArticle,
    GoldCommitment,
    GoldMetric,
    GoldNonOfficial,
    GoldOfficial,
    load_gold,
    load_gold_dir,
)
from summarizer.models import ArticleResult, Commitment, Metric, NonOfficial, Official, Source

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
SEEDS = ROOT / "seeds"

S1 = "市教委主任黄政表示,今年1-10月,全市城镇新增就业54.9万人,同比增长12.9%,发放资金近9亿元。"
S2 = "下一步,市教委将建设7个示范区。"
S3 = "到2027年,力争建成1000个和美乡村。"
TEXT = S1 + S2 + S3 + "记者 李珩"


def _span(quote: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def official(name: str, title: str | None, quote: str | None = None) -> Official:
    quote = quote or name
    return Official(id=name, name=name, title=title, quote=quote, span=_span(quote))


def metric(value_text: str, value: float, unit: str, subject: str, **kw: object) -> Metric:
    quote = str(kw.pop("quote", value_text))
    span = _span(quote) if quote in TEXT else (0, len(quote))
    return Metric.model_validate(
        dict(
            id=value_text,
            subject=subject,
            value_text=value_text,
            value=value,
            unit=unit,
            quote=quote,
            span=span,
            **kw,
        )
    )


def commitment(quote: str) -> Commitment:
    return Commitment(id=quote[:4], action=quote, quote=quote, span=_span(quote))


GOLD = GoldArticle(
    file="t.txt",
    officials=[GoldOfficial(name="黄政", title="市教委主任", organization="市教委")],
    non_officials=[GoldNonOfficial(name="李珩", role="记者")],
    metrics=[
        GoldMetric(
            subject="城镇新增就业",
            value_text="54.9万人",
            value=549000,
            unit="人",
            period="今年1-10月",
            quote="全市城镇新增就业54.9万人",
        ),
        GoldMetric(
            subject="同比增长",
            value_text="12.9%",
            value=12.9,
            unit="%",
            kind="percent",
            period="今年1-10月",
            quote="同比增长12.9%",
        ),
        GoldMetric(
            subject="发放资金",
            value_text="近9亿元",
            value=9e8,
            unit="元",
            qualifier="近",
            period="今年1-10月",
            quote="发放资金近9亿元",
        ),
    ],
    commitments=[GoldCommitment(quote=S2, target="7个示范区"), GoldCommitment(quote=S3)],
)

PERFECT_METRICS = [
    metric("54.9万人", 549000, "人", "城镇新增就业", period="今年1-10月"),
    metric("12.9%", 12.9, "%", "同比增长", kind="percent", period="今年1-10月"),
    metric("近9亿元", 9e8, "元", "发放资金", period="今年1-10月"),
]


def result(**kw: object) -> ArticleResult:
    return ArticleResult.model_validate({"source": Source(file="t.txt"), "text": TEXT, **kw})


def run(tmp_path: Path, res: ArticleResult | None, gold: GoldArticle = GOLD) -> EvalReport:
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir(exist_ok=True)
    out_dir.mkdir(exist_ok=True)
    (gold_dir / "a.json").write_text(gold.model_dump_json(), encoding="utf-8")
    if res is not None:
        (out_dir / "a.json").write_text(res.model_dump_json(), encoding="utf-8")
    return evaluate_dirs(gold_dir, out_dir)


def test_perfect_match(tmp_path: Path) -> None:
    res = result(
        officials=[official("黄政", "市教委主任")],
        non_officials=[NonOfficial(name="李珩", role="记者", quote="李珩", span=_span("李珩"))],
        metrics=PERFECT_METRICS,
        commitments=[commitment(S2), commitment(S3)],
    )
    a = run(tmp_path, res).overall
    for prf in (a.officials, a.officials_name, a.metrics, a.commitments):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert a.metric_subject.rate == a.metric_period.rate == a.metric_role.rate == 1.0
    assert (a.span_validity.ok, a.span_validity.total) == (7, 7)
    assert a.hallucinated == [] and a.non_officials_as_officials == [] and a.error is None


def test_two_of_three_metrics(tmp_path: Path) -> None:
    m = run(tmp_path, result(metrics=PERFECT_METRICS[:2])).articles[0].metrics
    assert (m.tp, m.fp, m.fn) == (2, 0, 1)
    assert m.precision == 1.0 and m.recall == pytest.approx(2 / 3) and m.f1 == pytest.approx(0.8)
    assert m.missed == ["近9亿元 发放资金"]


def test_duplicate_metric_is_false_positive(tmp_path: Path) -> None:
    m = run(tmp_path, result(metrics=[*PERFECT_METRICS, PERFECT_METRICS[0]])).overall.metrics
    assert (m.tp, m.fp, m.fn) == (3, 1, 0)
    assert m.precision == 0.75 and m.f1 == pytest.approx(6 / 7)


def test_metric_normalisation_subject_and_period(tmp_path: Path) -> None:
    preds = [
        metric("54.9万人", 54.9, "万人", "新增就业人数", period="1-10月"),  # magnitude in unit
        metric("12.9%", 0.129, "%", "发放资金", kind="percent"),  # fraction; wrong subject
        metric("近9亿元", 9e8, "人", "发放资金"),  # wrong unit family: no match
    ]
    a = run(tmp_path, result(metrics=preds)).overall
    assert (a.metrics.tp, a.metrics.fp, a.metrics.fn) == (2, 1, 1)
    assert (a.metric_subject.ok, a.metric_subject.total) == (1, 2)
    assert (a.metric_period.ok, a.metric_period.total) == (1, 2)


def test_official_with_wrong_title(tmp_path: Path) -> None:
    a = run(tmp_path, result(officials=[official("黄政", "市卫健委主任", "黄政")])).overall
    assert (a.officials.tp, a.officials.fp, a.officials.fn) == (0, 1, 1)
    assert a.officials.f1 == 0.0 and a.officials_name.f1 == 1.0


def test_official_title_containment(tmp_path: Path) -> None:
    a = run(tmp_path, result(officials=[official("黄 政", "主任", "黄政")])).overall
    assert a.officials.f1 == 1.0


def test_commitment_overlap_vs_no_overlap(tmp_path: Path) -> None:
    part = commitment("市教委将建设7个示范区")  # inside S2: overlaps
    elsewhere = commitment("全市城镇新增就业54.9万人")  # inside S1: no gold there
    c = run(tmp_path, result(commitments=[part, elsewhere])).overall.commitments
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert c.precision == 0.5 and c.recall == 0.5


def test_two_predictions_on_one_gold_sentence(tmp_path: Path) -> None:
    preds = [commitment("下一步"), commitment("市教委将建设7个示范区")]
    c = run(tmp_path, result(commitments=preds)).overall.commitments
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


def test_hallucinated_value(tmp_path: Path) -> None:
    preds = [
        metric("55万人", 550000, "人", "城镇新增就业", quote="全市城镇新增就业54.9万人"),
        metric("约54.9万人", 549000, "人", "城镇新增就业"),  # qualifier added: still grounded
    ]
    a = run(tmp_path, result(metrics=preds)).overall
    assert a.hallucinated == ["a: 55万人"]


def test_journalist_predicted_as_official(tmp_path: Path) -> None:
    res = result(officials=[official("黄政", "市教委主任"), official("李珩", "记者")])
    a = run(tmp_path, res).overall
    assert a.non_officials_as_officials == ["a: 李珩"]
    assert (a.officials.tp, a.officials.fp) == (1, 1)


def test_invalid_span(tmp_path: Path) -> None:
    bad = official("黄政", "市教委主任").model_copy(update={"span": (0, 2)})
    a = run(tmp_path, result(officials=[bad], commitments=[commitment(S2)])).overall
    assert (a.span_validity.ok, a.span_validity.total) == (1, 2)
    assert a.span_validity.rate == 0.5


def test_optional_gold_items_are_neutral(tmp_path: Path) -> None:
    gold = GOLD.model_copy(deep=True)
    gold.metrics[2].optional = True
    a = run(tmp_path, result(metrics=PERFECT_METRICS), gold).overall
    assert (a.metrics.tp, a.metrics.fp, a.metrics.fn) == (2, 0, 0)
    a = run(tmp_path, result(metrics=PERFECT_METRICS[:2]), gold).overall
    assert (a.metrics.tp, a.metrics.fp, a.metrics.fn) == (2, 0, 0)


def test_missing_output_is_error_row(tmp_path: Path) -> None:
    report = run(tmp_path, None)
    a = report.articles[0]
    assert a.error and "missing output" in a.error
    assert (a.metrics.fn, a.commitments.fn, a.officials.fn) == (3, 2, 1)
    assert report.overall.metrics.recall == 0.0
    console = Console(record=True, width=250)
    console.print(render_report(report))
    assert "missing output" in console.export_text()


def test_unreadable_output_is_error_row(tmp_path: Path) -> None:
    run(tmp_path, None)
    (tmp_path / "out" / "a.json").write_text("{not json", encoding="utf-8")
    a = evaluate_dirs(tmp_path / "gold", tmp_path / "out").articles[0]
    assert a.error and "unusable output" in a.error


def test_bad_gold_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"file": "x.txt", "metrics": [{"value": 1}]}), encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.json.*metrics\.0"):
        load_gold(bad)
    with pytest.raises(InputError, match="does not exist"):
        load_gold_dir(tmp_path / "nope")


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command("eval")(eval_command)
    app.command("noop")(lambda: None)  # keep "eval" a subcommand
    return app


def test_cli_thresholds_and_json(tmp_path: Path) -> None:
    run(tmp_path, result(metrics=PERFECT_METRICS[:2], commitments=[commitment(S2)]))
    base = ["eval", "--gold", str(tmp_path / "gold"), str(tmp_path / "out")]
    runner = CliRunner()

    ok = runner.invoke(
        _cli(),
        [
            *base,
            "--min-metrics-f1",
            "0.8",
            "--max-hallucinated",
            "0",
            "--json",
            str(tmp_path / "r.json"),
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert "overall" in ok.output
    saved = EvalReport.model_validate_json((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert saved.overall.metrics.tp == 2 and saved.failed_thresholds == []

    bad = runner.invoke(
        _cli(),
        [
            *base,
            "--min-metrics-f1",
            "0.9",
            "--min-commitments-f1",
            "0.5",
            "--min-officials-f1",
            "0.5",
            "--min-span-validity",
            "1",
        ],
    )
    assert bad.exit_code == 1
    assert "metrics F1 0.800 < 0.900" in bad.output
    assert "officials F1 0.000 < 0.500" in bad.output
    assert "commitments F1" not in bad.output  # 0.667 meets 0.5

    missing = runner.invoke(_cli(), ["eval", "--gold", str(tmp_path / "nope"), str(tmp_path)])
    assert missing.exit_code == 2


# ------------------------------------------------------------------------ the gold files

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
_NOSPACE = re.compile(r"\s+")


def test_gold_covers_every_seed() -> None:
    assert [p.stem for p in GOLD_FILES] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert len(GOLD_FILES) == 5


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_grounded_in_its_seed(path: Path) -> None:
    gold = load_gold(path)
    assert gold.file == f"{path.stem}.txt"
    text = (SEEDS / gold.file).read_text(encoding="utf-8")
    ends = [text.find(m) for m in ("原标题", "版权", "总值班", "编辑:", "功勋犬") if m in text]
    article_end = min(ends, default=len(text))
    flat = _NOSPACE.sub("", text)
    for o in gold.officials:
        assert o.name in flat, o
        assert o.title is None or o.title in text, o
    for n in gold.non_officials:
        assert n.name in flat, n
    assert not {o.name for o in gold.officials} & {n.name for n in gold.non_officials}
    for m in gold.metrics:
        assert 0 <= text.find(m.quote) < article_end, m.quote
        assert m.value_text in m.quote, m
        assert m.period is None or m.period in text, m
        assert (m.kind == "percent") == (m.unit == "%"), m
    starts = []
    for c in gold.commitments:
        for q in (c.quote, *c.alt_quotes):
            assert 0 <= text.find(q) < article_end, q
        for field in (c.target, c.deadline):
            assert field is None or field in c.quote, (field, c.quote)
        starts.append(text.find(c.quote))
    assert len(set(starts)) == len(starts), "two commitments on one sentence"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_scores_perfectly_against_itself(path: Path, tmp_path: Path) -> None:
    """An output built from the gold (as a perfect extractor would emit it) scores 1.0."""
    gold = load_gold(path)
    text = (SEEDS / gold.file).read_text(encoding="utf-8")

    def span(quote: str) -> tuple[int, int]:
        return (text.index(quote), text.index(quote) + len(quote))

    def name_quote(name: str) -> str:
        found = re.search(r"\s*".join(map(re.escape, name)), text)
        assert found, name
        return found.group()

    res = ArticleResult(
        source=Source(file=gold.file),
        text=text,
        officials=[
            Official(
                id=f"p{i}",
                name=o.name,
                title=o.title,
                organization=o.organization,
                quote=(q := name_quote(o.name)),
                span=span(q),
            )
            for i, o in enumerate(gold.officials)
        ],
        non_officials=[
            NonOfficial(name=n.name, role=n.role, quote=(q := name_quote(n.name)), span=span(q))
            for n in gold.non_officials
        ],
        metrics=[
            Metric(
                id=f"m{i}",
                subject=m.subject,
                value_text=m.value_text,
                value=m.value,
                unit=m.unit,
                kind=m.kind,
                period=m.period,
                role=m.role,
                quote=m.quote,
                span=span(m.quote),
            )
            for i, m in enumerate(gold.metrics)
        ],
        commitments=[
            Commitment(id=f"c{i}", action=c.quote, quote=c.quote, span=span(c.quote))
            for i, c in enumerate(gold.commitments)
        ],
    )
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out_dir.mkdir()
    (gold_dir / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (out_dir / path.name).write_text(res.model_dump_json(), encoding="utf-8")
    a = evaluate_dirs(gold_dir, out_dir).overall
    for prf in (a.officials, a.officials_name, a.metrics, a.commitments):
        assert prf.f1 == 1.0, prf
    assert a.metric_subject.rate in (1.0, None) and a.metric_period.rate in (1.0, None)
    assert a.span_validity.rate == 1.0 and a.hallucinated == [] and a.unlocated_gold_quotes == []
