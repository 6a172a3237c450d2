"""`summarizer track`: pledges linked to later reports, and the person index.

The dev series (`../shared/dev/series.json`) is scored on the deterministic extraction of the
seeds and the non-validation dev articles; validation articles are never read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.api import extract
from summarizer.cli.app import app
from summarizer.eval.series import load_series, score_series
from summarizer.models import ArticleResult, Official, Source
from summarizer.track.run import track
from summarizer.tracking import Tracking

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "dev"
needs_dev = pytest.mark.skipif(not (DEV / "series.json").exists(), reason="needs ../shared/dev")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Tracking]:
    """Outputs of the seeds and every dev article outside the validation split, and their tracking."""
    validation = set(json.loads((DEV / "splits.json").read_text())["validation"])
    src = tmp_path_factory.mktemp("src")
    for f in [*sorted((DEV / "articles").glob("*.txt")), *sorted((SHARED / "seeds").glob("*.txt"))]:
        if f.stem not in validation:
            (src / f.name).symlink_to(f)
    out, tracking = tmp_path_factory.mktemp("out"), tmp_path_factory.mktemp("t") / "tracking.json"
    run = CliRunner().invoke(app, ["extract", str(src), "--out", str(out), "--deterministic"])
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(app, ["track", str(out), "-o", str(tracking)])
    assert run.exit_code == 0, run.output
    return out, Tracking.model_validate_json(tracking.read_text(encoding="utf-8"))


@needs_dev
def test_dev_series_recall_precision_status(corpus: tuple[Path, Tracking]) -> None:
    s = score_series(corpus[1], load_series(DEV / "series.json"))
    assert s.recall >= 0.8, s.misses
    assert s.precision >= 0.9, s.extra
    assert s.status_right == s.correct_found, s.wrong_status
    assert s.cross_place == 0


@needs_dev
def test_nothing_linked_outside_the_series_nor_across_places(corpus: tuple[Path, Tracking]) -> None:
    t = corpus[1]
    series_files = {g[k]["file"] for s in load_series(DEV / "series.json") for g in s["links"]
                    for k in ("pledge", "report")}
    place = {a.file: a.place for a in t.articles}
    pledges = {tl.pledge.id: tl.pledge for tl in t.timelines}
    outside = [(pledges[x.pledge_id].quotes[0].quote, x.report.quote) for x in t.links
               if Path(x.report.file).stem not in series_files]
    print(f"{len(t.links)} links among {len(t.articles)} articles, {len(outside)} outside the series")
    assert outside == []
    for x in t.links:
        p = pledges[x.pledge_id]
        assert p.place is not None and p.place == x.why.place == place[x.report.file]
        assert p.file != x.report.file


@needs_dev
def test_person_index_merges_one_official_across_articles(corpus: tuple[Path, Tracking]) -> None:
    people = corpus[1].people
    zhang = [p for p in people if p.name == "张莹"]  # 人社部就业促进司 and 人力资源和社会保障部就业促进司
    assert len(zhang) == 1 and len(zhang[0].files) == 2
    assert zhang[0].first_date == "2019-10-21" and zhang[0].last_date == "2020-01-14"
    he = [p for p in people if p.name == "何永賢"]
    assert len(he) == 1 and he[0].place == "香港" and len(he[0].files) >= 3
    keys = [(p.name, p.organization, p.place) for p in people]
    assert len(keys) == len(set(keys))


def _official(name: str, title: str, org: str | None, text: str) -> Official:
    at = text.index(name)
    return Official(id="p1", name=name, title=title, organization=org, quote=name, span=(at, at + len(name)))


def _article(file: str, date: str, text: str, officials: list[Official]) -> ArticleResult:
    return ArticleResult(source=Source(file=file, date=date), text=text, officials=officials)


def test_person_index_same_name_same_org_merges_other_place_stays_apart() -> None:
    a = "青岛市崂山区区长刘强表示，今年将新建养老床位。"
    b = "青岛市崂山区区委副书记、区长刘强在会上说，全区就业稳定。"
    c = "成都市武侯区区长刘强表示，将加快建设。"
    results = [_article("a.txt", "2023-01-05", a, [_official("刘强", "区长", "崂山区", a)]),
               _article("b.txt", "2024-02-01", b, [_official("刘强", "区委副书记、区长", "崂山区", b)]),
               _article("c.txt", "2024-03-01", c, [_official("刘强", "区长", "武侯区", c)])]
    people = track(results).people
    liu = sorted((p for p in people if p.name == "刘强"), key=lambda p: p.place or "")
    assert [(p.place, p.files) for p in liu] == [("成都", ["c.txt"]), ("青岛", ["a.txt", "b.txt"])]
    assert liu[1].titles == ["区长", "区委副书记、区长"]
    assert (liu[1].first_date, liu[1].last_date) == ("2023-01-05", "2024-02-01")


def _extracted(tmp_path: Path, name: str, text: str) -> ArticleResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(path, deterministic=True, cache=False)


PLEDGE = "青岛市人社局发布会\n\n2022年，青岛市计划城镇新增就业60万人。市人社局将举办招聘会100场。\n"


@pytest.mark.parametrize(("report", "status", "ratio"), [
    ("青岛市去年城镇新增就业62.3万人，完成目标的103.8%。", "kept", 1.038),
    ("青岛市1-6月城镇新增就业21.1万人，完成全年目标任务的35.2%。", "open", 0.352),
    ("2022年青岛市城镇新增就业超额完成全年目标任务。", "kept", None),
    ("青岛市全年城镇新增就业48万人。", "partly", 0.8),
    ("山东省全年城镇新增就业120万人，完成目标的110%。", None, None),  # another place
    ("青岛市全年接待游客60万人次。", None, None),  # another unit and subject
])
def test_progress_statements(tmp_path: Path, report: str, status: str | None, ratio: float | None) -> None:
    dated = "青岛市人社局发布会\n\n" + report + "\n"
    when = "2022_07" if "1-6月" in report else "2023"
    results = [_extracted(tmp_path, "qd_2022.txt", PLEDGE), _extracted(tmp_path, f"qd_{when}.txt", dated)]
    links = track(results).links
    if status is None:
        assert links == []
        return
    assert [x.status for x in links if x.kind in ("progress", "value")][:1] == [status], links
    if ratio is not None:
        assert any(x.ratio is not None and abs(x.ratio - ratio) < 0.001 for x in links), links


def test_track_cli_names_unreadable_input_and_processes_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    report = "青岛市去年城镇新增就业62.3万人，完成目标的103.8%。\n"
    for name, text in (("qd_2022.txt", PLEDGE), ("qd_2023.txt", report)):
        (out / name.replace(".txt", ".json")).write_text(_extracted(tmp_path, name, text).model_dump_json())
    (out / "broken.json").write_text("{not json", encoding="utf-8")
    target = tmp_path / "tracking.json"
    run = CliRunner().invoke(app, ["track", str(out), "-o", str(target)])
    assert run.exit_code == 0, run.output
    assert "broken.json" in run.output and "cannot read" in run.output
    t = Tracking.model_validate_json(target.read_text(encoding="utf-8"))
    assert [e.file for e in t.errors] == [str(out / "broken.json")]
    assert sorted((x.kind, x.status) for x in t.links) == [("progress", "kept"), ("value", "kept")]
    assert not list(tmp_path.glob(".tracking.json.*"))  # no temp file left behind
