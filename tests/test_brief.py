"""`summarizer brief`: Markdown snapshot, fact filtering, timeline, changes, escaping, browser check.

Regenerate the snapshot with `UPDATE_SNAPSHOTS=1 pytest tests/test_brief.py`.
Set `BRIEF_SCREENSHOT=path.png` to keep the browser test's screenshot.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summarizer.models import ArticleResult, Commitment, Metric, Official
from summarizer.outputs import hooks
from summarizer.outputs.brief import brief_command, build_html, build_markdown, load_results
from summarizer.outputs.brief.model import classify, collect, find_changes, normalize_subject, sector_of
from summarizer.outputs.brief.render_html import highlight

FIXTURES = Path(__file__).parent / "fixtures" / "brief"
SNAPSHOT = Path(__file__).parent / "snapshots" / "brief.md"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def results() -> list[ArticleResult]:
    loaded = load_results([FIXTURES])
    assert len(loaded) == 3
    return loaded


def _section(md: str, title: str) -> str:
    return md.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _tags_stripped(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def test_markdown_snapshot(results: list[ArticleResult]) -> None:
    got = build_markdown(results)
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(got, encoding="utf-8")
    assert got == SNAPSHOT.read_text(encoding="utf-8"), (
        "run with UPDATE_SNAPSHOTS=1 if the change is intended"
    )


def test_only_verified_and_normalized_facts_appear(results: list[ArticleResult]) -> None:
    md, page = build_markdown(results), build_html(results)
    facts = collect(results).facts
    shown = {(f.article.index, f.item.id) for f in facts}
    for i, r in enumerate(results):
        items: list[Official | Metric | Commitment] = [*r.officials, *r.metrics, *r.commitments]
        for item in items:
            assert ((i, item.id) in shown) == (item.status in ("verified", "normalized"))
    for f in facts:
        assert f"「{f.item.quote}」" in md
        assert f'id="h-{f.key}"' in page
    # fixture A has a conflict metric (95%), B an unsupported commitment, A a rejected item
    for out in (md, page):
        assert "95%" not in out
        assert "全面取消公办幼儿园保育教育费" not in out
        assert "高校毕业生人数" not in out
    assert "我市户籍高校毕业生就业率已超过90%" not in md
    assert 'id="h-a1-m-m3"' not in page


def test_timeline_is_earliest_first_undated_last(results: list[ArticleResult]) -> None:
    timeline = _section(build_markdown(results), "分领域承诺时间线")
    sectors = re.findall(r"^### (.+)$", timeline, re.M)
    assert sectors == ["就业", "教育", "养老/民政", "乡村振兴", "公共安全"]
    for block in re.split(r"^### .+$", timeline, flags=re.M)[1:]:
        whens = re.findall(r"^- \*\*(\d{4}|未定期限)\*\* ", block, re.M)
        years = [int(w) for w in whens if w != "未定期限"]
        assert years == sorted(years)
        assert whens == [*map(str, years), *["未定期限"] * (len(whens) - len(years))]
    employment = re.split(r"^### .+$", timeline, flags=re.M)[1]
    assert re.findall(r"^- \*\*(\S+)\*\*", employment, re.M) == ["2021", "2024", "未定期限", "未定期限"]


def test_sector_uses_given_sector_then_keywords() -> None:
    def c(action: str, sector: str | None = None) -> Commitment:
        return Commitment(id="c", action=action, sector=sector, quote=action, span=(0, len(action)))

    assert sector_of(c("新增公办园90所")) == "教育"
    assert sector_of(c("新增公办园90所", sector="就业")) == "就业"  # the model's sector wins
    assert sector_of(c("抓好六个救助", sector="民政")) == "养老/民政"  # alias
    assert sector_of(c("对电信诈骗开展专项打击")) == "公共安全"
    assert classify("修缮城区道路") == "其他"


def test_what_changed(results: list[ArticleResult]) -> None:
    changes = _section(build_markdown(results), "变化")
    assert (
        "- **城镇新增就业**（跨文章）：54.9万人（1-10月，A1） → 64.8万人（截至10月底，A2） → "
        "60万人以上（全年，目标，A3）"
    ) in changes
    assert (
        "- **公众卫生应急技能培训人数**（同篇）：1万人（年初计划，目标，A2） → 1.3万余人（目前，A2）"
        in changes
    )
    assert "破案率" not in changes and "城乡低保对象" not in changes
    assert normalize_subject("全市城镇新增就业") == normalize_subject("我市 城镇新增就业") == "城镇新增就业"
    brief = collect(results)
    metrics = brief.of("metric")
    assert len(find_changes(metrics)) == 2
    assert find_changes([metrics[0]]) == []


def _evil() -> ArticleResult:
    text = '标题<script>alert(1)</script>正文 "onmouseover=alert(2) 市长 <b>张三</b> 新增就业10万人'
    name = "<b>张三</b>"
    start, q = text.index("市长"), '"onmouseover=alert(2)'
    return ArticleResult.model_validate(
        {
            "source": {"file": "x<script>.txt", "title": "</title><script>alert(3)</script>"},
            "text": text,
            "summary": "<script>alert(4)</script>",
            "officials": [
                {
                    "id": 'p1"><script>',
                    "name": name,
                    "title": '"onmouseover=alert(5)',
                    "quote": f"市长 {name}",
                    "span": [start, start + len(f"市长 {name}")],
                }
            ],
            "metrics": [
                {
                    "id": "m1",
                    "subject": "<img src=x onerror=alert(6)>",
                    "value_text": "10万人",
                    "value": 1e5,
                    "unit": "人",
                    "quote": q,
                    "span": [text.index(q), text.index(q) + len(q)],
                }
            ],
        }
    )


def test_untrusted_strings_are_escaped() -> None:
    page = build_html([_evil()])
    assert page.count("<script") == 1  # only the page's own script
    assert "<img" not in page and "<b>" not in page
    assert '"onmouseover=' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;onmouseover=alert(2)" in page
    md = build_markdown([_evil()])
    assert set(re.findall(r"(?<!\\)<\w+", md)) <= {"<br"}  # markup in strings is backslash-escaped
    assert "\\<script\\>alert(1)" not in md  # the article text itself is not in the Markdown
    assert "\\<img src=x onerror=alert(6)\\>" in md


def test_highlight_clips_overlaps_without_losing_text(results: list[ArticleResult]) -> None:
    brief = collect(results)
    for a in brief.articles:
        facts = [f for f in brief.facts if f.article is a]
        markup = str(highlight(a.result.text, facts))
        assert html.unescape(_tags_stripped(markup)) == a.result.text
        for f in facts:  # each fact's primary span is exactly the concatenation of its marks
            pieces = re.findall(
                rf'<mark[^>]*data-f="[^"]*\b{re.escape(f.key)}\b[^"]*"[^>]*>(.*?)</mark>', markup
            )
            assert html.unescape("".join(pieces)) == f.item.quote
    # A3: metric 城镇新增就业60万人以上 lies inside commitment 确保全年…, at two places (merged spans)
    page = build_html(results)
    assert 'class="hl t-metric t-commitment" data-f="a3-c-c2 a3-m-m2" data-x=""' in page
    assert 'class="hl t-metric t-commitment" data-f="" data-x="a3-c-c2 a3-m-m2"' in page


def test_load_skips_invalid_files_with_one_warning_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FIXTURES / "a_000_rounds_2020.json", tmp_path / "good.json")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"source": {"file": "x"}}', encoding="utf-8")
    assert len(load_results([tmp_path])) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert "broken.json: invalid JSON" in lines[0]
    assert "other.json: not an ArticleResult: text: Field required" in lines[1]


def test_command_writes_atomically(tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(brief_command)
    runner = CliRunner()
    out = tmp_path / "out" / "brief.html"
    res = runner.invoke(app, [str(FIXTURES), "--format", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    results = load_results([FIXTURES])  # with the tracking section when the CLI set the tracker
    assert out.read_text(encoding="utf-8") == build_html(results, hooks.tracking_of(results))
    assert [p.name for p in out.parent.iterdir()] == ["brief.html"]  # no temp file left behind
    assert runner.invoke(app, [str(FIXTURES), "--format", "pdf", "-o", str(out)]).exit_code == 2
    assert runner.invoke(app, [str(tmp_path / "out"), "-o", str(tmp_path / "x.md")]).exit_code == 1


def _chromium(tmp: Path, *args: str) -> str:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'chromium-profile'}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout


def _selftest(dom: str) -> dict[str, object]:
    m = re.search(r'<pre id="selftest">(.*?)</pre>', dom, re.S)
    assert m, "the page did not run its #selftest"
    report: dict[str, object] = json.loads(html.unescape(m.group(1)))
    return report


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium absent: apt-get install -y chromium")
def test_html_in_headless_chromium(results: list[ArticleResult], tmp_path: Path) -> None:
    """The page's own `#selftest` clicks every fact link and records span, flash and scroll."""
    page = tmp_path / "brief.html"
    page.write_text(build_html(results), encoding="utf-8")
    url = page.as_uri() + "#selftest"
    report = _selftest(_chromium(tmp_path, "--window-size=390,844", "--dump-dom", url))  # phone viewport
    facts = collect(results).facts
    assert report["failed"] == []
    assert sorted(report["ok"]) == sorted(f.key for f in facts)  # type: ignore[call-overload]
    assert report["text"] == {f.key: f.item.quote for f in facts}
    assert report["marks"] >= len(facts)  # type: ignore[operator]
    assert report["filters"] == {
        "metricRowsHidden": True,
        "metricMarksOff": 0,
        "metricMarksRestored": True,
        "sectorRowsHidden": True,
        "otherRowsShown": True,
    }

    # Headless screenshots do not paint a scrolled page, so make the window as tall as the page.
    shot = tmp_path / "brief.png"
    _chromium(tmp_path, f"--window-size=390,{report['height']}", f"--screenshot={shot}", url)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if target := os.environ.get("BRIEF_SCREENSHOT"):
        shutil.copy(shot, target)

    evil = tmp_path / "evil.html"
    evil.write_text(build_html([_evil()]), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", evil.as_uri() + "#selftest")
    assert dom.count("<script") == 1 and "<img" not in dom and "<b>" not in dom
    assert _selftest(dom)["failed"] == []
