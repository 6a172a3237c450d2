"""Is this sentence a pledge: the rules (`pledges.PlanScope`) and the trained classifier
(`pledge_model`) together, the rules keeping a veto where the classifier is known to be wrong.

The policy measured best on the dev set's validation part (docs/quality.md) is `OR_UNLESS_REFUSED`:
a sentence the rules take is a pledge; one the classifier takes is a pledge unless the rules
refuse it outright (a headline, a question, a directive, an opinion holder's words, a report of what
was done, an official's announced appearance). `RULES` alone is kept for comparison.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from summarizer.lang import tagger
from summarizer.lang.lead_units import is_lead_note
from summarizer.lang.lexicon import (
    ACCOUNT_MARKERS,
    ACTUAL_DONE,
    AGENDA_OPENERS,
    APPEAL_VERBS,
    APPEARANCE_VERBS,
    DIRECTIVE_VERBS,
    EVENT_HELD_ENDINGS,
    EXPLAINING_VERBS,
    FRAMING_PATTERNS,
    LASTING,
    MEETINGS,
    NEGATED_PLANS,
    OUTLINE_PATTERNS,
    PLAN_NOUN_CUES,
    PRESENTING_VERBS,
    PROGRESS_REPORT_PATTERNS,
    PURPOSE_CUES,
    REVIEW_TITLE_WORDS,
    SESSION_VERBS,
    SESSION_WORDS,
    STOCK_COUNT,
    STOCK_NOUN_AFTER,
    STOCK_VERBS,
    TALK_SUMMARY,
    alternation,
)
from summarizer.lang.pledge_features import PledgeContext, after_line_number, article_contexts
from summarizer.lang.pledge_model import is_pledge, model_version
from summarizer.lang.pledges import (
    account_cue,
    acting_will,
    acts,
    done_in_cue_clause,
    forecasts_conditions,
    forward_cue,
    label_len,
    names_this_years_plan,
    never_a_pledge,
    opens_an_account,
    opens_in_a_past_year,
    pledge_cue,
    reports_the_past,
    without_item_number,
)
from summarizer.text.chunk import Sentence

Policy = Literal["rules", "or", "or_unless_refused"]
# The classifier's threshold for a sentence with a figure right after a pledge of its paragraph (the plan goes on).
PLAN_GOES_ON_THRESHOLD = 0.2
DEFAULT_POLICY: Policy = "or_unless_refused"
_STOCK = re.compile(rf"(?:{alternation(STOCK_VERBS)})(?!{alternation(STOCK_NOUN_AFTER)})")
_FIGURE = re.compile(r"[0-9０-９]")
_STOCK_COUNT = re.compile(STOCK_COUNT)
_APPEARANCE = re.compile(rf"将[^，,。；;]{{0,4}}?(?:{alternation(APPEARANCE_VERBS)})")
_AGENDA = re.compile(rf"^(?:{alternation(AGENDA_OPENERS)})[^。！？!?]{{0,60}}?(?:{alternation(PRESENTING_VERBS)})")
_NEGATED = re.compile(alternation(NEGATED_PLANS))
_BEFORE_NOW = re.compile(r"过往|以往|过去|此前|原本|原先|以前")
_APPEAL = re.compile(alternation(APPEAL_VERBS))
_ACCOUNT = re.compile(alternation(ACCOUNT_MARKERS))
_EXPLAINS = re.compile(rf"^[^，,。；;]{{1,16}}[，,]?(?:{alternation(EXPLAINING_VERBS)})")
_EVENT_HELD = re.compile(rf"(?:{alternation(EVENT_HELD_ENDINGS)})了?[。！!]?[”」』]?$"
                         # or the event named after the verb: 「魏县举行…集中装备启动仪式。」
                         rf"|(?:举行|召开|举办)了?[^，,。；;]{{2,30}}?(?:仪式|大会|会议|座谈会|推进会|现场会)[。！!]?$")
# 要 of a condition (「簡約公屋要真正做到設計簡單且適當，才能幫助…」): what it takes, not what is pledged
_CONDITION_TAKES = re.compile(r"要[^。；;！？!?]{1,40}?[，,]?才(?:能|可|会|會)")
_OUTLINE = re.compile("|".join(OUTLINE_PATTERNS))
_FRAMING = re.compile("|".join(FRAMING_PATTERNS))
_PROGRESS = re.compile("|".join(PROGRESS_REPORT_PATTERNS))
_ACTUAL = re.compile(ACTUAL_DONE)
_SESSION = re.compile(rf"[^，,。；;]{{0,12}}?(?:{alternation(SESSION_WORDS)})[^，,。；;]{{0,12}}?(?:即将|将|將)"
                      rf"[^，,。；;]{{0,12}}?(?:{alternation(SESSION_VERBS)})")
_LASTING = re.compile(LASTING)
_TALK_SUMMARY = re.compile(TALK_SUMMARY)
_MEETING_SAID = re.compile(rf"^[^，,。]{{0,16}}?(?:{alternation(MEETINGS)})(?:{alternation(DIRECTIVE_VERBS)})")


def done_for_a_purpose(body: str, cue: re.Match[str] | None) -> bool:
    """The sentence's first cue (`cue`) is a purpose (确保) after a verb with the perfective 了: an account
    of what was done and why (「成立了…领导小组…，确保学位建设统筹高效推进」)."""
    return (cue is not None and cue.group() in PURPOSE_CUES and tagger.available()
            and tagger.perfective(body[:cue.start()]))


def named_in_an_account(body: str) -> bool:
    """The cue is a plan's noun (计划, 目标) in a sentence that reports the past with a perfective 了:
    「棚改3年计划自2015年实施以来…均超额完成了年初确定的目标任务」."""
    cue = pledge_cue(body, None)
    return (cue is not None and cue.group() in PLAN_NOUN_CUES and reports_the_past(body) and tagger.available()
            and tagger.perfective(body))


def not_the_governments_plan(body: str) -> str | None:
    """Why a sentence the rules or the classifier take is still no pledge: an announced appearance,
    a document's outline, a forecast of conditions, a presenter's agenda, a plan denied, a meeting's
    directive, an appeal to the public, what it takes (要…才能); the last two only before the first cue."""
    cue = forward_cue(body)

    def before_cue(m: re.Match[str] | None) -> bool:
        return m is not None and (cue is None or m.start() <= cue.start())

    if _APPEARANCE.search(body):
        return "announces an appearance, not a pledge"
    if _OUTLINE.search(body):
        return "a document's outline, not a pledge"
    if _FRAMING.search(body):
        return "a document's framing (what it is, its guiding thought), not a pledge"
    if forecasts_conditions(body, None) or _LASTING.search(body):
        return "forecasts conditions, not a pledge"
    if done_in_cue_clause(body, None):
        return "the plan is reported done"
    if _AGENDA.match(body) or _TALK_SUMMARY.search(body):
        return "a presenter's agenda, not a pledge"
    if any(not _BEFORE_NOW.search(body, max(0, m.start() - 6), m.start()) for m in _NEGATED.finditer(body)):
        return "a plan denied, not a pledge"  # (「过往没有计划开展的服务」: none then, planned now)
    if _MEETING_SAID.match(body):
        return "a meeting's directive, not a pledge of the government"
    if _SESSION.match(body):
        return "announces a meeting or session, not a pledge"
    if before_cue(_APPEAL.search(body)):
        return "an appeal to the public, not a pledge"  # (…下一步会增加津贴，欢迎社会多提供意见: one)
    if named_in_an_account(body):
        return "a plan named in an account of what was done (计划…以来…完成了), not a pledge"
    if done_for_a_purpose(body, cue):
        return "reports what was done and what for (成立了…，确保…), not a pledge"
    if before_cue(_CONDITION_TAKES.search(body)):
        return "what it takes (要…才能), not a pledge"
    if _ACTUAL.search(body) or any(pledge_cue(body[:m.start()], None) is None for m in _PROGRESS.finditer(body)):
        return "a progress report (实际完成, 超额完成, 完成…的110%), not a pledge"  # (9月底前，完成…的50%: one)
    return None


def decision_version(policy: Policy = DEFAULT_POLICY) -> str:
    """What the decision depends on besides the rules' code: the policy and the weights."""
    return f"{policy}:{model_version()}" if policy != "rules" else "rules"


def refused(sentence: str) -> str | None:
    """Why the rules refuse a sentence outright, whatever the classifier says, or None."""
    body = sentence[label_len(sentence):].strip()
    why = never_a_pledge(body)
    if why is not None:
        return why
    if reports_the_past(body):
        return "reports what is done"
    if (why := not_the_governments_plan(body)) is not None:
        return why
    stock_count = bool(_STOCK_COUNT.search(body)) and not (
        tagger.available() and tagger.opens_with_verb(without_item_number(body), 0, len(body)))
    if (_STOCK.search(body) or stock_count) and pledge_cue(body, None) is None:
        return "states what there is, not a plan"
    if pledge_cue(body, None) is None:  # the classifier's reading of an account, with no cue of its own
        if tagger.available() and tagger.perfective(body):
            return "reports what is done (a verb with 了)"
        if _ACCOUNT.search(body):
            return "an account of what was done"
        if _EVENT_HELD.search(body):
            return "reports an event held"
        if _EXPLAINS.match(body):
            return "explains a term, not a plan"
        if tagger.available() and tagger.names_a_topic(without_item_number(body)):
            return "names a topic only (a heading): no verb, no figure"
    return None


def closes_the_plan(sentence: str) -> bool:
    """A sentence after which the items that follow are no plan: the plan reported done
    (「计划实施的5个项目已于8月底全部竣工…具体情况如下：」), a presenter's agenda."""
    body = sentence[label_len(sentence):].strip()
    return done_in_cue_clause(body, None) or bool(_AGENDA.match(body))


_REVIEW_TITLE = re.compile(alternation(REVIEW_TITLE_WORDS))


def reviews(text: str) -> bool:
    """The document's title (its first line) names a review: 「…2011年国民经济和社会发展统计公报」,
    「民政局上半年工作总结」, 「2022年社会服务统计3月份报表」 (simplified view)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return len(first) <= 80 and bool(_REVIEW_TITLE.search(first))


def says_nothing_of_the_future(sentences: Sequence[Sentence], contexts: Sequence[PledgeContext],
                               year: int | None) -> bool:
    """No sentence has a forward cue or a government's 会, sits under a plan's heading, after a plan's
    introduction or a question about plans, or names this year's plan: the article reports (a bulletin's
    excerpt, a review without its title), and the classifier's reading of a bare verb pledges nothing in it."""
    def forward(sentence: Sentence, context: PledgeContext) -> bool:
        body = sentence.text[label_len(sentence.text):].strip()
        return (forward_cue(body, year) is not None or acting_will(body) or names_this_years_plan(sentence.text, year)
                or context.under_forward_heading or context.after_forward_intro or context.after_forward_question)

    return not any(forward(s, c) for s, c in zip(sentences, contexts, strict=True))


class PledgeDecider:
    """The classifier's view of every sentence of one article, asked sentence by sentence."""

    def __init__(self, text: str, sentences: Sequence[Sentence], speakers: Sequence[str | None],
                 year: int | None, policy: Policy = DEFAULT_POLICY) -> None:
        self.review, self.year, self.text = reviews(text), year, text
        self.decided: dict[int, bool] = {}
        self.policy = "rules" if self.review else policy  # a bulletin, a summary: the rules' cues only
        self.sentences = sentences
        self.contexts = article_contexts(text, sentences, speakers, year) if self.policy != "rules" else []
        self.silent = bool(self.contexts) and says_nothing_of_the_future(sentences, self.contexts, year)

    def decide(self, index: int, rules_say: bool) -> bool:
        if self.policy == "rules":  # in a review only a sentence with a cue of its own, and no report of progress
            body = self.sentences[index].text[label_len(self.sentences[index].text):].strip()  # (完成年初计划的119%)
            return rules_say and not (self.review and (
                pledge_cue(body, self.year) is None or not_the_governments_plan(body) is not None))
        if self.silent and not rules_say:
            return False  # an article that says nothing of the future: only the rules' own pledges
        sentence, context = self.sentences[index].text, self.contexts[index]
        settled = settled_without_model(sentence, rules_say, context, self.policy)
        # 「全省城镇新增就业6万人,…」 right after a pledge of its paragraph: the plan goes on, at a lower threshold
        carried = settled is None and self._after_a_pledge(index) and bool(_FIGURE.search(sentence))
        decided = settled if settled is not None else is_pledge(
            sentence, context, PLAN_GOES_ON_THRESHOLD if carried else None)
        self.decided[index] = decided and not carried  # (a carried reading does not carry the next one)
        return decided

    def _after_a_pledge(self, index: int) -> bool:
        """The sentence before, in the same paragraph, was taken for a pledge."""
        if index == 0 or not self.decided.get(index - 1):
            return False
        before, this = self.sentences[index - 1], self.sentences[index]
        return "\n" not in self.text[before.end:this.start]


def settled_without_model(sentence: str, rules_say: bool, context: PledgeContext,
                          policy: Policy = DEFAULT_POLICY) -> bool | None:
    """The decision when the classifier has no say in it, or None when it decides: the rules' own
    pledges, but for an announced appearance (「副市长李明将出席」) …; never the items of an account
    (「主要做了以下几个方面工作：第一，…」) or of a review (过去五年), nor, under `or_unless_refused`, what the
    rules refuse."""
    if rules_say:
        body = sentence[label_len(sentence):].strip()
        if opens_an_account(body) and account_cue(body, context.year):
            return False  # 「连年来,魏县…先后争取、筹集资金1.2亿元」: 争取 of an account
        return not_the_governments_plan(body) is None
    if context.after_account_intro or context.under_retro_heading or context.run_in_heading or context.past_title:
        return False  # (a paragraph's title: its items say what is pledged)
    body = sentence[label_len(sentence):].strip()
    if context.in_account and forward_cue(body, context.year) is None and not acting_will(body):
        return False  # 「2021年,城西区新增就业6870人…」 / 「同时,全面推行三级林长制…」: the account goes on
    if opens_in_a_past_year(body, context.year):
        return False  # 「2024年全市新增中小学学位2.7万个」 in a 2025 briefing: that year's result
    if (policy != "rules" and (context.under_forward_heading or context.after_forward_intro) and context.listed
            and acts(without_item_number(after_line_number(sentence))) and not is_lead_note(sentence)):
        return True  # an unpunctuated line of a plan's list (「2024年南京要办这十类民生实事」 / 「1 组织招聘会」)
    if policy == "or_unless_refused" and refused(sentence) is not None:
        return False
    if policy != "rules" and context.under_forward_heading and context.opens_item and acts(sentence):
        return True  # an item of a list under a plan's heading (一、主要预期目标 / 1.努力实现…增长6.2%左右。)
    if (policy != "rules" and context.under_forward_heading and context.in_item and acts(sentence)
            and tagger.available() and tagger.opens_with_verb(sentence, 0, len(sentence))):
        return True  # a sentence of such an item that opens with its verb (「(四)完善…。」 / 「提高就业质量…。」)
    if policy != "rules" and context.under_forward_heading and context.in_titled_item and _FIGURE.search(sentence):
        return True  # a figure of an item under its title (「3.促进高质量充分就业。城镇新增就业5000人;…」)
    if policy != "rules" and acting_will(sentence[label_len(sentence):]):
        return True  # 「當局會持續監察各項目進度」: a government actor's bare 会
    return None
