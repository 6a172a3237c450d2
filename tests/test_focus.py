"""The `small` profile sends the model only the headline, the lead and the sentences where a
name can stand next to its title (`pipeline.focus`); nothing when there is none."""

from __future__ import annotations

from typing import Any

from summarizer.lang.lead import lead
from summarizer.llm.label import ChunkLabels
from summarizer.models import Source
from summarizer.pipeline.article import run_article
from summarizer.pipeline.focus import focus_groups, person_sentences
from summarizer.text.chunk import split_sentences
from summarizer.text.ingest import Article

from .test_verify import CannedLLM


def _run(text: str, officials: list[dict[str, Any]] | None = None, title: str | None = None):
    llm = CannedLLM({"officials": officials or [], "gist": "市里部署民生工作。"})
    article = Article(path="t.txt", text=text, source=Source(file="t.txt", title=title))
    return run_article(article, llm, profile="small"), llm  # type: ignore[arg-type]


def test_only_sentences_with_a_role_word_are_selected() -> None:
    sentences = split_sentences("今年新增就业5万人。\n副市长王强出席会议。李强总理表示将继续推进。天气晴。",
                                max_len=1000, semicolons=False)
    assert [sentences[i].text for i in person_sentences(sentences)] == ["副市长王强出席会议。",
                                                                       "李强总理表示将继续推进。"]


def test_groups_keep_text_order_and_the_budget() -> None:
    text = "".join(f"第{i}位局长讲话。普通句子。" for i in range(10))
    sentences = split_sentences(text, max_len=1000, semicolons=False)
    groups = focus_groups(sentences, budget=20)
    sent = [s for g in groups for s in g.sentences]
    assert [s.text for s in sent] == [f"第{i}位局长讲话。" for i in range(10)]
    assert all(sum(len(s.text) for s in g.sentences) <= 20 for g in groups) and len(groups) == 5
    assert all(g.start == g.sentences[0].start and g.end == g.sentences[-1].end for g in groups)
    assert [g.index for g in groups] == list(range(5))


def test_no_candidate_no_call_and_the_lead_is_the_summary() -> None:
    text = "全市今年新增就业5万人，城镇调查失业率控制在5.5%以内。各区将继续推进稳就业工作。"
    r, llm = _run(text)
    assert llm.requests == [] and r.usage.llm_calls == 0
    assert r.summary == lead(text, text) and r.status == "ok"


def test_the_model_official_is_grounded_at_the_sentence_it_read() -> None:
    text = ("全市今年新增就业5万人，城镇调查失业率控制在5.5%以内。\n" + "各区将继续推进稳就业工作。" * 20
            + "\n市人力社保局局长张三介绍了情况。\n张三说，明年还将新增岗位。")
    r, llm = _run(text, [{"name": "张三", "title": "市人力社保局局长"}], title="稳就业")
    ((messages, _, _, _),) = llm.requests
    user = messages[1]["content"]
    assert user.startswith("标题：稳就业\n导语：全市今年新增就业5万人，城镇调查失业率控制在5.5%以内。\n摘录：\n[")
    assert "各区将继续推进" not in user and "张三说" not in user
    (official,) = r.officials
    assert official.name == "张三" and official.title == "市人力社保局局长"
    assert r.text[official.span[0]:official.span[1]] == official.quote == "市人力社保局局长张三"
    assert r.summary == "市里部署民生工作。"


def test_every_group_sees_the_lead_and_one_gist_is_kept() -> None:
    text = "全市今年新增就业5万人。" + "".join(f"第{i}位局长讲话。" for i in range(300))
    r, llm = _run(text)
    assert len(llm.requests) > 1
    assert all("导语：全市今年新增就业5万人。" in m[1]["content"] for m, *_ in llm.requests)
    assert all(model is ChunkLabels for _, model, *_ in llm.requests)
    assert r.summary == "市里部署民生工作。"
