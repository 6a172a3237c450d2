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
from summarizer.outputs.brief import text as t
from summarizer.outputs.brief.digest import KEY_PER_PLACE, KEY_PER_SECTOR, digest, sayings
from summarizer.outputs.brief.model import SECTORS, classify, collect, find_changes, normalize_subject, sector_of
from summarizer.outputs.brief.render_html import highlight, said_markup
from summarizer.outputs.brief.render_md import md as md_escape
from summarizer.track.run import track

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
    sentences = re.findall(r"^- 「(.*)」A\d", md, re.M)
    for f in facts:
        assert f.kind == "official" or any(md_escape(f.item.quote) in s for s in sentences)
        assert f'id="h-{f.key}"' in page
    # fixture A has a conflict metric (95%), B an unsupported commitment, A a rejected item
    for out in (md, page):
        assert "95%" not in out
        assert "全面取消公办幼儿园保育教育费" not in out
        assert "高校毕业生人数" not in out
    assert "我市户籍高校毕业生就业率已超过90%" not in md.split("## 来源")[0]
    assert 'id="h-a1-m-m3"' not in page


def test_key_rule_target_or_deadline_in_the_sentence_capped_per_place_and_sector(
    results: list[ArticleResult],
) -> None:
    d = digest(collect(results))
    shown = [g.sector for g in d.promised if g.key]
    assert shown == sorted(shown, key=SECTORS.index) and len(shown) == 6  # fixed sector order
    for g in d.promised:
        assert len(g.key) <= KEY_PER_PLACE
        for s in g.key:  # a key promise shows its target or its deadline in the sentence itself
            words = [w for f in s.facts for w in (
                (f.item.target, f.item.deadline) if isinstance(f.item, Commitment)
                else (f.item.value_text,) if isinstance(f.item, Metric) and f.item.role == "target" else ())]
            assert any(w and w in s.text for w in words)
        scores = [s.score for s in g.key]
        assert scores == sorted(scores, reverse=True) and all(scores)
        assert all(s.score <= min(scores, default=0) for s in g.rest)  # nothing better left behind
    for g in d.reported:
        for s in g.key:  # a key figure has a period and a unit
            assert any(isinstance(f.item, Metric) and f.item.unit and t.period(f.item) for f in s.facts)
    for sector in {g.sector for g in d.promised}:
        assert sum(len(g.key) for g in d.promised if g.sector == sector) <= KEY_PER_SECTOR
    key = _section(build_markdown(results), "承诺：目标与期限")
    assert "到2027年" in key and "我市将建设7个高质量充分就业区县" not in key  # no target nor deadline there
    assert "我市将建设7个高质量充分就业区县" in _section(build_markdown(results), "其余承诺")
    assert "12月底前" in _section(build_markdown(results), "其余承诺")  # 就业 has two better already


def test_each_sentence_is_printed_once(results: list[ArticleResult]) -> None:
    """Outside the articles' full texts every fact's sentence is printed once, beside its facts."""
    brief = collect(results)
    page = re.sub(r'<details class="fulltext".*?</details>', "", build_html(results), flags=re.S)
    printed = re.findall(r'<span class="q">(.*?)</span>', page, re.S)
    texts = [_tags_stripped(q) for q in printed]
    assert len(texts) == len(set(texts)) > 0
    for f in brief.facts:
        if f.kind != "official":
            assert sum(bool(re.search(rf'data-s="[^"]*\b{f.key}\b', q)) for q in printed) == 1, f.key
    assert page.count("<q") == 0 and "「" not in page.split("<main>")[1]  # no quote printed again
    md = build_markdown(results)
    lines = re.findall(r"^- 「(.*)」A\d", md, re.M)
    assert len(lines) == len(set(lines)) == len(sayings(brief))


def test_first_part_answers_promised_reported_tracked_and_who(results: list[ArticleResult]) -> None:
    tracking = track(results)
    page = build_html(results, tracking)
    first = page.split("<main>", 1)[1].split("<details", 1)[0]
    assert first.lstrip().startswith('<section id="digest">')
    glance = first.split("</dl>", 1)[0]
    for label in ("承诺", "数据", "追踪", "官员"):
        assert "<dt><a href=" in glance and f">{label}</a></dt>" in glance
    assert '<section id="tracking"><h2>承诺追踪</h2>' in first
    d = digest(collect(results), tracking)
    plain = html.unescape(_tags_stripped(first))
    for s in [*(s for g in d.promised for s in g.key), *(s for g in d.reported for s in g.key)]:
        assert s.text in plain
    for e in d.officials:
        assert f"<strong>{e.name}</strong>" in first
    rest = page.split("<main>", 1)[1].split("<details", 1)[1]
    assert all(_tags_stripped(str(said_markup(s))) not in first for g in d.promised for s in g.rest)
    assert "其余承诺" in rest and "官员索引" in rest
    md = build_markdown(results, tracking)
    head = md.split("\n## 其余承诺\n", 1)[0]
    assert re.findall(r"^## (.+)$", head, re.M) == ["承诺追踪", "承诺：目标与期限", "数据：数值与时期", "官员"]
    assert "- **追踪**：" in head and "- **官员**：" in head


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
        "- **城镇新增就业**（跨文章）：54.9万人（1-10月，A1） [310, 332) → 64.8万人（截至10月底，A2） [49, 70) → "
        "60万人以上（全年，目标，A3） [190, 202) 另见1处"
    ) in changes
    assert (
        "- **公众卫生应急技能培训人数**（同篇）：1万人（年初计划，目标，A2） [685, 694) → "
        "1.3万余人（目前，A2） [695, 708)"
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
    assert "\\<script\\>alert(1)" in md and "<script>" not in md  # the sentence, escaped
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
