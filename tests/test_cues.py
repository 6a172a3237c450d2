"""Every cue of `lexicon.CUES`: a sentence where it acts as the cue and one where the same characters
are not one, read through the rule of its first role (a pledge cue through `pledges.pledge_cue`, a
marker of the past through `reports_the_past`, a question about plans through `PlanScope`, a modal
through the metric's subject); then each role of each cue through the rule that reads it.

A cue added to the table without rows fails `test_every_cue_has_rows`. A negative row the rules still
read as the cue is a known miss (the cue has no guard for that use): strict xfail, so a guard that
fixes it turns the row green and its entry must go."""

from __future__ import annotations

import pytest

from summarizer.lang.lexicon import (
    AFTER_BODY,
    CUES,
    FORWARD,
    LEADING,
    MODIFIER,
    PLAN,
    QUESTION,
    RETRO,
    TRAILING,
    Cue,
)
from summarizer.lang.pledges import PlanScope, forward_cue, pledge_cue, reports_the_past
from tests.test_subjects import _subject

YEAR = 2024
Subject = tuple[str, str, str]  # a sentence, the value's surface, the subject the rules give
Row = str | Subject

# word -> (positive, negative): where it is the cue, where the same characters are none
ROWS: dict[str, tuple[Row, Row]] = {
    # pledge cues (FORWARD)
    "将": ("市民政局将新建养老服务中心10个。", "将近三成的老人选择居家养老。"),
    "要": ("各地要加快推进保障性住房建设。", "老年人需要更多的照护服务。"),
    "力争": ("全市力争年内新增就业岗位5万个。", "大家努力争先创优。"),
    "确保": ("确保困难群众温暖过冬。", "这是确保率最高的一年。"),
    "计划": ("市人社局计划新增见习岗位3000个。", "政府推出医疗券计划。"),
    "拟": ("省财政厅拟安排资金2亿元。", "学生参加了模拟考试。"),
    "下一步": ("下一步，我们加快推进老旧小区改造。", "他迈出了下一步棋。"),
    "接下来": ("接下来，市卫健委加强疫苗接种。", "他接下来的话让大家笑了。"),
    "今后": ("今后，全市每年新增托位1000个。", "这是他今后的想法。"),
    "争取": ("我们争取明年完成全部改造任务。", "该市去年争取到中央资金3亿元。"),
    "年底前": ("年底前完成全部危房改造。", "2019年年底前已完成全部危房改造。"),
    "月底前": ("本月底前上线预约平台。", "上月底前已上线预约平台。"),
    "将要": ("市政府将要出台新的补贴政策。", "这是一项将要到期的政策。"),
    "目标是": ("明年的目标是新增托位2万个。", "去年的目标是新增托位2万个。"),
    "目标为": ("全年新增就业目标为10万人。", "去年新增就业目标为10万人，已经完成。"),
    "承诺": ("市政府承诺年内完成改造。", "他兑现了当年的承诺。"),
    "预计": ("预计明年完工。", "预计目标已经完成。"),
    "即将": ("新院区即将投入使用。", "他们在即将结束时离开。"),
    "暂定": ("分配结果暂定今年第4季公布。", "这是暂定名单的一部分。"),
    "预定": ("工程预定明年1月动工。", "他在网上预定了酒店。"),
    "定于": ("新政策定于明年1月实施。", "《条例》规定于每年10月发放补贴。"),
    "决定": ("我们决定提前两年完成改造。", "这在其中起决定作用。"),
    "以下工作": ("会议明确以下工作：", "去年完成了以下工作：（一）新建养老机构5家。"),
    "以下几方面工作": ("我们着力做好以下几方面工作。", "去年做了以下几方面工作。"),
    "以下几个方面": ("主要从以下几个方面推进。", "成绩体现在以下几个方面。"),
    "重点抓好": ("今年重点抓好三件事。", "去年重点抓好了三件事。"),
    "着力抓好": ("今年着力抓好就业工作。", "去年着力抓好了就业工作。"),
    "重点做好": ("今年重点做好养老服务。", "去年重点做好了养老服务。"),
    "主要任务": ("今年的主要任务是稳就业。", "去年的主要任务已经完成。"),
    # markers of the past (RETRO)
    "已经": ("养老机构已经建成。", "这是老人家已经营多年的小店。"),
    "已": ("新院区已投入使用。", "全市已有养老机构100家。"),
    "累计": ("全市累计新建托位5000个。", "这是累计增长的计算方法。"),
    "成功": ("他们成功举办了招聘会。", "这次活动的成功率很高。"),
    "实现了": ("全市实现了村村通公交。", "我们要让群众实现了心愿。"),
    "取得": ("改革取得明显成效。", "有效助力乡村振兴取得更大成效。"),  # (取得更: what a plan aims at)
    "得益于": ("这得益于政策支持。", "这将得益于政策支持。"),
    "先后": ("活动期间，全省先后举办招聘活动2500场。", "按先后顺序办理入住。"),
    "数据显示": ("调查数据显示，市场需求119.3万人。", "将建设大数据显示屏10块。"),
    "统计显示": ("统计显示，全市新增就业5万人。", "将安装统计显示器10台。"),
    # a question about plans (QUESTION): the official's answer goes on with the plan
    "准备": ("请问市里准备怎么做？", "请问准备金有多少？"),
    "打算": ("请问您有什么打算？", "请问打算盘的老师傅还多吗？"),
    "重点": ("请问今年的工作重点是什么？", "请问重点人群有多少？"),
    # modals read only by the subject rules: stripped before a verb, kept inside a noun
    "将会": (("全市养老床位将会达到3000张。", "3000张", "养老床位"),
             ("市政府已将会场座位增加到3000个。", "3000个", "市政府已将会场座位")),
    "还将": (("深圳还将新增养老床位3000张。", "3000张", "新增养老床位"),
             ("市政府归还将士遗物300件。", "300件", "市政府归还将士遗物")),
    "仍将": (("全市养老床位仍将保持在3000张。", "3000张", "养老床位"),
             ("该师仍将领导干部30人派往一线。", "30人", "该师仍将领导干部")),
    "再": (("市人社局再新增见习岗位3000个。", "3000个", "新增见习岗位"),
           ("全市再生资源回收站点达到300个。", "300个", "再生资源回收站点")),
    "能够": (("能够新增见习岗位3000个。", "3000个", "新增见习岗位"),
             ("全市功能够用的场馆有30个。", "30个", "功能够用的场馆")),
    "可以": (("市人社局可以新增见习岗位3000个。", "3000个", "见习岗位"),
             ("全市获得许可以上的企业有30家。", "30家", "获得许可以上的企业")),
}

# Negative rows the rules still read as the cue: the word has no guard for that use.
KNOWN_MISSES = {
    "力争", "确保", "下一步", "接下来", "今后", "年底前", "月底前", "将要", "目标是", "目标为",
    "即将", "暂定", "预定", "以下几个方面", "重点抓好", "着力抓好", "重点做好",
    "主要任务",
    "已经", "累计", "成功", "实现了", "得益于", "准备", "打算", "重点",
}


def _answers_a_plan(question: str) -> bool:
    """An official's answer with no cue of its own after `question` is read as a plan."""
    scope = PlanScope(YEAR)
    scope.step(question, None, 0)
    return scope.step("新建社区食堂20家。", "张三", 0)[0]


def _covered(sentence: str, word: str) -> bool:
    """Some forward cue the rules find covers the first occurrence of `word`."""
    at, pos = sentence.index(word), 0
    while (m := forward_cue(sentence, YEAR, pos)) is not None:
        if m.start() <= at < m.end():
            return True
        pos = m.end()
    return False


def _acts(cue: Cue, row: Row) -> bool:
    """Whether the cue acts as one in the row, by the rule of its first role."""
    if isinstance(row, tuple):
        sentence, surface, expected = row
        assert cue.word in sentence and _subject(sentence, surface) == expected
        return cue.word not in expected
    assert cue.word in row
    if FORWARD in cue.roles:
        found = pledge_cue(row, YEAR)
        return _covered(row, cue.word) and found is not None and found.group() == cue.word
    if RETRO in cue.roles:
        return reports_the_past(row)
    assert QUESTION in cue.roles
    return _answers_a_plan(row)


def _cue(word: str) -> Cue:
    return next(c for c in CUES if c.word == word)


def test_every_cue_has_rows() -> None:
    words = [c.word for c in CUES]
    assert len(words) == len(set(words)), "a word is in CUES twice: give one row its roles"
    assert set(words) == set(ROWS), f"rows missing: {set(words) - set(ROWS)}; rows of no cue: {set(ROWS) - set(words)}"
    assert set(ROWS) >= KNOWN_MISSES


@pytest.mark.parametrize("word", [c.word for c in CUES])
def test_the_cue_acts_where_it_is_one(word: str) -> None:
    assert _acts(_cue(word), ROWS[word][0])


@pytest.mark.parametrize("word", [
    pytest.param(c.word, marks=pytest.mark.xfail(strict=True, reason="no guard for this use"))
    if c.word in KNOWN_MISSES else c.word for c in CUES])
def test_the_same_characters_elsewhere_are_no_cue(word: str) -> None:
    assert not _acts(_cue(word), ROWS[word][1])


# Each role a cue plays, read through the rule that reads it: a template of the genre per role.
_NEW_POSTS = ("新增见习岗位", "见习岗位")
_ROLE_ROWS = {
    TRAILING: (lambda w: f"全市养老床位{w}达到3000张。", "3000张", ("养老床位",)),
    LEADING: (lambda w: f"{w}新增见习岗位3000个。", "3000个", _NEW_POSTS),
    PLAN: (lambda w: f"市人社局{w}新增见习岗位3000个。", "3000个", _NEW_POSTS),
    AFTER_BODY: (lambda w: f"市人社局{w}新增见习岗位3000个。", "3000个", _NEW_POSTS),
    MODIFIER: (lambda w: f"市人社局{w}新增见习岗位3000个。", "3000个", _NEW_POSTS),
}
# (将会 before a verb: the subject keeps its 会, 「会新增见习岗位」)
_ROLE_MISSES = {("将会", PLAN), ("将会", MODIFIER)}


@pytest.mark.parametrize(("word", "role"), [
    pytest.param(c.word, role, marks=pytest.mark.xfail(strict=True, reason="the subject keeps part of the cue"))
    if (c.word, role) in _ROLE_MISSES else (c.word, role)
    for c in CUES for role in sorted(c.roles) if role in _ROLE_ROWS])
def test_a_subject_role_strips_the_cue(word: str, role: str) -> None:
    template, surface, subjects = _ROLE_ROWS[role]
    assert _subject(template(word), surface) in subjects


@pytest.mark.parametrize("word", [c.word for c in CUES if QUESTION in c.roles])
def test_a_question_with_a_question_cue_asks_about_plans(word: str) -> None:
    assert _answers_a_plan(f"请问市里{word}怎么做？")
    assert not _answers_a_plan("请问市里有多少家养老院？")


@pytest.mark.parametrize(("sentence", "past"), [
    ("统计显示,2003年以来,我国城镇新增就业每年超过900万人,2006年达1184万人。", True),  # a clause since a time
    ("下半年以来,特别是该县自8月份开始深入开展“五治”活动,全县13个镇筹集资金。", True),  # (simplified view)
    ("新建社区食堂20家,方便老年人就餐。", False),
    ("长期稳定就业的人员可以申请补贴。", False),  # no 以来
])
def test_a_clause_opened_by_a_time_since_which_reports_the_past(sentence: str, past: bool) -> None:
    assert reports_the_past(sentence) is past
