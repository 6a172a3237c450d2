"""The deterministic layer on the seeds and on small cases: people, plan scope, metrics, merge,
noise, and the span invariant (property-based)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.lang.people import find_bylines, find_officials, speaker_turns, split_title
from summarizer.models import ArticleResult, Source
from summarizer.pipeline.article import run_article, summarize
from summarizer.text.ingest import Article, clean, load_article

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _run(text: str) -> ArticleResult:
    return run_article(Article(path="t.txt", text=text, source=Source(file="t.txt")), None)


def _items(r: ArticleResult) -> list:
    return [*r.officials, *r.non_officials, *r.metrics, *r.commitments]


@pytest.fixture(scope="module")
def seeds() -> dict[str, ArticleResult]:
    return {p.stem[:3]: run_article(load_article(str(p)), None) for p in SEEDS}


def test_split_title() -> None:
    assert split_title("市卫生健康委党委书记、主任") == ("市卫生健康委", "党委书记、主任")
    assert split_title("市公安局刑事侦查总队总队长") == ("市公安局刑事侦查总队", "总队长")
    assert split_title("市委教育工委书记、市教委主任")[0] == "市委教育工委"


def test_officials_and_press_on_seed_002(seeds: dict[str, ArticleResult]) -> None:
    r = seeds["002"]
    assert {o.name: o.title for o in r.officials} == {
        "刘贵忠": "市农业农村委主任、市乡村振兴局局长", "张维斌": "市卫生健康委党委书记、主任",
        "刘宴兵": "市委教育工委书记、市教委主任", "许建华": "市民政局副局长",
        "夏杨松": "市人力社保局副局长", "罗铂铀": "市公安局刑事侦查总队总队长"}
    press = {p.name: p.role for p in r.non_officials}
    assert press["杨铌紫"] == "记者" and press["郭旭"] == "特约摄影" and press["陈雨"] == "编辑"


def test_delegate_and_colon_introductions(seeds: dict[str, ArticleResult]) -> None:
    assert {o.name for o in seeds["003"].officials} == {"程晓红", "陈中", "陈志", "陈军"}
    r004 = seeds["004"]
    assert {o.name for o in r004.officials} == {"胡文彬", "刘毅", "王维军"}
    assert {p.name: p.role for p in r004.non_officials}["李思言"] == "通讯员"
    assert len(next(o for o in r004.officials if o.name == "胡文彬").spans) == 2  # merged mentions


def test_speaker_turns_follow_the_interview() -> None:
    text = ("嘉宾\n市就业局局长 李为民\n重庆日报:就业如何?\n李为民:今年新增就业54.9万人。\n"
            "下一步将扩大就业。\n重庆日报:医疗呢?\n")
    turns = speaker_turns(text, find_officials(text))
    named = [(text[t.start:t.end].strip()[:6], t.name) for t in turns]
    assert ("李为民:今年", "李为民") in named and ("重庆日报:医", None) in named


def test_bylines() -> None:
    names = {(b.name, b.role) for b in find_bylines("记者 曾 姚 通讯员 李思言\n本报记者 匡丽娜 李珩\n")}
    assert names == {("曾姚", "记者"), ("李思言", "通讯员"), ("匡丽娜", "记者"), ("李珩", "记者")}
    inline = find_bylines("本报讯（记者 王晓明）12月19日，市政府新闻办召开新闻发布会。")
    assert [(b.name, b.role) for b in inline] == [("王晓明", "记者")]


@pytest.mark.parametrize(("text", "expected"), [
    # a name followed by a place or time word, not a verb of speech
    ("会上，市人社局副局长刘芳在回答记者提问时说，明年将新建零工市场15家。",
     ("刘芳", "市人社局副局长")),
    ("市政府社会局局长蔡宛芬今天表示，全市服务人数达6.2万人。", ("蔡宛芬", "市政府社会局局长")),
    # a bare role after a sentence end, when the name starts with a surname
    ("服务量能持续扩大。副市长林钦荣在记者会上强调，将投入15亿元。", ("林钦荣", "副市长")),
    ("欧阳明高近日表示", None),  # no title at all
    # clause words before the title are not part of it
    ("据市民政局党组书记、局长陈伟介绍，已建成养老服务中心86家。", ("陈伟", "市民政局党组书记、局长")),
])
def test_introduction_forms_beyond_the_seeds(text: str, expected: tuple[str, str] | None) -> None:
    found = [(p.name, p.title) for p in find_officials(text)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize("text", [
    "会议要求，各级党委书记亲自在一线推动落实。",  # 亲自 is not a name
    "市长办公会议在市政府召开。",
    "区长热线今天开通。",
    "市委书记在会上强调，要抓好落实。",  # 在会上, 进一步, 也表示, 今天: not names either
    "该局局长进一步介绍，全年新增就业。",
    "该中心主任也表示，将扩大服务。",
    "市人社局局长今天表示，将新增岗位。",
    "局长向记者介绍，全年新增就业。",
])
def test_words_after_a_role_are_not_names(text: str) -> None:
    assert find_officials(text) == []


def test_plan_scope_and_targets(seeds: dict[str, ArticleResult]) -> None:
    r = seeds["002"]
    jobs = next(c for c in r.commitments if "60万人以上" in c.quote)
    assert jobs.target == "60万人以上" and jobs.responsible == "市人力社保局"
    assert jobs.speaker == next(o.id for o in r.officials if o.name == "夏杨松")
    # an enumerated item inherits the plan scope of the sentence that introduced it
    assert any(c.quote == "二是实施“就在山城”重点群体就业帮扶工程。" for c in r.commitments)
    # past results are not commitments, questions are not commitments, headlines neither
    assert not any("2023年,全市卫生健康系统" in c.quote for c in r.commitments)
    assert not any(c.quote.endswith("?") for c in r.commitments)
    assert not any("重庆将推行这些举措" in c.quote for c in r.commitments)
    roles = {m.value_text: m.role for m in r.metrics}
    assert roles["1000个"] == "target" and roles["107个"] == "reported"


def test_same_number_different_facts_stay_apart() -> None:
    r = _run("黄政:2023年,全市城镇新增就业60万人。2024年,全市将确保城镇新增就业60万人。\n")
    assert sorted(m.role for m in r.metrics if m.value == 600000) == ["reported", "target"]


def test_repeated_fact_is_merged_with_all_spans(seeds: dict[str, ArticleResult]) -> None:
    r = seeds["002"]
    jobs = [m for m in r.metrics if m.value_text == "60万人以上"]
    assert len(jobs) == 1 and len(jobs[0].spans) >= 2
    for s, e in jobs[0].spans:
        assert r.text[s:e].endswith("60万人以上")


def test_structural_counts_are_not_metrics(seeds: dict[str, ArticleResult]) -> None:
    texts = {m.value_text for m in seeds["000"].metrics}
    assert "5个" not in texts and "54.9万人" in texts and "十四五" not in texts


@pytest.mark.parametrize(("text", "kept"), [
    ("高雄市推動長照2.0，今年服務人數達6.2萬人。", {"達6.2萬人"}),  # version labels, traditional too
    ("全市推进工业4.0建设，打造数字政府3.0版，新增企业120家。", {"120家"}),
    ("城乡综合差异系数为2.0，收入增长2.0%。", {"2.0", "2.0%"}),  # after a verb: measurements
])
def test_version_labels_are_not_metrics(text: str, kept: set[str]) -> None:
    assert {m.value_text for m in _run(text).metrics} == kept


def test_an_enumeration_in_the_next_paragraph_stays_in_the_plan() -> None:
    r = _run("今年全省将实施十大类52项民生实事。\n"
             "一是稳定扩大就业。全年城镇新增就业120万人以上。二是提升教育质量。新增学位15万个。\n"
             "全省共有养老机构2386家。\n")
    roles = {m.value_text: m.role for m in r.metrics}
    assert roles == {"52项": "target", "120万人以上": "target", "15万个": "target", "2386家": "reported"}
    assert [c.target for c in r.commitments if c.target] == ["52项", "120万人以上", "15万个"]


@pytest.mark.parametrize(("text", "subject"), [
    ("截至2023年底，全省共有养老机构2386家。", "养老机构"),
    ("目前，全市现有社区食堂120个。", "社区食堂"),
    ("全年城镇新增就业18.6万人。", "城镇新增就业"),
    ("有效灌溉面积达到35万亩。", "有效灌溉面积"),  # a subject that starts with 有 keeps it
    ("改造主城区200余处的二次供水设施。", "二次供水设施"),  # a verb and its scope before: the object after
    ("更换30万只智能远传水表。", "智能远传水表"),
    ("全市人均预期寿命提高到79.5岁。", "人均预期寿命"),  # a level reached: the verb is not the subject
    ("城乡初中综合差异系数降至0.415。", "城乡初中综合差异系数"),
])
def test_metric_subjects_drop_the_clause_lead(text: str, subject: str) -> None:
    (metric,) = _run(text).metrics
    assert metric.subject == subject


def test_a_plan_period_said_as_a_period_dates_its_values() -> None:
    (m,) = _run("“十四五”期间，我市将新增三级医院5家。").metrics
    assert (m.period, m.period_start, m.period_end, m.role) == ("“十四五”期间", "2021", "2025", "target")
    (m,) = _run("全面落实“十四五”规划，新增三级医院5家。").metrics  # the plan's name, not a period
    assert m.period is None


def test_within_the_year_and_the_lead_unit() -> None:
    text = ("《措施》提出，年内将开发公益性岗位3000个，由市人社局牵头，各区县政府负责落实。"
            "市财政局将安排就业补助资金5亿元，确保6月底前拨付到位。\n")
    r = run_article(Article(path="t.txt", text=text, source=Source(file="t.txt", date="2023-03-15")), None)
    jobs, money = r.commitments
    assert (jobs.deadline, jobs.deadline_year, jobs.responsible) == ("年内", 2023, "市人社局")
    assert (money.deadline, money.responsible) == ("6月底前", "市财政局")
    assert {m.value_text: m.subject for m in r.metrics} == {"3000个": "开发公益性岗位",
                                                            "5亿元": "安排就业补助资金"}


def test_a_change_is_about_the_thing_measured_before_it() -> None:
    r = _run("城镇登记失业率控制在1.8%以内，比上年下降0.3个百分点。")
    assert {m.value_text: m.subject for m in r.metrics} == {
        "1.8%以内": "城镇登记失业率", "0.3个百分点": "城镇登记失业率比上年下降"}


def test_noise_is_dropped_and_recorded() -> None:
    raw = (Path(SEEDS[0])).read_text(encoding="utf-8")
    text, dropped = clean(raw)
    assert "功勋犬" not in text and "免责声明" not in text and "原标题" in text
    assert any("功勋犬" in raw[d.start:d.end] for d in dropped)
    raw4 = SEEDS[4].read_text(encoding="utf-8")
    text4, dropped4 = clean(raw4)
    assert text4.count("党工委(扩大)会议强调") == 1 and dropped4[0].reason == "repeated paragraph"


def test_summary_drops_gists_with_foreign_numbers() -> None:
    text = "全市城镇新增就业54.9万人。"
    summary, rejected = summarize(["新增就业54.9万人", "新增就业549万人", "就业形势稳定"], text)
    assert summary == "新增就业54.9万人。就业形势稳定。"
    assert [r.item["gist"] for r in rejected] == ["新增就业549万人"]
    assert summarize(["很长" * 60], text) == ("", [])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_span_invariant_on_seeds(seed: Path) -> None:
    r = run_article(load_article(str(seed)), None)
    for item in _items(r):
        assert r.text[item.span[0]:item.span[1]] == item.quote
    for m in r.metrics:
        assert m.value_text in m.quote and m.status == "verified"


PIECES = ["全市城镇新增就业54.9万人", "黄政:", "下一步,市教委将新建学校12所", "同比增长12.9%", "。", "；", "\n",
          "到2027年力争建成1000个", "记者 李珩", "市民政局副局长 许建华", "“十四五”时期", "超348万人", "，", "约9亿元"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_property_span_invariant(pieces: list[str]) -> None:
    r = _run("".join(pieces))
    for item in _items(r):
        assert r.text[item.span[0]:item.span[1]] == item.quote
        for s, e in item.spans:
            assert 0 <= s < e <= len(r.text)


def test_a_speaker_named_in_the_sentence_outside_any_turn() -> None:
    r = _run("全市城镇新增就业18.6万人\n"  # a headline: merged with the body, keeps the speaker
             "市人社局局长张建国介绍了就业情况。\n"
             "张建国表示，今年全市城镇新增就业18.6万人。\n"
             "市人社局副局长刘芳在回答记者提问时说，明年将新建零工市场15家。\n"
             "全市发放稳岗返还资金3.2亿元。\n")
    ids = {o.name: o.id for o in r.officials}
    speakers = {m.value_text: m.speaker for m in r.metrics}
    assert speakers == {"18.6万人": ids["张建国"], "15家": ids["刘芳"], "3.2亿元": None}
    (plan,) = r.commitments
    assert plan.speaker == ids["刘芳"] and plan.responsible == "市人社局"


def test_a_piece_that_is_only_a_speakers_label_gives_no_commitment() -> None:
    # found by test_property_span_invariant: a colon cut after 「黄政:」 left an empty piece
    r = _run("下一步,市教委将新建学校12所；黄政:全市城镇新增就业54.9万人")
    assert all(c.span[0] < c.span[1] for c in r.commitments)
