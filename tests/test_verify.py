"""The verified merge of the `full` profile (summarizer/pipeline/verify.py), with hand-built model answers:
what the model may add or fill is grounded in the text, what fails is rejected with its reason,
and where the model and the rules disagree the output says which answer it keeps."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer.lang import pledge_decision
from summarizer.lang.values import find_values
from summarizer.llm.client import Endpoint
from summarizer.llm.label import PARAMS, ChunkLabels, CommitmentDraft, FullLabels
from summarizer.llm.prompting import load_prompt
from summarizer.models import ArticleResult, Metric, Source, Usage
from summarizer.pipeline.article import run_article
from summarizer.pipeline.verify import ChunkAnswer, SentenceFacts, apply_model
from summarizer.text.chunk import split_sentences
from summarizer.text.ingest import Article


@pytest.fixture(autouse=True)
def _rules_decide_pledges(monkeypatch: pytest.MonkeyPatch) -> None:
    """These rows test the merge of the model's proposals against the rules' own evidence: the
    rules alone decide which sentences are pledges here (the classifier is tested and measured in
    tests/test_pledge_model.py and bench/pledge_policy.py; it takes 「2025年全市新建幼儿园30所。」)."""
    monkeypatch.setattr(pledge_decision, "DEFAULT_POLICY", "rules")


class CannedLLM:
    """An `LLM` that answers every chunk with one hand-built answer and records the requests."""

    def __init__(self, answer: dict[str, Any], model: str = "canned") -> None:
        self.answer = answer
        self.endpoint = Endpoint(base_url="http://127.0.0.1:9/v1", api_key="x", model=model, identity=model)
        self.requests: list[tuple[Any, ...]] = []

    def lookup(self, *_args: Any, **_kwargs: Any) -> None:
        return None

    def ask(self, messages: list[dict[str, str]], response_model: type[ChunkLabels], grammar: dict[str, Any],
            prompt_version: str, usage: Usage, params: dict[str, Any] | None = None) -> ChunkLabels:
        self.requests.append((messages, response_model, prompt_version, params))
        return response_model.model_validate(self.answer)


def run(text: str, answer: dict[str, Any], profile: str = "full", date: str = "2023-03-01") -> ArticleResult:
    article = Article(path="t.txt", text=text, source=Source(file="t.txt", date=date))
    return run_article(article, CannedLLM(answer), profile=profile)  # type: ignore[arg-type]


def answer(**fields: Any) -> dict[str, Any]:
    return {"officials": [], "gist": "", "commitments": [], "subjects": {}, **fields}


def reasons(r: ArticleResult) -> list[str]:
    return [x.reason for x in r.rejected]


# ---------------------------------------------------------------- commitments

PLAN = "2025年全市新建幼儿园30所。"  # no forward cue: the rules make no pledge of it


def test_the_rules_alone_make_no_pledge_of_the_plan_sentence() -> None:
    assert not run(PLAN, answer()).commitments


def test_a_grounded_commitment_is_accepted() -> None:
    r = run(PLAN, answer(commitments=[{"s": 1, "target": "30所", "deadline": "2025年", "responsible": ""}]))
    (c,) = r.commitments
    assert (c.target, c.deadline, c.deadline_year, c.source) == ("30所", "2025年", 2025, "model")
    assert r.text[c.span[0]:c.span[1]] == c.quote
    assert not r.rejected
    # the target the rules did not give is the model's, and the output says so
    assert [(d.field, d.rule, d.model, d.source) for d in r.disagreements] == [("target", None, "30所", "model")]
    assert r.profile == "full" and r.model == "canned"


def test_an_ungrounded_target_is_rejected() -> None:
    r = run(PLAN, answer(commitments=[{"s": 1, "target": "50所", "deadline": "2025年"}]))
    assert "target not written in the sentence" in reasons(r)
    (c,) = r.commitments  # the grounded deadline still stands; the target is nobody's
    assert (c.target, c.deadline) == (None, "2025年")
    assert all(x.type == "commitment" and x.item.get("target") == "50所" for x in r.rejected)


@pytest.mark.parametrize(("rule", "draft", "reason"), [
    ("a target must be a value the normalizer found", {"target": "幼儿园"},
     "target holds no value the normalizer found in the sentence"),
    ("a deadline must be a time the normalizer found", {"deadline": "全市"},
     "deadline holds no time the normalizer found in the sentence"),
    ("a deadline must be in the sentence", {"deadline": "2026年"}, "deadline not written in the sentence"),
    ("a responsible body must be in the sentence", {"responsible": "市教育局"},
     "responsible not written in the sentence nor the speaker's organisation"),
    ("a number is no body", {"responsible": "30所"}, "responsible is no body's name (a number, or a clause)"),
])
def test_ungrounded_fields_are_rejected(rule: str, draft: dict[str, str], reason: str) -> None:
    r = run(PLAN, answer(commitments=[{"s": 1, **draft}]))
    assert reason in reasons(r), rule


@pytest.mark.parametrize(("rule", "sid", "kept"), [
    ("the id one after the sentence writing the fields", 2, ("30所", "2025年")),
    ("the id one before", 0, ("30所", "2025年")),
    ("two away: not the same sentence", 3, (None, None)),
])
def test_an_id_off_by_one_lands_on_the_sentence_writing_the_fields(rule: str, sid: int,
                                                                  kept: tuple[str | None, str | None]) -> None:
    text = "全市现有幼儿园500所。" + PLAN + "全市现有教师2万人。全市现有学生30万人。"
    sid += 1  # PLAN is sentence 2
    r = run(text, answer(commitments=[{"s": sid, "target": "30所", "deadline": "2025年"}]))
    got = [(c.target, c.deadline) for c in r.commitments]
    assert got == ([kept] if kept[0] else []), rule


def test_a_sentence_id_the_chunk_did_not_show_is_rejected() -> None:
    r = run(PLAN, answer(commitments=[{"s": 7, "target": "30所"}]))
    assert reasons(r) == ["no sentence numbered 7 in the chunk"] and not r.commitments


@pytest.mark.parametrize(("rule", "text", "reason"), [
    ("a report of what is done", "去年全市新建幼儿园30所。", "reports what is done"),
    ("a question", "全市今年新建多少所幼儿园?", "a question"),
    ("no evidence at all", "全市现有幼儿园30所。", "no forward-looking cue and no future deadline"),
])
def test_the_model_alone_cannot_make_a_pledge(rule: str, text: str, reason: str) -> None:
    r = run(text, answer(commitments=[{"s": 1}]))
    assert not r.commitments, rule
    assert any(reason in x for x in reasons(r)), (rule, reasons(r))


def test_a_disagreement_keeps_the_rules_answer_and_says_so() -> None:
    text = "市政府将联合市教育局新建幼儿园30所。"
    r = run(text, answer(commitments=[{"s": 1, "target": "30所", "responsible": "市教育局"}]))
    (c,) = r.commitments
    assert (c.responsible, c.target, c.source) == ("市政府", "30所", "rule")  # the model agreed on the target
    (d,) = r.disagreements
    assert (d.type, d.id, d.field, d.rule, d.model, d.source) == (
        "commitment", c.id, "responsible", "市政府", "市教育局", "rule")


def test_the_speakers_organisation_grounds_a_responsible_body() -> None:
    text = "市人力社保局副局长夏杨松表示，确保全年城镇新增就业60万人以上。"
    r = run(text, answer(commitments=[{"s": 1, "responsible": "市人力社保局"}]))
    assert not r.rejected
    assert r.commitments[0].responsible == "市人力社保局"


def test_a_draft_lands_on_the_piece_holding_its_target() -> None:
    text = "今年市政府将新增停车位20万个、充电桩10万个。"
    r = run(text, answer(commitments=[{"s": 1, "target": "10万个", "deadline": "今年"}]))
    assert [(c.target, c.deadline) for c in r.commitments] == [("20万个", "今年"), ("10万个", "今年")]
    assert not r.disagreements and not r.rejected


@pytest.mark.parametrize(("rule", "text", "draft"), [
    # models write ， as , and “” as ‘’: the field is grounded, and kept as the text writes it
    ("full-width punctuation written as ASCII", "到“十四五”末，全市新建幼儿园30所（含民办）。",
     {"deadline": "到\"十四五\"末", "target": "30所(含民办)"}),
    ("curly quotes written as single quotes", "今年“市教育局”将新建幼儿园30所。",
     {"responsible": "‘市教育局’", "target": "30所"}),
])
def test_fields_are_grounded_up_to_one_to_one_folds(rule: str, text: str, draft: dict[str, str]) -> None:
    r = run(text, answer(commitments=[{"s": 1, **draft}]))
    assert not [x for x in r.rejected if "not written" in x.reason], (rule, reasons(r))


def test_a_folded_field_is_kept_in_the_texts_own_characters() -> None:
    text = "市政府将联合“市教育局”新建幼儿园30所。"
    r = run(text, answer(commitments=[{"s": 1, "responsible": "'市教育局'"}]))
    assert not r.rejected
    assert all(d.model in text for d in r.disagreements)


def test_a_subject_with_ascii_punctuation_is_grounded_as_written() -> None:
    text = "全市“一老一小”服务床位达到8000张。"
    r = run(text, answer(subjects={"1": "‘一老一小’服务床位"}))
    assert "subject not written in the value's sentence" not in reasons(r)
    assert all(d.model in text for d in r.disagreements)


# ---------------------------------------------------------------- subjects


def test_a_subject_not_in_the_sentence_is_rejected() -> None:
    r = run("全市养老床位达到8000张。", answer(subjects={"1": "幼儿园学位"}))
    (x,) = r.rejected
    assert (x.type, x.reason, x.item) == ("metric", "subject not written in the value's sentence",
                                          {"value": "达到8000张", "subject": "幼儿园学位"})
    assert r.metrics[0].subject == "养老床位" and r.metrics[0].source == "rule"


def test_a_subject_that_holds_the_value_is_rejected() -> None:
    r = run("全市养老床位达到8000张。", answer(subjects={"1": "养老床位达到8000张"}))
    assert reasons(r) == ["subject holds the value itself"]


def test_a_subject_disagreement_keeps_the_rules_answer() -> None:
    r = run("全市养老床位达到8000张。", answer(subjects={"1": "床位"}))
    (m,) = r.metrics
    assert (m.subject, m.source) == ("养老床位", "rule")
    (d,) = r.disagreements
    assert (d.type, d.id, d.field, d.rule, d.model, d.source) == ("metric", m.id, "subject", "养老床位", "床位", "rule")


def test_a_subject_key_may_be_the_value_as_written_and_agreement_is_silent() -> None:
    r = run("全市养老床位达到8000张。", answer(subjects={"8000张": "养老床位"}))
    assert not r.disagreements and not r.rejected and r.metrics[0].source == "rule"


def test_an_unknown_value_id_is_rejected() -> None:
    r = run("全市养老床位达到8000张。", answer(subjects={"9": "养老床位"}))
    assert reasons(r) == ["no value of the chunk has this number or text"]
    assert r.rejected[0].item == {"value": "9", "subject": "养老床位"}


def _metric(subject: str) -> Metric:
    return Metric(id="m1", subject=subject, value_text="8000张", value=8000, unit="张",
                  quote="新增8000张", span=(2, 9), spans=[(2, 9)])


@pytest.mark.parametrize(("rule_subject", "model_subject", "kept", "source"), [
    ("", "养老床位", "养老床位", "model"),        # the rules found nothing: the model fills it
    ("新增", "养老床位", "养老床位", "model"),     # a verb alone is no answer by the rules' standard
    ("张", "养老床位", "养老床位", "model"),       # nor a measure word
    ("养老床位", "床位", "养老床位", "rule"),      # both answered: the rules' stays
    ("", "新增", "", "rule"),                     # the model's answer is no better
])
def test_who_wins_a_subject(rule_subject: str, model_subject: str, kept: str, source: str) -> None:
    text = "全市新增养老床位8000张。"
    (sent,) = split_sentences(text, max_len=1000, semicolons=False)
    facts = [SentenceFacts(sent, tuple(find_values(text)))]
    out = apply_model(text, 2023, facts, [_metric(rule_subject)], [], [],
                      [ChunkAnswer(frozenset({1}), frozenset({1}), subjects=(("1", model_subject),))])
    assert out.metrics[0].subject == kept
    assert [d.source for d in out.disagreements] == [source]
    assert out.metrics[0].source == ("model" if source == "model" else "rule")


def test_values_units_and_spans_never_move() -> None:
    text = "2025年全市新建幼儿园30所，新增学位8000个。"
    rules = run(text, answer(), profile="small")
    model = run(text, answer(subjects={"1": "幼儿园", "2": "学位"},
                              commitments=[{"s": 1, "target": "8000个", "deadline": "2025年"}]))
    fixed = ("value_text", "value", "unit", "kind", "span", "spans", "period", "quote")
    assert [m.model_dump(include=set(fixed)) for m in model.metrics] == \
           [m.model_dump(include=set(fixed)) for m in rules.metrics]


# ---------------------------------------------------------------- the two requests


def test_the_small_request_sends_the_lead_and_the_sentences_naming_a_role() -> None:
    llm = CannedLLM(answer())
    text = "市政府将新建幼儿园30所。今年投入资金5亿元。\n市教委主任黄政表示，将加快建设。"
    article = Article(path="t.txt", text=text, source=Source(file="t.txt"))
    r = run_article(article, llm, profile="small")  # type: ignore[arg-type]
    ((messages, model, version, params),) = llm.requests
    assert model is ChunkLabels and params == PARAMS
    assert version == load_prompt("extract_chunk").key
    assert messages[0]["content"] == load_prompt("extract_chunk").text
    user = messages[1]["content"]
    assert "导语：市政府将新建幼儿园30所。今年投入资金5亿元。" in user
    assert user.endswith("摘录：\n[3]市教委主任黄政表示，将加快建设。")  # its id as in `full`
    assert "数值" not in user
    assert r.profile == "small" and not r.disagreements


def test_the_full_request_shows_ids_and_names_its_profile() -> None:
    llm = CannedLLM(answer())
    article = Article(path="t.txt", text="市政府将新建幼儿园30所。今年投入资金5亿元。",
                      source=Source(file="t.txt"))
    run_article(article, llm, profile="full")  # type: ignore[arg-type]
    ((messages, model, version, _),) = llm.requests
    assert model is FullLabels and version.endswith("|profile:full")
    assert version.startswith("extract_chunk_full@")
    user = messages[1]["content"]
    assert "[1]市政府将新建幼儿园30所。[2]今年投入资金5亿元。" in user
    assert "1=30所（句1）\n2=5亿元（句2）" in user


def test_a_draft_sentence_id_as_the_model_may_write_it() -> None:
    assert CommitmentDraft.model_validate({"s": "[3]", "target": None}).s == 3
    assert FullLabels.model_validate({"subjects": {"1": "床位", "2": None}}).subjects == {"1": "床位"}


def test_traditional_text_keeps_its_characters() -> None:
    r = run("2025年全市新建幼兒園30所。", answer(commitments=[{"s": 1, "target": "30所", "deadline": "2025年"}],
                                           subjects={"1": "幼兒園"}))
    assert r.commitments[0].target == "30所" and r.commitments[0].source == "model"
    assert r.metrics[0].subject == "新建幼兒園"  # the rules' subject stays, in the article's characters
    assert [(d.field, d.rule, d.model) for d in r.disagreements] == [
        ("subject", "新建幼兒園", "幼兒園"), ("target", None, "30所")]
