"""A chunk the model cannot answer: asked once more with a repetition penalty, and if that fails
too, the article is degraded (rule items and a summary kept, the chunk under `errors`, exit 3),
not failed. And the summary is never empty: the article's own lead when no gist is usable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer.errors import ModelOutputError
from summarizer.lang.lead import lead
from summarizer.llm.client import LLM, Endpoint
from summarizer.llm.label import PARAMS, RETRY_PARAMS, ChunkLabels, grammar_schema
from summarizer.models import ArticleResult, Source, Usage
from summarizer.pipeline.article import run_article, summarize
from summarizer.text.chunk import make_chunks
from summarizer.text.hanzi import simplified_view
from summarizer.text.ingest import Article, load_article

from .stub_llm import DEFAULT_CONTENT, StubLLM
from .test_faults import BUDGET, KEY, cli_args, make_articles, outputs, run, run_summary, user_message

PENALTY = RETRY_PARAMS["frequency_penalty"]
GIST = DEFAULT_CONTENT["gist"]


def doom(*markers: str, fault: str = "length") -> Any:
    """A plan: `fault` for every request about a chunk holding one of `markers`, else ok."""
    def plan(_n: int, body: dict[str, Any]) -> str:
        return fault if any(m in user_message(body) for m in markers) else "ok"
    return plan


def marker(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n")[1][:20]


# ---------------------------------------------------------------- the retry with a penalty


def test_cut_at_max_tokens_then_answered_with_the_penalty(tmp_path: Path) -> None:
    (path,) = make_articles(tmp_path / "in", 1)
    cache = tmp_path / "cache"
    with StubLLM(lambda n, _b: "length" if n == 1 else "ok") as stub:
        code, stderr, _ = run(stub, [str(path)], tmp_path / "out", "--cache-dir", str(cache))
        first, retry = stub.bodies
        assert code == 0, stderr
        r = outputs(tmp_path / "out")[path.stem]
        assert r.status == "ok" and not r.errors and r.summary == GIST
        assert r.usage.llm_calls == 2
        # the same question, asked again with the penalty
        assert "frequency_penalty" not in first and retry["frequency_penalty"] == PENALTY
        assert retry["messages"] == first["messages"] and retry["max_tokens"] == 2 * first["max_tokens"]
        assert "repeat_penalty" not in retry  # the server's own default (1.1) stays in force
        assert "1 article: 1 ok, 0 degraded, 0 failed" in stderr

        # a rerun takes the retry's cached answer: no request known to fail is sent again
        code, _, _ = run(stub, [str(path)], tmp_path / "again", "--cache-dir", str(cache))
        assert code == 0 and stub.requests == 2
        again = outputs(tmp_path / "again")[path.stem]
        assert again.usage.cache_hits == 1 and again.summary == r.summary


def test_the_variants_have_their_own_cache_entries_and_failures_none(tmp_path: Path) -> None:
    messages = [{"role": "user", "content": "正文：一段话。"}]
    answers = {"ok": {"officials": [], "gist": "不加惩罚的回答。"}}
    with StubLLM(content=answers["ok"]) as stub:
        llm = LLM(Endpoint(base_url=stub.base_url, api_key="x", model="stub", identity="stub"),
                  tmp_path / "cache")
        usage = Usage()
        request = (messages, ChunkLabels, grammar_schema(), "v1", usage)
        plain = llm.ask(*request, params=PARAMS)
        assert llm.lookup(*request, params=RETRY_PARAMS) is None  # not the plain one's answer
        stub.content = {"officials": [], "gist": "加了惩罚的回答。"}
        penalised = llm.ask(*request, params=RETRY_PARAMS)
        assert stub.requests == 2 and plain.gist != penalised.gist
        assert llm.ask(*request, params=PARAMS).gist == plain.gist  # each from its own entry
        assert llm.ask(*request, params=RETRY_PARAMS).gist == penalised.gist
        assert stub.requests == 2 and usage.cache_hits == 2

        stub.plan = lambda _n, _b: "length"
        other = [{"role": "user", "content": "正文：另一段话。"}]
        with pytest.raises(ModelOutputError, match="max_tokens"):
            llm.ask(other, ChunkLabels, grammar_schema(), "v1", usage, params=PARAMS)
        assert llm.lookup(other, ChunkLabels, grammar_schema(), "v1", usage, params=PARAMS) is None
        assert llm.cache is not None and len(llm.cache) == 2  # the failure was not cached
        llm.close()


# ---------------------------------------------------------------- degraded articles


def test_a_chunk_that_always_loops_degrades_its_article_only(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 4)
    doomed = paths[1]
    assert len(make_chunks(load_article(str(doomed)).text, BUDGET)) == 1
    rules = tmp_path / "rules"
    with StubLLM() as unused:
        code, _, _ = run(unused, [str(doomed)], rules, "--deterministic")
    assert code == 0
    with StubLLM(doom(marker(doomed))) as stub:
        code, stderr, _ = run(stub, [str(tmp_path / "in")], tmp_path / "out", "--no-cache")
        asked = [b for b in stub.bodies if marker(doomed) in user_message(b)]
    assert [b.get("frequency_penalty") for b in asked] == [None, PENALTY]  # once, then with it
    assert code == 3, stderr
    results = outputs(tmp_path / "out")
    r = results[doomed.stem]
    assert r.status == "degraded" and r.degraded and not r.failed
    (error,) = r.errors
    chunk = make_chunks(r.text, BUDGET)[0]
    assert (error.stage, error.chunk, error.span) == ("extract", 0, (chunk.start, chunk.end))
    assert "max_tokens" in error.reason and "repetition penalty" in error.reason
    assert f"{doomed.name}: chunk 0: {error.reason}" in stderr  # a warning names it
    # every rule-found item is there, as in a rules-only run, and a summary from the article
    baseline = outputs(rules)[doomed.stem]
    for kind in ("metrics", "commitments", "officials", "non_officials"):
        assert getattr(r, kind) == getattr(baseline, kind), kind
    assert r.metrics and r.summary == baseline.summary and r.summary in r.text
    for stem, other in results.items():  # the others are unaffected
        if stem != doomed.stem:
            assert other.status == "ok" and not other.errors and other.summary == GIST
    summary = run_summary(stderr)
    assert (summary["failed"], summary["degraded"], summary["unusable_chunks"]) == (0, 1, 1)
    assert "4 articles: 3 ok, 1 degraded (model output unusable on 1 chunk), 0 failed\n" in stderr


def test_failed_wins_over_degraded(tmp_path: Path) -> None:
    """A chunk lost to the endpoint (here HTTP 500 after the retries) fails its article: a rerun
    may complete it. The exit status says failed (1) even though another article is degraded."""
    paths = make_articles(tmp_path / "in", 3)
    loops, breaks = marker(paths[0]), marker(paths[2])

    def plan(n: int, body: dict[str, Any]) -> str:
        msg = user_message(body)
        return "length" if loops in msg else "500" if breaks in msg else "ok"

    with StubLLM(plan) as stub:
        code, stderr, _ = run(stub, [str(tmp_path / "in")], tmp_path / "out", "--no-cache",
                              "--max-retries", "1")
    results = outputs(tmp_path / "out")
    assert [results[p.stem].status for p in paths] == ["degraded", "ok", "failed"]
    assert not any(b.get("frequency_penalty") for b in stub.bodies if breaks in user_message(b))
    assert code == 1
    (unusable,) = results[paths[0].stem].errors  # its second paragraph was answered
    assert "max_tokens" in unusable.reason
    assert "3 articles: 1 ok, 1 degraded (model output unusable on 1 chunk), 1 failed\n" in stderr
    summary = run_summary(stderr)
    assert (summary["failed"], summary["degraded"], summary["unusable_chunks"]) == (1, 1, 1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")
def test_degraded_is_carried_through_worker_processes(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 8)
    doomed = (paths[2], paths[5])
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    with StubLLM(doom(*map(marker, doomed))) as stub:
        proc = subprocess.run(
            [sys.executable, "-c", "from summarizer.cli.app import main; main()",
             *cli_args(stub, [str(tmp_path / "in")], tmp_path / "out", "--no-cache",
                       "--processes", "2", "--concurrency", "4")],
            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr and KEY not in proc.stderr
    summary = run_summary(proc.stderr)
    assert summary["run"]["processes"] == 2
    assert (summary["failed"], summary["degraded"]) == (0, 2)
    results = outputs(tmp_path / "out")
    assert {s for s, r in results.items() if r.status == "degraded"} == {p.stem for p in doomed}
    assert "8 articles: 6 ok, 2 degraded (model output unusable on " in proc.stderr


def test_exit_status_is_in_the_help() -> None:
    from typer.testing import CliRunner

    from summarizer.cli.app import app

    shown = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    text = " ".join(shown.stdout.split())
    assert "3 when none failed but some are degraded" in text and "2 on a setup error" in text


def test_outputs_from_before_the_status_field_read_as_before() -> None:
    old = {"source": {"file": "a.txt"}, "text": "x", "errors": [{"stage": "extract", "reason": "r"}]}
    assert ArticleResult.model_validate(old).status == "failed"
    assert ArticleResult.model_validate({**old, "errors": []}).status == "ok"
    assert ArticleResult.model_validate({**old, "status": "degraded"}).status == "degraded"


# ---------------------------------------------------------------- the lead as summary


SIMPLIFIED = (
    "重庆就业形势总体稳定\n"
    "发布时间：2020-12-06 10:00 来源：重庆日报\n"
    "本报讯（记者 张三 通讯员 李四）今年以来，我市坚持就业优先，全力稳定和扩大就业。"
    "1-10月，全市城镇新增就业54.9万人，完成全年目标任务的91.5%。城镇调查失业率保持在5.5%以内。\n"
    "市就业局局长李为民表示，明年将继续实施就业优先政策。\n"
)
TRADITIONAL = (
    "臺中擴大發放敬老愛心卡\n"
    "【記者林欣儀台中報導】臺中市政府今天宣布，明年起將擴大發放敬老愛心卡補助，預計受惠長者超過三十萬人。"
    "市府表示，相關經費已納入明年度預算，各區公所將同步受理申請，長者可攜帶身分證就近至區公所"
    "或里辦公處辦理，社會局也將派員到各社區據點協助行動不便的長者填寫申請表並提供代辦服務。\n"
)
BYLINE = (
    "新华社北京3月5日电（记者 王五）国务院总理在政府工作报告中提出，今年城镇新增就业1200万人以上。\n"
)


def _lead(text: str, title: str | None = None) -> str:
    return lead(simplified_view(text), text, title)


@pytest.mark.parametrize(("text", "title", "expected"), [
    (SIMPLIFIED, "重庆就业形势总体稳定",
     "今年以来，我市坚持就业优先，全力稳定和扩大就业。1-10月，全市城镇新增就业54.9万人，"
     "完成全年目标任务的91.5%。城镇调查失业率保持在5.5%以内。"),
    (TRADITIONAL, "臺中擴大發放敬老愛心卡",
     "臺中市政府今天宣布，明年起將擴大發放敬老愛心卡補助，預計受惠長者超過三十萬人。"),
    (BYLINE, None, "国务院总理在政府工作报告中提出，今年城镇新增就业1200万人以上。"),
    ("湖北日报讯(记者李源、胡弦)与往年不同,今年的报告将实事分列到各部门。\n", None,
     "与往年不同,今年的报告将实事分列到各部门。"),
    ("  台海网4月23日讯 据福州日报报道  昨日,记者从发布会上获悉,全省加强社会救助工作。\n", None,
     "昨日,记者从发布会上获悉,全省加强社会救助工作。"),
    ("中国妇女报记者耿兴敏 发自北京 国务院新闻办公室10月28日举行新闻发布会。\n", None,
     "国务院新闻办公室10月28日举行新闻发布会。"),
    ("亳州新闻网讯 8月29日下午,我市召开新建公办学校新闻发布会。\n", None,
     "8月29日下午,我市召开新建公办学校新闻发布会。"),
    ("国家电网公司今年投资5000亿元建设特高压输电线路。\n", None,  # not a dateline: kept whole
     "国家电网公司今年投资5000亿元建设特高压输电线路。"),
    ("如何创造高品质生活?来听听他们的看法!\n06.12.2020  07:42\n"
     "随着义务教育优质均衡发展,我市乡村地区中小学办学条件不断改善。图为焕然一新的小学校。(资料图片)\n"
     "核心提示\n市委全会强调,全面发展就业、教育、医疗卫生等社会事业。\n",
     "如何创造高品质生活?来听听他们的看法!", "市委全会强调,全面发展就业、教育、医疗卫生等社会事业。"),
])
def test_lead_skips_headline_dateline_byline_and_captions(text: str, title: str | None,
                                                           expected: str) -> None:
    got = _lead(text, title)
    assert got == expected
    assert got in text and 0 < len(got) <= 150  # verbatim, in the article's own characters


def test_lead_cuts_at_a_sentence_end_or_else_a_clause() -> None:
    sentence = "我市持续推进城市更新，" * 8 + "改善人居环境。"  # 95 characters, one sentence
    two = sentence + "全市新增绿地一百公顷，建成口袋公园五十个，改造老旧小区三百个。"
    assert _lead(two) == sentence  # the second sentence would pass 120 characters
    long = "我市持续推进城市更新，" * 16 + "改善人居环境。"  # one sentence of 183
    cut = _lead(long)
    assert long.startswith(cut) and len(cut) <= 120 and not cut.endswith("，")
    assert _lead("只有一行没有句号的标题\n") == "只有一行没有句号的标题"  # never empty


def test_summary_falls_back_to_the_lead(tmp_path: Path) -> None:
    article = Article(path="a.txt", text=SIMPLIFIED, source=Source(file="a.txt", title="重庆就业形势总体稳定"))
    expected = _lead(SIMPLIFIED, "重庆就业形势总体稳定")
    assert summarize([], simplified_view(SIMPLIFIED)) == ("", [])  # no gist: nothing from the model
    assert run_article(article, None).summary == expected  # rules only (--deterministic)
    trad = Article(path="t.txt", text=TRADITIONAL, source=Source(file="t.txt"))
    assert run_article(trad, None).summary == (
        "臺中市政府今天宣布，明年起將擴大發放敬老愛心卡補助，預計受惠長者超過三十萬人。")
    # every gist dropped (a number that is not in the article): the lead again
    with StubLLM(content={"officials": [], "gist": "全市新增就业549万人"}) as stub:
        llm = LLM(Endpoint(base_url=stub.base_url, api_key="x", model="stub", identity="stub"), None)
        r = run_article(article, llm)
    assert r.summary == expected and r.status == "ok"
    assert [x.type for x in r.rejected if x.type == "summary"] == ["summary"]
