"""Inputs: encodings, formats, directories, stdin, and bad input (one clear line, batch goes on).

Everything runs `summarizer extract --deterministic` (no LLM) through the real CLI on small
articles written into tmp_path.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import ArticleResult
from summarizer.text.ingest import decode, discover

# A paragraph in the seeds' style (seed 000: 今年1-10月，全市城镇新增就业54.9万人), simplified…
SIMPLIFIED = (
    "重庆市就业形势总体稳定\n"
    "2020-12-06 来源：重庆日报\n"
    "市就业局局长李为民介绍，今年1-10月，全市城镇新增就业54.9万人，发放稳岗返还资金262亿元，"
    "城镇登记失业率为3.4%。\n"
    "李为民表示，下一步，我们将继续做好高校毕业生等重点群体就业工作，"
    "2021年全市城镇新增就业60万人以上。\n"
)
# …and the same paragraph converted by hand to traditional characters (萬, 億, 資金, 就業, 為 …).
TRADITIONAL = (
    "重慶市就業形勢總體穩定\n"
    "2020-12-06 來源：重慶日報\n"
    "市就業局局長李為民介紹，今年1-10月，全市城鎮新增就業54.9萬人，發放穩崗返還資金262億元，"
    "城鎮登記失業率為3.4%。\n"
    "李為民表示，下一步，我們將繼續做好高校畢業生等重點群體就業工作，"
    "2021年全市城鎮新增就業60萬人以上。\n"
)
VALUES = {549000.0, 26200000000.0, 3.4, 600000.0}

HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>重庆市就业形势总体稳定</title>
<script>var tracker = "SCRIPTCODE"; function menu() {{ return "SCRIPTCODE"; }}</script>
<style>.nav {{ color: red; }} /* STYLECODE */</style></head>
<body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心NAVMENU</a></li>
<li><a href="/gov">政务公开NAVMENU</a></li></ul></nav>
<article>
<h1>重庆市就业形势总体稳定</h1>
<p>2020-12-06 来源：重庆日报</p>
<p>市就业局局长李为民介绍，今年1-10月，全市城镇新增就业54.9万人，发放稳岗返还资金262亿元，城镇登记失业率为3.4%。</p>
<p>李为民表示，下一步，我们将继续做好高校毕业生等重点群体就业工作，2021年全市城镇新增就业60万人以上。</p>
</article>
<footer><p>版权所有 重庆日报 FOOTERTEXT 渝ICP备00000000号</p></footer>
<script>trackPageView("TRACKER");</script>
</body></html>
"""


def extract(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    """Run the CLI; return the exit code and stderr (stdout must stay empty)."""
    result = CliRunner().invoke(app, ["extract", *args, "--deterministic"], input=stdin)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def load(out: Path, stem: str) -> ArticleResult:
    return ArticleResult.model_validate_json((out / f"{stem}.json").read_text(encoding="utf-8"))


def summary(stderr: str) -> dict:
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith('{"run"')]
    assert len(lines) == 1, stderr
    return lines[0]


def assert_grounded(r: ArticleResult) -> None:
    items = [*r.officials, *r.non_officials, *r.metrics, *r.commitments]
    assert items
    for item in items:
        assert r.text[item.span[0]:item.span[1]] == item.quote
        for s, e in item.spans:
            assert r.text[s:e]


# ---------------------------------------------------------------- encodings and line ends


@pytest.mark.parametrize(("name", "text", "encode"), [
    ("utf8", SIMPLIFIED, lambda t: t.encode("utf-8")),
    ("utf8_bom", SIMPLIFIED, lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    ("gbk", SIMPLIFIED, lambda t: t.encode("gbk")),
    ("gb18030", SIMPLIFIED + "𠀀\n", lambda t: t.encode("gb18030")),  # a 4-byte GB18030 character
    ("big5", TRADITIONAL, lambda t: t.encode("big5")),
    ("utf8_traditional", TRADITIONAL, lambda t: t.encode("utf-8")),
    ("utf16_bom", SIMPLIFIED, lambda t: t.encode("utf-16")),  # Windows "Unicode" text
    ("crlf_gbk", SIMPLIFIED.replace("\n", "\r\n"), lambda t: t.encode("gbk")),
    ("cr_only", SIMPLIFIED.replace("\n", "\r"), lambda t: t.encode("utf-8")),
])
def test_encodings_decode_and_extract_alike(tmp_path: Path, name: str, text: str, encode) -> None:
    src = tmp_path / f"{name}.txt"
    src.write_bytes(encode(text))
    out = tmp_path / "out"
    code, stderr = extract(str(src), "--out", str(out))
    assert code == 0, stderr
    r = load(out, name)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert r.text == expected  # decoded exactly, BOM dropped, line ends normalized
    assert "\r" not in r.text and "\ufeff" not in r.text
    assert {m.value for m in r.metrics} == VALUES
    assert r.source.date == "2020-12-06"
    assert r.source.publisher in ("重庆日报", "重慶日報")
    assert_grounded(r)
    assert summary(stderr)["failed"] == 0


def test_short_gbk_is_not_mistaken_for_korean() -> None:
    # Unrestricted detection read these 13 GBK characters as cp949 (Korean) mojibake.
    short = "新增就业54.9万人。"
    assert decode(short.encode("gbk"), "short.txt") == short
    assert decode("新增就業54.9萬人。".encode("big5"), "short.txt") == "新增就業54.9萬人。"


def test_traditional_article_extracts_like_simplified(tmp_path: Path) -> None:
    (tmp_path / "simp.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "trad.txt").write_bytes(TRADITIONAL.encode("big5"))
    out = tmp_path / "out"
    code, stderr = extract(str(tmp_path / "simp.txt"), str(tmp_path / "trad.txt"), "--out", str(out))
    assert code == 0, stderr
    simp, trad = load(out, "simp"), load(out, "trad")

    def facts(r: ArticleResult) -> list[tuple]:
        return [(m.value, m.unit, m.role, m.qualifier, m.period_start, m.period_end, m.span)
                for m in r.metrics]

    assert facts(trad) == facts(simp)  # same numbers, units, roles and offsets
    by_text = {m.value_text: m for m in trad.metrics}
    assert by_text["54.9萬人"].value == 549000 and by_text["54.9萬人"].role == "reported"
    assert by_text["262億元"].value == 26_200_000_000
    assert by_text["60萬人以上"].role == "target" and by_text["60萬人以上"].qualifier == "at_least"
    assert [c.target for c in trad.commitments] == ["60萬人以上"]
    assert len(trad.commitments) == len(simp.commitments)
    assert_grounded(trad)


def test_traditional_officials_like_simplified(tmp_path: Path) -> None:
    (tmp_path / "trad.txt").write_text(TRADITIONAL, encoding="utf-8")
    out = tmp_path / "out"
    extract(str(tmp_path / "trad.txt"), "--out", str(out))
    assert [(o.name, o.title) for o in load(out, "trad").officials] == [("李為民", "市就業局局長")]


def test_a_traditional_article_gets_a_traditional_summary(tmp_path: Path) -> None:
    from summarizer.llm.client import LLM, Endpoint
    from summarizer.models import Source
    from summarizer.pipeline.article import run_article
    from summarizer.text.hanzi import is_traditional, simplified_view
    from summarizer.text.ingest import Article

    from .stub_llm import StubLLM

    assert is_traditional(TRADITIONAL, simplified_view(TRADITIONAL))
    assert not is_traditional(SIMPLIFIED, simplified_view(SIMPLIFIED))
    stray = SIMPLIFIED.replace("失业率为", "失业率為")  # one traditional character: still simplified
    assert not is_traditional(stray, simplified_view(stray))
    gist = "重庆就业形势总体稳定，新增就业54.9万人"  # the model answers in simplified characters
    with StubLLM(content={"officials": [], "gist": gist}) as stub:
        llm = LLM(Endpoint(base_url=stub.base_url, api_key="x", model="stub", identity="stub"), None)
        summaries = {name: run_article(Article(path=f"{name}.txt", text=text,
                                               source=Source(file=f"{name}.txt")), llm).summary
                     for name, text in (("simp", SIMPLIFIED), ("trad", TRADITIONAL))}
    assert summaries == {"simp": "重庆就业形势总体稳定，新增就业54.9万人。",
                         "trad": "重慶就業形勢總體穩定，新增就業54.9萬人。"}


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize(("suffix", "charset"), [(".html", "utf-8"), (".htm", "gbk")])
def test_html_main_text_only(tmp_path: Path, suffix: str, charset: str) -> None:
    src = tmp_path / f"page{suffix}"
    src.write_bytes(HTML.format(charset=charset).encode(charset))
    out = tmp_path / "out"
    code, stderr = extract(str(src), "--out", str(out))
    assert code == 0, stderr
    r = load(out, "page")
    for noise in ("SCRIPTCODE", "STYLECODE", "TRACKER", "NAVMENU", "FOOTERTEXT", "<p>", "<"):
        assert noise not in r.text
    assert "全市城镇新增就业54.9万人" in r.text
    assert {m.value for m in r.metrics} == VALUES
    assert_grounded(r)  # spans index the stored (extracted) text, not the markup
    assert r.source.title == "重庆市就业形势总体稳定" and r.source.date == "2020-12-06"


def test_html_content_in_a_txt_file_is_treated_as_html(tmp_path: Path) -> None:
    src = tmp_path / "saved.txt"
    src.write_text(HTML.format(charset="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert extract(str(src), "--out", str(out))[0] == 0
    assert "SCRIPTCODE" not in load(out, "saved").text


def test_markdown(tmp_path: Path) -> None:
    src = tmp_path / "note.md"
    src.write_text("# 重庆市就业形势总体稳定\n\n" + SIMPLIFIED.split("\n", 1)[1], encoding="utf-8")
    out = tmp_path / "out"
    assert extract(str(src), "--out", str(out))[0] == 0
    r = load(out, "note")
    assert {m.value for m in r.metrics} == VALUES
    assert_grounded(r)


def test_directory_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for rel in ("b.txt", "a.htm", "sub/c.html", "sub/deeper/d.TXT"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HTML.format(charset="utf-8") if ".htm" in rel else SIMPLIFIED,
                        encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "data.json").write_text("{}", encoding="utf-8")
    (root / "sub" / "notes.md").write_text(SIMPLIFIED, encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "e.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (root / ".f.txt").write_text(SIMPLIFIED, encoding="utf-8")

    found = discover([str(root)])
    assert found.problems == []
    assert found.files == sorted(found.files)
    assert [Path(f).relative_to(root).as_posix() for f in found.files] == [
        "a.htm", "b.txt", "sub/c.html", "sub/deeper/d.TXT"]
    assert found.skipped == {str(root): [str(root / "data.json"), str(root / "image.png"),
                                         str(root / "sub" / "notes.md")]}

    out = tmp_path / "out"
    code, stderr = extract(str(root), "--out", str(out))
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json", "d.json"]
    assert summary(stderr)["run"]["articles"] == 4 and summary(stderr)["run"]["skipped"] == 3
    (line,) = [x for x in stderr.splitlines() if x.startswith("skipped")]
    assert line.startswith(f"skipped 3 files in {root} that are no articles: {root / 'data.json'}, ")
    assert "notes.md" in line and "name a file to extract it" in line


def test_a_markdown_list_of_links_in_a_folder_is_no_article_unless_named(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    links = root / "links.md"
    links.write_text("# 参考链接\n\n- [重庆日报](https://www.cqrb.cn/content/2020-12/06/content_302917.htm)\n"
                     "- [新华网](http://www.xinhuanet.com/local/2021-11/04/c_1128029861.htm?id=54%20)\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    code, stderr = extract(str(root), "--out", str(out))
    assert code == 0, stderr
    assert [p.name for p in out.iterdir()] == ["a.json"]
    assert f"skipped 1 file in {root} that is no article: {links} " in stderr
    # named explicitly, it is read (and the numbers in its URLs are no metrics)
    code, stderr = extract(str(links), "--out", str(out))
    assert code == 0, stderr
    assert load(out, "links").metrics == [] and summary(stderr)["run"]["skipped"] == 0


def test_many_skipped_files_are_counted_not_all_listed(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    for i in range(12):
        (root / f"img{i:02d}.png").write_bytes(b"\x89PNG")
    code, stderr = extract(str(root), "--out", str(tmp_path / "out"))
    assert code == 0
    (line,) = [x for x in stderr.splitlines() if x.startswith("skipped")]
    assert line.startswith("skipped 12 files") and "img04.png and 7 more (" in line
    assert "img05.png" not in line


def test_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stderr = extract("-", "--out", str(out), stdin=SIMPLIFIED.encode("gb18030"))
    assert code == 0, stderr
    r = load(out, "stdin")
    assert r.text == SIMPLIFIED and r.source.file == "-"
    assert {m.value for m in r.metrics} == VALUES


def test_same_output_name_is_reported_not_overwritten(tmp_path: Path) -> None:
    for rel in ("a/x.txt", "b/x.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(SIMPLIFIED if rel.startswith("a") else TRADITIONAL,
                                    encoding="utf-8")
    out = tmp_path / "out"
    code, stderr = extract(str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out))
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "b/x.txt" in errors[0] and "x.json" in errors[0]
    assert load(out, "x").text == SIMPLIFIED  # the first one's output survives
    assert summary(stderr)["failed"] == 1


# ---------------------------------------------------------------- bad input


BAD = {
    # file name: (content, the words its one error line must carry)
    "empty.txt": (b"", "file is empty"),
    "blank.txt": (b"  \r\n\t\n\xe3\x80\x80\n", "only whitespace"),  # U+3000 is whitespace too
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    "garbage.txt": (SIMPLIFIED.encode("utf-8")[:60] + b"\xff\xfe\x80\x81" * 40
                    + SIMPLIFIED.encode("utf-8")[60:], "undecodable"),
    "big.txt": (SIMPLIFIED.encode("utf-8") * 40, "size limit"),
    "scripts.html": (b"<html><head><title>t</title><script>x()</script></head>"
                     b"<body><div><script>var a = 1;</script></div></body></html>", "no article text"),
}


def test_bad_inputs_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, (content, _) in BAD.items():
        (src / name).write_bytes(content)
    (src / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    empty_dir = tmp_path / "nothing_here"
    (empty_dir / "sub").mkdir(parents=True)
    (empty_dir / "sub" / "picture.png").write_bytes(b"\x89PNG")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"

    code, stderr = extract(str(src), str(missing), str(empty_dir), "--out", str(out),
                           "--max-bytes", "4096")
    assert code == 1
    error_lines = [line for line in stderr.splitlines() if line.startswith("error")]
    expected = {**{name: words for name, (_, words) in BAD.items()},
                missing.name: "no such file", empty_dir.name: "no article files"}
    assert len(error_lines) == len(expected), stderr
    for name, words in expected.items():
        mine = [line for line in error_lines if name in line]
        assert len(mine) == 1, (name, stderr)
        assert words in mine[0], (name, mine[0])
    assert summary(stderr)["failed"] == len(expected)

    good = load(out, "good")
    assert not good.errors and {m.value for m in good.metrics} == VALUES
    for name, (_, words) in BAD.items():  # each bad file gets a JSON saying why
        r = load(out, Path(name).stem)
        assert r.failed and r.errors[0].stage == "ingest" and words in r.errors[0].reason


def test_bad_input_alone_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, stderr = extract(str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"))
    assert code == 1
    assert summary(stderr)["failed"] == 1


def test_error_line_is_one_line_and_keeps_brackets(tmp_path: Path) -> None:
    # rich markup would eat "[b]" and a long path would be hard-wrapped at 80 columns
    deep = tmp_path / ("很长的目录名称" * 8) / "[b]报告[local]"
    deep.mkdir(parents=True)
    bad = deep / "空文件[1].txt"
    bad.write_bytes(b"")
    code, stderr = extract(str(bad), "--out", str(tmp_path / "out"))
    assert code == 1
    lines = stderr.splitlines()
    assert len(lines) == 4  # the error, the article's log line, the run summary (+ its JSON)
    assert lines[0] == f"error {bad}: file is empty (0 bytes)"
    assert lines[1].startswith(f"[1/1] {bad}: failed, ")
    assert lines[2] == "1 article: 0 ok, 0 degraded, 1 failed"


def test_stdin_over_the_limit(tmp_path: Path) -> None:
    code, stderr = extract("-", "--out", str(tmp_path / "out"), "--max-bytes", "100",
                           stdin=SIMPLIFIED.encode("utf-8"))
    assert code == 1
    assert re.search(r"^error -: .*size limit of 100 bytes", stderr, re.MULTILINE), stderr


@pytest.mark.parametrize(("data", "words"), [
    (b"", "file is empty"),
    (b" \n\r\n\t", "only whitespace"),
    (b"\xef\xbb\xbf\n", "only whitespace"),  # a BOM and nothing else
    (b"\xff\xfe" + b"\xfa\xff\xfe\xfa" * 200, "undecodable"),  # a UTF-16 mark, then garbage
    (b"\xff\xfe" + b"\x00\xd8" * 10, "undecodable bytes"),  # lone surrogates
    (bytes(range(1, 32)) * 50, "binary or undecodable"),  # control characters
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8, "binary file"),  # a .docx (zip)
])
def test_decode_rejects(data: bytes, words: str) -> None:
    from summarizer.errors import InputError

    with pytest.raises(InputError, match=re.escape(words)) as info:
        decode(data, "x.txt")
    assert str(info.value).startswith("x.txt: ")


@pytest.mark.parametrize(("raw", "text"), [
    ("局長(cháng)周一岳表示，四萬(wàn)六千多宗。\n", "局長周一岳表示，四萬六千多宗。\n"),
    ("预（yù）计明年完成。\n", "预计明年完成。\n"),
    ("并会(huì )密切留意。\n", "并会密切留意。\n"),
    ("長照(PAC)服務與(2024)年。\n", "長照(PAC)服務與(2024)年。\n"),  # no tone mark: no reading
])
def test_reading_annotations_of_mirror_sites_are_dropped(raw: str, text: str) -> None:
    from summarizer.text.ingest import clean
    got, dropped = clean(raw)
    assert got == text
    assert all(raw[d.start:d.end] == d.excerpt and d.reason == "reading annotation" for d in dropped)
    assert len(raw) - len(got) == sum(d.end - d.start for d in dropped)
