"""An article's title: its first line when that looks like a headline (short, no sentence-final
punctuation, not a date, source or byline line), else the HTML page's metadata title (without
the site's name), else none."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import extract
from summarizer.text.ingest import headline, page_title

BODY = ("市就业局局长李为民介绍，今年1-10月，全市城镇新增就业54.9万人，城镇登记失业率为3.4%。\n"
        "李为民表示，2021年全市城镇新增就业60万人以上。\n")


@pytest.mark.parametrize(("first_line", "title"), [
    ("重庆市就业形势总体稳定", "重庆市就业形势总体稳定"),
    ("加大保障和改善民生力度 重庆将推行这些举措", "加大保障和改善民生力度 重庆将推行这些举措"),
    ("如何全面发展社会事业创造高品质生活?来听听他们的看法!", "如何全面发展社会事业创造高品质生活?来听听他们的看法!"),
    ("办好群众“急难愁盼”的民生实事", "办好群众“急难愁盼”的民生实事"),
    ("全民阅读活动在渝启动", "全民阅读活动在渝启动"),
    ("稳就业保民生，重庆出台20条措施", "稳就业保民生，重庆出台20条措施"),
    ("2023年5月12日起重庆将施行新的就业补贴办法", "2023年5月12日起重庆将施行新的就业补贴办法"),
    ("# 重庆市就业形势总体稳定", "重庆市就业形势总体稳定"),  # a Markdown heading
    # running text: a sentence, a clause, a speaker's introduction
    ("党工委会议强调，坚持以民生改善为根本。", None),
    ("党工委会议强调坚持以民生改善为根本，", None),
    ("区民政局党组书记、局长胡文彬：", None),
    ("区民政局党组书记、局长胡文彬:", None),
    # a date, time or source line, a byline
    ("06.12.2020  07:42", None),
    ("2020年12月6日 星期日", None),
    ("2020-12-06 来源：重庆日报", None),
    ("时间:2021-11-04 12:37人气:来源: 重庆日报", None),
    ("本报记者 张三 通讯员 李四", None),
    ("□ 肖婷婷 庄婷婷 杨宗峰", None),
    ("文/张三 图/李四", None),
    # too short or too long for a headline
    ("民生", None),
    ("重庆" * 31, None),
])
def test_first_line_is_the_title_only_when_it_looks_like_a_headline(first_line: str,
                                                                     title: str | None) -> None:
    assert headline(first_line) == title
    assert extract(f"{first_line}\n{BODY}", deterministic=True).source.title == title


def html(title_tag: str, body_first: str, meta: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{title_tag}{meta}</head><body>"
            f"<article><p>{body_first}</p>"
            + "".join(f"<p>{line}</p>" for line in BODY.splitlines()) + "</article></body></html>")


@pytest.mark.parametrize(("page", "title"), [
    # the first line is the headline: it is the title
    (html("<title>重庆就业_新华网</title>", "重庆市就业形势总体稳定"), "重庆市就业形势总体稳定"),
    # the first line is no headline: the page's title, without the site's name
    (html("<title>重庆市就业形势总体稳定_新华网</title>", "2020-12-06 来源：重庆日报"), "重庆市就业形势总体稳定"),
    (html("<title>重庆市就业形势总体稳定 - 中国政府网</title>", "本报记者 张三"), "重庆市就业形势总体稳定"),
    (html("<title>重庆市就业形势总体稳定 | 重庆日报</title>", "本报讯（记者 张三）今年以来，全市就业稳中有进。"),
     "重庆市就业形势总体稳定"),
    (html("<title>站点首页</title>", "本报记者 张三",
          "<meta property='og:title' content='重庆市就业形势总体稳定'>"), "重庆市就业形势总体稳定"),
    # neither: no title (the briefing shows —)
    (html("", "2020-12-06 来源：重庆日报"), None),
])
def test_html_title_from_the_page_metadata_when_the_first_line_is_no_headline(
        tmp_path: Path, page: str, title: str | None) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert extract(path, deterministic=True).source.title == title
    assert extract(page, deterministic=True).source.title == title  # HTML given as text


@pytest.mark.parametrize(("raw", "title"), [
    ("重庆市就业形势总体稳定_新华网", "重庆市就业形势总体稳定"),
    ("重庆市就业形势总体稳定_地方_新华网", "重庆市就业形势总体稳定"),
    ("重庆市就业形势总体稳定｜重庆日报", "重庆市就业形势总体稳定"),
    ("1-10月全市城镇新增就业54.9万人", "1-10月全市城镇新增就业54.9万人"),  # a hyphen in the headline
    ("  重庆市就业形势\n 总体稳定 ", "重庆市就业形势 总体稳定"),
    ("", None),
    (None, None),
])
def test_page_title_drops_the_site_name(raw: str | None, title: str | None) -> None:
    assert page_title(raw) == title
