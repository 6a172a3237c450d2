"""A plan's deadline said once for what follows: a heading or an introduction (「2025年十件民生实事：」,
「养老方面：到2025年底，建立…。」, or one with none after a pledge of its paragraph that has one) gives
its time to the items after it that state none, and a
pledge's deadline carries to the next pledges of its paragraph (「到2025年底，建立…体系。全市…床位占比
不低于40%」), and a title naming a plan document (「教育部2019年工作要点」) gives its time to the whole
document."""

from __future__ import annotations

import re

from summarizer.lang import tagger
from summarizer.lang.lexicon import LEAD_UNIT_LABELS, PLAN_DOCUMENTS, PLAN_LIST_WORDS, alternation
from summarizer.lang.pledge_features import numbering_depth
from summarizer.lang.pledges import DEADLINE_KINDS, label_len
from summarizer.lang.values import Period
from summarizer.text.chunk import Sentence

_FINAL = re.compile(r"[。！？!?；;…][”’」』）)\"']*\s*$")
_INTRO = re.compile(r"[：:][”’」』）)\"']*\s*$")
_PLAN_DOCUMENT = re.compile(alternation(PLAN_DOCUMENTS))
# A line that notes who leads the item above (「牵头单位：市教育局」, 「（市教育局牵头）」) or a table's header
# (「序号 工作任务 牵头单位」): no heading, the plan's time goes on.
_NOTE = re.compile(rf"[（(]?(?:{alternation(LEAD_UNIT_LABELS)})[：:]|[（(][^（()）]{{1,30}}(?:牵头|负责)[)）]$|序号")


# a report's part and its year, no verb (一、去年工作回顾, 二、今年主要预期目标)
_SECTION_WORDS = re.compile(r"工作回顾|回顾|主要预期目标|预期目标|主要目标|重点工作|[去今明上本]年")
_TIME_WORDS = re.compile(r"[\d年月日度\-—~至到上下半季第一二三四]+")  # (a title's time is no figure of it)
_BULLET = re.compile(r"\s*(?:——|—|－|-|•|●|▪|■)")
_NO_LEVEL = 9  # below every numbered level: any heading closes the scope
_PLAN_LIST = re.compile(alternation((*PLAN_DOCUMENTS, *PLAN_LIST_WORDS)))
# a heading over a plan's goals (二、工作目标): the time its first pledge states is that of the goals after it
_GOALS = re.compile(r"目标")


class DeadlineScope:
    """Walks an article's sentences in order; `inherited` is the time a pledge without its own takes."""

    def __init__(self, deadlines: list[Period]) -> None:
        self.deadlines = [p for p in deadlines if p.kind in DEADLINE_KINDS]
        self.section: Period | None = None  # said by the last heading or introduction
        self.level = _NO_LEVEL  # the numbering level of a plan's heading that said it (`numbering_depth`)
        self.paragraph: tuple[int, Period] | None = None  # said by a pledge of this paragraph
        self.document: Period | None = None  # said by a title naming a plan document
        self.first = True
        self.lead: Period | None = None  # said by the last pledge that is no bullet: its bullets' time
        self.goals = False  # under a goals' heading with no time, before its first pledge with one

    def _own(self, sent: Sentence) -> Period | None:
        own = [p for p in self.deadlines if sent.start <= p.start and p.end <= sent.end]
        # a due time first, then a year or span over a day (「1月9日下午,2023年度10件民生实事项目出炉」: the day is
        # when the list came out, the year what it is for)
        return next((p for p in own if p.kind == "deadline"), next((p for p in own if p.kind != "date"),
                                                                    own[0] if own else None))

    def observe(self, sent: Sentence, paragraph: int, committing: bool) -> None:
        body = sent.text[label_len(sent.text):].strip()
        own = self._own(sent)
        # a heading or an introduction (a pledge's unpunctuated line is an item of a list: 「1 新建幼儿园10所」)
        heading = not _FINAL.search(body) and not committing and not _NOTE.match(sent.text.strip())
        opens = heading or bool(_INTRO.search(body))
        if self.first and not _FINAL.search(body) and _PLAN_DOCUMENT.search(body):
            self.document = own
        self.first = False
        if opens and len(body) <= 80:
            if own is None and _INTRO.search(body) and self.paragraph and self.paragraph[0] == paragraph:
                own = self.paragraph[1]  # 「今年…将实施39个项目。39个项目如下：」: the pledge's time before it
            # a heading without a time closes the earlier one's scope, but a plan's (任务清单, 民生实事) only at its
            # level or above: 「2024年南京要办这十类民生实事」 goes on over 「一、大力促进就业创业」
            level = numbering_depth(body)
            if own is not None or level <= self.level:
                self.section = own
                self.level = level if own is not None and _PLAN_LIST.search(body) else _NO_LEVEL
            self.goals = heading and own is None and bool(_GOALS.search(body))
        if committing and own is not None:
            if self.goals and self.section is None:  # 「二、工作目标」 / 「到2020年,全面建成…」 / 「…覆盖90%以上村」
                self.section = own
            self.goals = False
            self.paragraph = (paragraph, own)
            if not _BULLET.match(sent.text):
                self.lead = own
        elif opens and len(body) <= 80:
            self.lead = None

    def enter(self, line: str, paragraph: int) -> None:
        """Before a pledge on `line`: a paragraph that opens with a bullet (——, •) is an item of the pledge
        before the bullets (「到2020年,全面建成…养老服务体系。」 / 「——全市机构养老床位至少需达到15800张以上」)."""
        if (_BULLET.match(line) and self.lead is not None
                and (self.paragraph is None or self.paragraph[0] != paragraph)):
            self.paragraph = (paragraph, self.lead)

    def inherited(self, paragraph: int) -> Period | None:
        if self.paragraph is not None and self.paragraph[0] == paragraph:
            return self.paragraph[1]
        return self.section or self.document


class HeadingTimes(DeadlineScope):
    """The time of the last heading that only names a list or table (「2023年重点民生事项」, 「2023年1-6月全市
    民政统计数据」: no verb), for the metrics under it that state none; a news story's sub-headlines (「实施
    “五大工程”,确保全年…」) say what the body says and give theirs to nothing."""

    def __init__(self, periods: list[Period], items: list[tuple[int, int]] | None = None) -> None:
        super().__init__(periods)
        self.items = items or []  # the lines of a list (`pledge_features.listed_lines`): items, no headings

    def observe(self, sent: Sentence, paragraph: int, committing: bool) -> None:
        if any(a <= sent.start and sent.end <= b for a, b in self.items):
            return  # 「国内生产总值增长8.1%」 under 「一、去年工作回顾」: the heading's time goes on
        body = sent.text[label_len(sent.text):].strip()
        if not _FINAL.search(body) and len(body) <= 80 and not (tagger.available() and tagger.names_a_topic(
                _TIME_WORDS.sub("", _SECTION_WORDS.sub("", body)))):
            self.section, self.level = None, _NO_LEVEL  # a headline with a verb: no time for what follows
            return
        super().observe(sent, paragraph, committing)

    def time(self) -> Period | None:
        return self.section or self.document
