"""Pledges: which sentences commit someone to something, one commitment per pledged target,
with who acts (responsible), by when (deadline) and how much (target).

A sentence with a forward cue (将, 力争, 计划, 目标是 …; `lexicon.FORWARD_CUES`) opens a plan
scope (`PlanScope`). A pledging sentence is split into pieces (`pledge_pieces`) where it lists
several targets (「新改扩建幼儿园30所…；新改扩建中小学20所…」, 「山东省计划新增6.5万张，青岛计划
新增3000张」). The responsible body is the clause's subject when it names one, else the first
body acting in the sentence, else the body last named in the paragraph, else the speaker's
organisation, else the body last named in the article (Chinese drops a subject that goes on
acting: 「政府投入大量资源兴建简约公屋…。她指，目前有13个项目，目标是提供3万个单位」).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from summarizer.lang import tagger
from summarizer.lang.lead_units import is_lead_note
from summarizer.lang.lexicon import (
    ACCOUNT_CUES,
    ADVERSE_OUTCOMES,
    ANNOUNCE_VERBS,
    BARE_ACTORS,
    BODY_HEADS,
    BODY_SPREAD,
    CAPTION_OPENERS,
    CAUSATIVE_VERBS,
    CHANGE_TO,
    CLAUSE_CONNECTIVES,
    COLLECTIVE_BODIES,
    COMMENT_OPENERS,
    COMPLETION_VERBS,
    CONDITION_HEADS,
    CONDITION_OPENERS,
    CONTINUING_OPENERS,
    COUNT_VERBS,
    CRITIC_VERBS,
    DATELINE_PATTERNS,
    DISPOSAL_VERBS,
    EXPECTING_VERBS,
    FORECAST_ALONE,
    FORECAST_WORDS,
    FORWARD_CUES,
    FORWARD_EXCLUSIONS,
    FORWARD_PATTERNS,
    FROM_WORDS,
    GOVERNMENT_WORDS,
    HAN,
    IN_ORG_NAME_WORDS,
    INFORMANT_VERBS,
    LEAD_VERBS,
    LEARN_VERBS,
    LEVEL_CHARS,
    LOCALITY_LEVELS,
    NON_GOVERNMENT_BODIES,
    NOT_IN_ORG_NAME,
    NOT_LEVEL_WORDS,
    NOT_ORG_ENDINGS,
    NOUN_STATE_AFTER,
    NOUN_USE_AFTER,
    NOUN_USE_CUES,
    OPINION_HOLDERS,
    OPINION_VERBS,
    ORG_SUFFIXES,
    PARTY_ORGANS,
    PLAN_ACTION_VERBS,
    PRESS_EVENTS,
    PRESS_UNITS,
    PUBLISHED_PLANS,
    PUBLISHING_VERBS,
    QUESTION_CUES,
    RETRO_CLAUSE_PATTERNS,
    RETRO_MARKERS,
    RETRO_OPENERS,
    RETRO_OPENING_PATTERNS,
    RETRO_QUESTIONS,
    SELF_REFERENCES,
    SHORT_BUREAU_SUFFIXES,
    SPEECH_VERBS,
    SUBJECT_MODALS,
    SUPPORT_VERBS,
    TAGGED_BODY_SUFFIXES,
    TARGETS_LABEL,
    THIS_YEARS_PLAN_NOUNS,
    UNNAMED_OPINION,
    alternation,
    cue_alternation,
)
from summarizer.lang.people import PersonMention, has_surname, is_person_name
from summarizer.lang.values import Period, Value
from summarizer.models import Commitment
from summarizer.text.chunk import Sentence

_FUTURE = re.compile(f"{cue_alternation(FORWARD_CUES)}|{'|'.join(FORWARD_PATTERNS)}")
# 将 before a body is the disposal 将 (「将政府当年要办的实事分列到…」), not "will"
_NOT_FUTURE = re.compile("|".join([*FORWARD_EXCLUSIONS, rf"将(?:{alternation(BARE_ACTORS)})"]))
_PAST = re.compile(rf"^\s*(?:{'|'.join(RETRO_OPENING_PATTERNS)}|{alternation(RETRO_OPENERS)})")
# (a verb after 可, 能, 可以, 有助于 says what something could do: 「MiC是黄金机会，可推动建筑业」)
_ACTS = re.compile(rf"(?<![可能以够于要])(?:{alternation(PLAN_ACTION_VERBS)})|\d")
_COMMENT = re.compile(rf"^(?:[{HAN}]{{0,4}}[，,])?(?:{alternation(COMMENT_OPENERS)})")
# a verb of doing with 了 reports it done (两年的时间我们改造了602000户), as the markers do
_PAST_ANYWHERE = re.compile(
    rf"{cue_alternation(RETRO_MARKERS)}|(?:{alternation(COUNT_VERBS + PLAN_ACTION_VERBS)})了(?!解)"
    rf"|{'|'.join(RETRO_CLAUSE_PATTERNS)}")
_DISPOSAL = re.compile(rf"将[^，,。；;]{{1,24}}?(?:{alternation(DISPOSAL_VERBS)})")
_FINAL = re.compile(r"[。！？!?；;…：:][”’」』）)\"']*$")
_FORWARD_QUESTION = re.compile(alternation(QUESTION_CUES))
_RETRO_QUESTION = re.compile(alternation(RETRO_QUESTIONS))
# (a council's written question: 「…数目分别为何,并…;及」, 「当局会否…;若然,…」)
_QUESTION = re.compile(r"[?？]\s*$|如何|怎样|什么|哪些|为何(?=[，,；;。?？]|$)|会否|有否|若然")
_DIRECTIVE = re.compile(r"^\s*(?:【报告内容】|市委.{0,12}会议|.{0,8}会议(?:强调|提出|指出))")
# an opinion holder named in the sentence (role + a name): their 要/应 are no government pledge
_OPINION = re.compile(rf"(?:{alternation(OPINION_HOLDERS)})(?P<name>[{HAN}]{{2,3}}?)(?:[:：，,]|为|说|表示|认为|建议)")
_CAPTION = re.compile(rf"^(?:{alternation(CAPTION_OPENERS)})")
_BELIEF = re.compile(r"(?:相信|深信|坚信)")  # opening the sentence: a belief (not 希望: an official's intent)
# (their name and when or where they said it may stand between: 「台北市议员柳采葳昨在质询时指出」)
_HOLDER_SAYS = re.compile(rf"(?:^|(?<=[，,；;]))[^，,。；;]{{0,4}}?(?:{alternation(OPINION_HOLDERS)})们?"
                          rf"(?:(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?:昨天|昨日|今天|今日|日前|近日|昨|今)?"
                          rf"(?:在[^，,。；;]{{1,6}}?时)?)?"
                          rf"(?:{alternation((*OPINION_VERBS, *CRITIC_VERBS, '要求'))})")
# someone of a body outside the government says it (「中国政策科学研究会…副主任徐洪才说，“…”」)
_OUTSIDER_SAYS = re.compile(rf"^[^，,。；;“”「」]{{0,30}}?(?:{alternation(NON_GOVERNMENT_BODIES)})"
                            rf"[^，,。；;“”「」]{{0,24}}?(?:{alternation(OPINION_VERBS)})")
_CONDITIONAL = re.compile(rf"(?:{alternation(CONDITION_OPENERS)})[^。；;！？]{{2,40}}?[，,][^。；;！？]{{0,30}}?"
                          rf"(?:{alternation(ADVERSE_OUTCOMES)})")
_EXPECTS = re.compile(rf"(?:{alternation(EXPECTING_VERBS)})(?:{alternation(GOVERNMENT_WORDS)})")
_CRITIC = re.compile(rf"^[^，,。；;]{{0,16}}?(?P<name>[{HAN}]{{2,3}})(?:{alternation(CRITIC_VERBS)})")
_UNNAMED_OPINION = re.compile(rf"(?<![所没还拥具占])(?:{alternation(UNNAMED_OPINION)})"
                              rf"(?:{alternation(OPINION_HOLDERS)})(?:{alternation(OPINION_VERBS)})")
_TELLING = alternation(SPEECH_VERBS + ANNOUNCE_VERBS + LEARN_VERBS + ("受访", "接受", "召开", "举行"))
_REPORTED = re.compile(rf"(?:[，,]?记者|[^，,。；;]{{0,8}}?(?:{_TELLING}))")
# a figure released that day (「统计处9月16日公布最新失业率为3.7%」), not one due then (「将于9月16日公布」)
_RELEASED = re.compile(r"[^，,。；;]{0,4}?(?:公布|发布|发表)")
_DUE_BEFORE = re.compile(r"(?:将|将于|拟于|计划于)$")
_DATELINE = re.compile(rf"\s*(?:{'|'.join(DATELINE_PATTERNS)})\s*")
_ENUMERATION = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}是|首先|其次|第[一二三四五六七八九十]{1,3}[，,、是]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))")

# Who acts: an organisation opened by an administrative level (市人社局, 省民政厅, 武汉市政府), a
# body needing no level (政府, 中央, 社会局, 公安机关, 人社部门), or a place with its level (福建省).
_LEVELS = alternation(LOCALITY_LEVELS)
_ORG_CHAR = rf"(?:{alternation(IN_ORG_NAME_WORDS)}|[^\W\d_{NOT_IN_ORG_NAME}])"
_LEVEL_BEFORE = "".join({w[0] for w in NOT_LEVEL_WORDS if w[1] in "".join(LOCALITY_LEVELS)})
_LEVEL_AFTER = "".join({w[1] for w in NOT_LEVEL_WORDS if w[0] in "".join(LOCALITY_LEVELS)})
_LEVEL = rf"(?<![{_LEVEL_BEFORE}])(?:{_LEVELS})(?![{_LEVEL_AFTER}])"
# a unit inside the body before it, with no level of its own (高雄市政府社会局, 市委组织部; not
# 市人社局联合市教委: two bodies; not 市人社局副局长: a title; not 市卫健委党委: its party organ)
_UNIT_CHAR = rf"[^\W\d_{NOT_IN_ORG_NAME}{''.join(LOCALITY_LEVELS)}]"
ORG_NAME = (rf"{_LEVEL}{_ORG_CHAR}{{0,12}}?(?:{alternation(ORG_SUFFIXES)})"
            rf"(?:(?!{alternation(PARTY_ORGANS)}){_UNIT_CHAR}{{1,6}}?(?:{alternation(ORG_SUFFIXES)})(?![长员]))*(?!员)")
# a bureau named short, with no level (医管局, 社工局, 房屋署 of Hong Kong and Macao)
_SHORT_BUREAU = rf"(?<![{HAN}\d])[^\W\d_{NOT_IN_ORG_NAME}]{{1,3}}(?:{alternation(SHORT_BUREAU_SUFFIXES)})"
# a Hong Kong bureau of two portfolios (运输及物流局, 食物及卫生局, 劳工及福利局)
_JOINT_BUREAU = (rf"(?<![{HAN}])[^\W\d_{NOT_IN_ORG_NAME}]{{1,4}}及[^\W\d_{NOT_IN_ORG_NAME}]{{1,6}}?"
                 rf"(?:{alternation(SHORT_BUREAU_SUFFIXES)})")
_BODY = re.compile(rf"(?:{alternation(BODY_SPREAD)})?(?:{ORG_NAME}|{alternation(BARE_ACTORS)}|{_JOINT_BUREAU}"
                   rf"|{_SHORT_BUREAU}"
                   rf"|{_ORG_CHAR}{{1,6}}?(?:{alternation(BODY_HEADS)}))|{'|'.join(COLLECTIVE_BODIES)}")
# (not a word that only ends in a level character: 新建社区, 老城区, 都市)
_NOT_PLACE_END = "".join(f"(?<!{w})" for w in NOT_LEVEL_WORDS if w[-1] in LEVEL_CHARS)
# (within a place above it: 海口市美兰区, 广东省深圳市)
_PLACE = re.compile(rf"(?:[{HAN}]{{2,4}}?(?:省|市|自治区))?[{HAN}]{{2,4}}?(?:省|市|自治区|县|区){_NOT_PLACE_END}")
_LEAD_UNIT = re.compile(rf"由((?:{ORG_NAME}|{alternation(BARE_ACTORS)}))(?:{alternation(LEAD_VERBS)})")
# the owner named in the next sentence: 「…新建食堂30个。由区民政局牵头。」
_NEXT_LEAD_UNIT = re.compile(rf"\s*{_LEAD_UNIT.pattern}")
_CONNECTIVES = re.compile(rf"^(?:{alternation(CLAUSE_CONNECTIVES)}|[，,\s])+")
_TRAILING_ADVERB = re.compile(rf"(?:{alternation(CLAUSE_CONNECTIVES)})$")
_SELF = frozenset(SELF_REFERENCES)
_SPEAKERS_OWN = frozenset(("我们", "我們"))
_CLAUSE = re.compile(r"[，,；;：:。！？!?]")
_MODAL = re.compile(rf"(?:{alternation(SUBJECT_MODALS)})")
_FROM_TO = re.compile(rf"(?:{alternation(FROM_WORDS)})[^，,。；;]*?(?:{alternation(CHANGE_TO)})")
_VERB_FIRST = re.compile(
    rf"\s*(?:{alternation(CLAUSE_CONNECTIVES)})*(?:{alternation(PLAN_ACTION_VERBS + COUNT_VERBS)})")
_REACHES = re.compile(r"(?:达到|达|控制在|不低于|不少于|超过|保持在)")
_CONTINUING = re.compile(rf"\s*(?:{alternation(CONTINUING_OPENERS)})")
# a clause comparing the value before it with the past (「總量比過去五年…增加約30%」): it goes on with it
_COMPARED = re.compile(r"\s*[^，,。；;\d]{0,4}(?:比|较|較)(?:过去|過去|上年|去年|同期|以往)")
_CHANGE_TO = re.compile(rf"^(?:{alternation(CHANGE_TO)})$")
DEADLINE_KINDS = ("deadline", "year", "relative_year", "plan", "years_span", "range_in_year", "quarter",
                  "date", "season", "from")


def is_body(words: str) -> bool:
    """An acting body said in full: 市府, 社会局, 各地医保部门, 省人力资源社会保障厅."""
    return bool(_BODY.fullmatch(words)) and not words.endswith(NOT_ORG_ENDINGS)


def body_prefix(words: str) -> int:
    """Length of an acting body that opens `words` (市府目前已设置… -> 2), else 0."""
    m = _BODY.match(words)
    return m.end() if m and not m.group().endswith(NOT_ORG_ENDINGS) else 0


def bodies(text: str, start: int, end: int) -> list[str]:
    """The acting bodies named in text[start:end], in order (not 城乡公共服务布局, 区域医疗中心, nor
    the informant of the press: 「据省人社厅介绍」, 「记者从市发改委获悉」, 「省人社厅召开新闻发布会」)."""
    told = informant_spans(text, start, end)
    found = [(m.start(), m.end(), _innermost(m.group())) for m in _BODY.finditer(text, start, end)
             if not m.group().endswith(NOT_ORG_ENDINGS) and m.group() not in _SELF]
    for e in tagged_bodies(text, start, end):  # the tagger's whole name over a piece of it (区委|…领导小组)
        if not any(s <= e.start and e.end <= t for s, t, _ in found):
            found = [f for f in found if not (e.start <= f[0] and f[1] <= e.end)] + [(e.start, e.end, e.text)]
        # nor a match that starts inside the tagger's name: 民|政部会同有关部门 (民政部 acts)
        found = [f for f in found if not e.start < f[0] < e.end < f[1]]
    if tagger.available():  # nor one holding a person's name: 市长胡衡华作政府(工作报告)
        people = [(e.start, e.end) for e in tagger.persons(text) if start <= e.start and e.end <= end]
        found = [f for f in found if not any(f[0] <= a and b <= f[1] for a, b in people)
                 and not _cut_or_verb(text, f[1] - len(f[2]), f[1])]  # (innermost: 区遵照|市政府)
    # 有 after 还, 没, 所, 拥 … is the verb (还有捷运局), no part of the name
    found = [(s + 1, t, b[1:]) if has_as_verb(text, s) else (s, t, b) for s, t, b in found]
    return [b for s, t, b in sorted(found) if not any(a <= s and t <= b_ for a, b_ in told)
            and not _issuer_or_title(text, s, t)]


_HAS_BEFORE = "还還没沒所拥擁共只都也具"


def has_as_verb(text: str, pos: int) -> bool:
    """The 有 at `pos` is the verb of 还有, 没有, 所有, 拥有 … (「还有捷运局」), no part of the name after it."""
    return text.startswith("有", pos) and pos > 0 and text[pos - 1] in _HAS_BEFORE


# …中央经济工作会议精神, 省委全会部署: a body naming a meeting or its line, not acting
_ITS_LINE = re.compile(r"[^，,。；;、]{0,12}?(?:会议|全会|大会)?(?:精神|决策部署|重要讲话|重要指示)")
_ISSUED = re.compile(r"(?:[、和及与][^，,。；;《]{2,12})?《")  # …中宣部、中组部《关于…》: who issued it


def _issuer_or_title(text: str, start: int, end: int) -> bool:
    """A body inside a document's title (《…民政局关于…》), right before it as its issuer (「贯彻落实
    中宣部、中组部《…意见》」) or naming a meeting's line (「中央经济工作会议精神」): named, not acting."""
    opened, closed = text.rfind("《", 0, start), text.rfind("》", 0, start)
    return opened > closed or bool(_ISSUED.match(text, end)) or bool(_ITS_LINE.match(text, end))


_TAGGED_ORG_END = re.compile(rf"(?:{alternation(ORG_SUFFIXES + TAGGED_BODY_SUFFIXES)})$")


def tagged_bodies(text: str, start: int, end: int) -> list[tagger.Entity]:
    """Bodies the tagger names (ORG) that end like a body does (交通运输部, 领导小组, 房屋署, 社會福利署;
    not the slogans it also tags as ORG)."""
    if not tagger.available():
        return []
    return [e for e in tagger.entities(text) if e.kind == "ORG" and start <= e.start and e.end <= end
            and _TAGGED_ORG_END.search(e.text) and not e.text.endswith(NOT_ORG_ENDINGS)]


_INFORMANT = re.compile(
    rf"据[^，,。；;]{{2,30}}?(?:{alternation(INFORMANT_VERBS)})"
    rf"|(?:记者)?从[^，,。；;]{{2,40}}?(?:{alternation(LEARN_VERBS)})"
    rf"|[^，,。；;]{{2,30}}?(?:召开|举行|举办)的?[^，,。；;]{{0,12}}?(?:{alternation(PRESS_EVENTS)})")


def informant_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where text[start:end] names who told the press."""
    return [m.span() for m in _INFORMANT.finditer(text, start, end)]


_ORG_FULL = re.compile(ORG_NAME)


def _innermost(body: str) -> str:
    """A body holding a government of another level is a clause ending in it: 区遵照市政府 -> 市政府
    (not 特区政府: 特区 is a word, `lexicon.NOT_LEVEL_WORDS`)."""
    if not body.endswith("政府"):
        return body
    for k in range(1, len(body) - 2):
        if body[k] in LEVEL_CHARS and _ORG_FULL.fullmatch(body, k) and body[k - 1:k + 1] not in NOT_LEVEL_WORDS:
            return body[k:]
    return body


def forward_cue(sentence: str, article_year: int | None = None, start: int = 0) -> re.Match[str] | None:
    """The first forward-looking cue in a sentence from `start`: 将, 力争, 到2027年 … (到 a year
    before the article's is history: 「从2015年到2019年底」 in a 2020 report)."""
    for cue in _FUTURE.finditer(sentence, start):
        year = cue.groupdict().get("year")
        if year and article_year and int(year) < article_year:
            continue
        if _NOT_FUTURE.match(sentence, cue.start()):
            continue
        if len(cue.group()) == 1 and _inside_a_word(sentence, cue.start()):
            continue
        if cue.group() in NOUN_USE_CUES and _noun_use(sentence, cue.end()):
            continue
        return cue
    return None


def _inside_a_word(sentence: str, at: int) -> bool:
    """A one-character cue ends or sits inside a longer noun the tagger reads (虚拟养老院, 模拟招聘): no cue
    (inside a verb or adverb it still is one: 还要投入, 也要; inside a time or number it is a deadline's)."""
    return tagger.available() and any(t.start < at < t.end and t.kind not in _CUE_CARRIERS
                                      for t in tagger.tokens(sentence))


_CUE_CARRIERS = ("v", "vd", "d", "ad", "TIME", "m")


def _noun_use(sentence: str, end: int) -> bool:
    """The word the tagger reads right after a cue that is also a noun (计划) is a noun, a particle or a place
    word: the cue is the noun (「經過計畫盤點」, 「參加计划的青年」, 「在实施…提升计划中」), no plan said."""
    if sentence.startswith(NOUN_STATE_AFTER, end):
        return True
    if not tagger.available() or sentence.startswith("中的", end):  # 计划中的服务单位: the planned units
        return False
    after = next((t for t in tagger.tokens(sentence) if t.start >= end and not t.text.isspace()), None)
    return after is not None and after.start == end and after.kind in NOUN_USE_AFTER


def names_this_years_plan(sentence: str, year: int | None) -> bool:
    """The sentence names the plan of the article's year (「公布了今年的十件民生实事」, 「2025年民生实事项目」 in
    2025, or any year's when the article's is unknown) or a plan published (「太原市政府发布实事」)."""
    this_year = rf"{year}年" if year else r"20\d\d年"
    plan = alternation(THIS_YEARS_PLAN_NOUNS)
    return bool(re.search(rf"(?:今年|本年|明年|{this_year})度?的?[^。；;]{{0,30}}?(?:{plan})", sentence)
                or _PUBLISHED.search(sentence))


def without_item_number(body: str) -> str:
    """The body after a list item's number (「1.」, 「（一）」, 「二是」)."""
    m = _ENUMERATION.match(body)
    return body[m.end():] if m else body


_OPEN_BRACKET = re.compile(r"[（(][^）)]*$")


_TARGETS_LABEL = re.compile(rf"\s*{TARGETS_LABEL}")  # no speaker: the year's targets
_PUBLISHED = re.compile(rf"(?:{alternation(PUBLISHING_VERBS)})[^。；;]{{0,12}}?(?:{alternation(PUBLISHED_PLANS)})")


def label_len(sentence: str) -> int:
    """Length of a leading speaker label, section tag or dateline: 「黄政:」, 「【权威解读】党代表
    程晓红(…):」, 「本报讯（记者 张瑶）」."""
    m = re.match(r"^\s*(?:【[^】]{1,10}】)?[^，,。：:“”]{1,40}(?:(?<!\d)[:：]|[:：](?!\d))", sentence)  # not 16:45
    # (not a colon inside brackets: 「1 新建幼儿园10所（牵头单位：市教育局）」)
    if m and (len(m.group()) <= 6 or "(" in m.group() or "（" in m.group() or "【" in m.group()) and (
            not _OPEN_BRACKET.search(m.group())) and not _TARGETS_LABEL.match(m.group()):
        return m.end()
    pos = 0
    while (d := _DATELINE.match(sentence, pos)) is not None and d.end() > pos:
        pos = d.end()
    return pos


_ASKED = "a question, not a pledge"
_BULLET = re.compile(r"^[■□▲△●○◆◇★☆▶►※·•]")


def cut_off(body: str) -> bool:
    """A sentence whose full stop the page lost, not a headline: three clauses or more
    (「到2025年,全县…2800人以上,促进…320人以上,促进…370人」); a headline has one comma at most,
    a bullet its mark (■我市将…)."""
    return len(re.findall(r"[，,]", body)) >= 2 and len(body) >= 30 and not _BULLET.match(body)


def never_a_pledge(body: str) -> str | None:
    """Why a sentence is no pledge whatever its cues (a headline, a question, a meeting's
    directive, an opinion holder's words), or None."""
    if is_lead_note(body):
        return "notes the unit in charge of the items above, no pledge"
    if len(body) < 4 or (not _FINAL.search(body) and len(body) < 80 and not cut_off(body)):
        return "a headline or bullet (no sentence-final punctuation): it repeats the body"
    if _QUESTION.search(body):
        return _ASKED
    if _CAPTION.match(body):
        return "a headline or bullet: a photo's caption repeats the body"
    if _DIRECTIVE.match(body):
        return "a meeting's directive, not a pledge of the government"
    if _EXPECTS.search(body) or _BELIEF.match(body):
        return "an opinion holder's words: what someone expects of the government"
    if _OUTSIDER_SAYS.match(body):
        return "the words of someone outside the government, not its pledge"
    holder = _HOLDER_SAYS.search(body)
    if holder and (not holder["name"] or is_person_name(holder["name"])) and (
            (cue := forward_cue(body)) is None or holder.start() < cue.start()):
        return "an opinion holder's words, not a pledge of the government"  # …，市议员要求市府将…
    if (condition := _CONDITIONAL.search(body)) and (cue := forward_cue(body)) and cue.start() > condition.start():
        return "the adverse consequence of a condition, not a pledge"
    if any(has_surname(m["name"]) for m in _OPINION.finditer(body)) or _UNNAMED_OPINION.search(body):
        return "an opinion holder's words, not a pledge of the government"
    if (m := _CRITIC.match(body)) and has_surname(m["name"]) and (
            not tagger.available() or any(e.kind == "PER" and e.text == m["name"] for e in tagger.entities(body))):
        return "an opinion holder's words, not a pledge of the government"  # a critic's: 胡志伟质疑…
    return None


def opens_an_account(body: str) -> bool:
    """The sentence opens with a time gone by (连年来, 今年以来, 截至…, 2021年,)."""
    return bool(_PAST.match(body))


def account_cue(body: str, year: int | None) -> bool:
    """The sentence's cue is one an account uses of what was done (`lexicon.ACCOUNT_CUES`: 先后争取资金)."""
    cue = forward_cue(body, year)
    return cue is not None and cue.group() in ACCOUNT_CUES


def reports_the_past(body: str) -> bool:
    """The sentence reports what was done (「今年以来…」, 「…建成了…」)."""
    return opens_an_account(body) or bool(_PAST_ANYWHERE.search(body))


_CONDITION = re.compile(rf"(?:{alternation(CONDITION_HEADS)})(?:{alternation(CLAUSE_CONNECTIVES)})*$")
_FORECAST = re.compile(rf"(?:{alternation(FORECAST_WORDS)})(?![的目值数數])")  # 预期目标, 预测的: nouns
_FORECAST_ALONE = re.compile(alternation(FORECAST_ALONE))
_CONDITION_HEAD = re.compile(alternation(CONDITION_HEADS))
_PLAN_VERB = re.compile(alternation(PLAN_ACTION_VERBS))
_SELF_WORD = re.compile(alternation((*SELF_REFERENCES, "我們")))


def _predicates(words: str) -> bool:
    """`words` say something of their own (a verb, 即 and 是 aside): 「不断上升，」, not 「“十四五”末,即2025年底,」."""
    if tagger.available():
        return any(t.kind in ("v", "vd") and t.text not in ("即", "是", "为") for t in tagger.tokens(words))
    return bool(_MODAL.search(words))


def forecasts_conditions(body: str, year: int | None) -> bool:
    """A forecast of conditions, not a pledge (`lexicon.CONDITION_HEADS`, `FORECAST_WORDS`):
    「就业形势将继续保持总体平稳」, 「据预测，…毕业生将达3万人」, 「…有望超额完成」."""
    cue = forward_cue(body, year)
    # (searched in the whole body, so that 预期目标是 is read as the noun it is)
    forecast = (next((m for m in _FORECAST.finditer(body) if m.end() <= cue.start()), None) if cue
                else _FORECAST_ALONE.search(body))
    at = cue.start() if cue else forecast.start() if forecast else None
    if at is None:
        return False
    clause = max([0, *(m.end() for m in _CLAUSE.finditer(body, 0, at))])
    if forecast is not None and forecast.end() < clause and _predicates(body[forecast.end():clause]):
        forecast = None  # a forecast of its own clause (「…预料会不断上升，下一步会增加津贴」): the cue's still pledges
    subject = _FORECAST.sub("", body[clause:at]).strip()
    if _CONDITION.search(subject):
        return True
    if not subject and cue is not None and _FORECAST.fullmatch(cue.group()) and clause > 0:
        before = body[max([0, *(m.end() for m in _CLAUSE.finditer(body, 0, clause - 1))]):clause]
        stop = _CLAUSE.search(body, at)
        if _CONDITION_HEAD.search(before) and not _PLAN_VERB.search(body, at, stop.start() if stop else len(body)):
            return True  # 「学位需求是441万,预计2018年底为461万」: the forecast goes on with the condition before it
    return forecast is not None and not (_BODY.search(subject) or _PLACE.search(subject) or _SELF_WORD.search(subject))


_DONE = re.compile(rf"已经?(?:于[^，,。；;]{{1,10}}?)?(?:全部|基本|全面|顺利)?"
                   rf"(?:{alternation(COMPLETION_VERBS)})(?!的)")


def done_in_cue_clause(body: str, year: int | None) -> bool:
    """The clause of the forward cue reports the plan done: 「计划实施的5个项目已于8月底全部竣工」."""
    cue = forward_cue(body, year)
    if cue is None:
        return False
    start = max([0, *(m.end() for m in _CLAUSE.finditer(body, 0, cue.start()))])
    stop = _CLAUSE.search(body, cue.end())
    return bool(_DONE.search(body, start, stop.start() if stop else len(body)))


def pledge_cue(body: str, year: int | None) -> re.Match[str] | None:
    """The forward cue that makes a sentence a pledge: not the disposal 将 among what was done
    (国务院成立了…，全国政协将就业优先作为重要议题)."""
    cue = forward_cue(body, year)
    if cue and _DISPOSAL.match(body, cue.start()) and (
            _PAST_ANYWHERE.search(body) or opens_in_a_past_year(body, year)):
        return None
    return cue


_OPENING_YEAR = re.compile(r"\s*(?:[（(][^（()）]{1,12}[)）])?[\s“\"「『]*(\d{4})年")  # (a byline: (吴冠标)“2024年


def opens_in_a_past_year(body: str, year: int | None) -> bool:
    """「2024年，…将超七成五财力投入民生领域」 in a 2025 report: what that year did."""
    m = _OPENING_YEAR.match(body)
    return bool(m and year and int(m[1]) < year)


_SAYS = re.compile(rf"^[^，,。；;：:]{{1,30}}?(?:{alternation(SPEECH_VERBS)})[，,：:]")


def acts(sentence: str) -> bool:
    """The sentence does something or counts something (a plan verb or a number)."""
    return bool(_ACTS.search(sentence))


class PlanScope:
    """Which sentences are forward-looking: a sentence with a forward cue opens a plan scope.
    In a named official's turn (a Q&A answer) the scope covers the following sentences until one
    reports the past or the turn changes. Outside a turn it continues only through enumerated items
    (「一是…」, 「（二）」) and the sentences of an item, also into a next paragraph that enumerates.
    Headlines and bullets without sentence-final punctuation are never commitments (they repeat
    the body) and leave the scope as it is."""

    def __init__(self, article_year: int | None = None) -> None:
        self.year = article_year
        self.where: object = None
        self.open = False
        self.asked_forward = False  # the last question asked about plans: the answer opens a scope
        self.asked_back = False  # the last question asked about what was done: its answer is an account
        self.items = False  # the scope enumerates items here (「一是…」): their sentences continue it
        self.speaking = False  # a pledge said by someone named in this paragraph (「李强表示，要…」) goes on

    def step(self, sentence: str, turn: str | None, paragraph: int) -> tuple[bool, int | None]:
        """(is this sentence a commitment, offset in it where the forward part starts)."""
        where = turn if turn is not None else ("paragraph", paragraph)
        label = label_len(sentence)
        body = sentence[label:].strip()
        enumerating = bool(_ENUMERATION.match(body))
        if where != self.where:
            self.where = where
            self.open = bool(turn is not None and self.asked_forward) or (self.open and turn is None and enumerating)
            self.asked_forward = False
            self.items = self.speaking = False
        self.items = self.items or (self.open and enumerating)
        refused = never_a_pledge(body)
        if refused is _ASKED:
            self.asked_forward = turn is None and bool(_FORWARD_QUESTION.search(body))
            self.asked_back = turn is None and bool(_RETRO_QUESTION.search(body)) and not self.asked_forward
        if refused is not None:
            return False, None
        cue = pledge_cue(body, self.year)
        if cue:
            self.open = True
            self.speaking = self.speaking or (turn is None and bool(_SAYS.match(body)))
            return True, sentence.find(body) + cue.start()
        if _PAST.match(body) or _PAST_ANYWHERE.search(body):
            self.open = False
            return False, None
        if not (self.open and (turn is not None or self.items or self.speaking)) or _COMMENT.match(body):
            return False, None
        if not self.items and not _ACTS.search(body):
            return False, None  # an answer's sentence with no cue continues the plan only doing something
        return True, 0


@dataclass
class Actors:
    """The bodies named so far, for subjects the text leaves out."""

    paragraph: int = -1
    in_paragraph: str | None = None
    in_article: str | None = None
    text: str = ""

    def observe(self, text: str, sentence: Sentence, paragraph: int) -> None:
        if paragraph != self.paragraph:
            self.paragraph, self.in_paragraph = paragraph, None
        if is_lead_note(sentence.text):
            return  # (责任单位:…安监局) names who leads the items above, not who acts in the next ones
        found = [b for b in bodies(text, sentence.start, sentence.end)
                 if not _counted(text, sentence, b) and not _asked_or_helped(text, sentence, b)
                 and not any(w in b for w in NON_GOVERNMENT_BODIES)]  # (a think tank quoted: no actor)
        if found:
            self.in_paragraph = self.in_article = found[-1]

    def in_this_paragraph(self, paragraph: int) -> str | None:
        return self.in_paragraph if paragraph == self.paragraph else None

    def learn_places(self, text: str) -> None:
        self.text = text

    def is_place(self, words: str) -> bool:
        """A bare 青岛 is a place when the article also names it with its level (青岛市)."""
        return 2 <= len(words) <= 4 and any(words + level in self.text for level in LOCALITY_LEVELS)


_COUNTED = re.compile(r"[0-9〇零一二两三四五六七八九十百千万]+(?:个|家|所|座|处|间|栋|支|批|类)[^，,。；;、\d]{0,6}$")


_ASKED_OR_HELPED = re.compile(rf"(?:{alternation(CAUSATIVE_VERBS + SUPPORT_VERBS)})$")


def _asked_or_helped(text: str, sentence: Sentence, body: str) -> bool:
    """The body is asked to act (督促县教育资助中心…) or helped (配合省政府参事室…): it acts, if at all,
    in its own sentence, and is no subject the later sentences leave out."""
    at = text.rfind(body, sentence.start, sentence.end)
    return at >= 0 and bool(_ASKED_OR_HELPED.search(text, max(sentence.start, at - 2), at))


def _counted(text: str, sentence: Sentence, body: str) -> bool:
    """The body is counted (「新建30个社区市民健身中心」): what is built, not who acts."""
    at = text.rfind(body, sentence.start, sentence.end)
    return at >= 0 and bool(_COUNTED.search(text, max(sentence.start, at - 10), at))


def clause_subject(text: str, clause_start: int, cue_start: int, periods: list[Period],
                   actors: Actors) -> str | None:
    """The body before a cue in its clause: 「此外，福建省将…」 → 福建省, 「2015年,青岛计划…」 → 青岛."""
    words = text[clause_start:cue_start]
    for p in periods:  # time words are not the subject
        if clause_start <= p.start and p.end <= cue_start:
            words = words.replace(text[p.start:p.end], " ", 1)
    words = _CONNECTIVES.sub("", words.strip()).strip(" ，,")
    words = _without_leading_verb(words)  # 预计香洲区将… → 香洲区, 透过特区政府 → 特区政府
    for candidate in _without_trailing_adverbs(words):  # 青岛市还 → 青岛市, 成都还 → 成都 (not 成)
        if not candidate or len(candidate) > 16:
            continue
        if _cut_out(text, candidate, clause_start, cue_start):
            continue  # 紧紧围绕省|委…, 人力资源市|场…: part of a word
        if is_body(candidate) or _PLACE.fullmatch(candidate) or candidate in _SELF or actors.is_place(candidate):
            return candidate
        if tagged_body(text, candidate, clause_start, cue_start):
            return candidate
    return None


def _cut_or_verb(text: str, start: int, end: int) -> bool:
    """text[start:end] is cut out of a word (涉|县中心城区, 長濱鄉南溪部|落; but 全|市人社系统: 全市 spreads
    over the body, 苗栗縣|長: its head) or ends in a verb (深入部署: 署 ends a bureau's name, 部署 is a verb)."""
    first = tagger.word_at(text, start)
    if first is not None and first.start < start and (first.text in BODY_SPREAD or first.kind in ("v", "vd")):
        start = first.start  # 全|市人社系统; 进|行政机关: the tagger glued a verb to the name's first character
    last = tagger.word_at(text, end - 1)
    if last is not None and last.start == end - 1 and last.text[1:] in ("长", "長") and last.text[0] in LEVEL_CHARS:
        end = last.end  # 苗栗縣|長: the government its head speaks for, not a piece
    return tagger.cuts_a_word(text, start, end) or (last is not None and last.kind in ("v", "vd"))


def _cut_out(text: str, words: str, start: int, end: int) -> bool:
    """`words`, found in text[start:end], begin or end inside one of the tagger's words."""
    at = text.rfind(words, start, end)
    return at >= 0 and tagger.available() and tagger.cuts_a_word(text, at, at + len(words))


_SAYS_FIRST = re.compile(rf"(?:{alternation((*SPEECH_VERBS, '指', '称', '稱'))})[，,：:]?")


def _without_leading_verb(words: str) -> str:
    """`words` less a verb or preposition of two or more characters the tagger reads at their start
    (预计, 透过; one character, in so short a piece, is too often a name's: 长|照处)."""
    if not tagger.available() or not words:
        return words
    first = tagger.tokens(words)[:1]
    if first and first[0].kind in ("v", "vd", "p") and 2 <= first[0].end < len(words):
        return words[first[0].end:]
    said = _SAYS_FIRST.match(words)  # 「並指政府將於下月…」: a verb of saying, then who acts
    return words[said.end():] if said and said.end() < len(words) else words


def _without_trailing_adverbs(words: str) -> list[str]:
    """`words`, then `words` less one trailing adverb at a time: 青岛市还将 → 青岛市还, 青岛市."""
    out = [words]
    while (m := _TRAILING_ADVERB.search(out[-1])) and m.start() > 0:
        out.append(out[-1][:m.start()])
    return out


def tagged_body(text: str, words: str, start: int, end: int) -> bool:
    """The whole subject of a clause is a body or a place the tagger knows (今年交通运输部将…,
    海淀区…, 成都还将…), though the lexicon does not."""
    if not tagger.available():
        return False
    return any(e.text == words and e.kind in ("ORG", "LOC") and start <= e.start and e.end <= end
               for e in tagger.entities(text))


def acting_body(text: str, sentence: Sentence, piece: tuple[int, int], cue: int | None, periods: list[Period],
                actors: Actors, speaker: PersonMention | None) -> str | None:
    """Who is responsible for a pledge piece (see the module docstring for the order)."""
    lead = _LEAD_UNIT.search(text, sentence.start, sentence.end) or _NEXT_LEAD_UNIT.match(text, sentence.end)
    if lead:
        return lead.group(1)
    at = cue if cue is not None and piece[0] <= cue < piece[1] else piece[0]
    opening = piece[0] + label_len(text[piece[0]:piece[1]])

    def subject_at(pos: int) -> str | None:
        start = max([opening, *(m.end() for m in _CLAUSE.finditer(text, opening, pos))])
        said = _SAID_BY.search(text, start, pos)  # 「社會福利署表示會積極跟進」: who says it will
        return clause_subject(text, start, said.start() if said else pos, periods, actors)

    if cue is None or not piece[0] <= cue < piece[1]:
        modal = next((s for s in map(subject_at, modal_positions(text, piece, at)) if s and s not in _SPEAKERS_OWN),
                     None)
        if modal:
            return modal  # no cue, a modal's clause names who acts: 「局长陈肇始表示,…,当局会持续检视…」
        place = opening_place(text, piece[0], piece[1])
        if place and place not in _SELF:
            return place  # an item of a breakdown or a list: 「金水区8560套」, 「六是公安分局全部增设…」
        if (opener := clause_opening_body(text, opening, piece[1])) is not None:
            return opener  # 「為回應…需求，縣府近年積極推動公共托育政策，…逐步布建公共托嬰中心」
    subjects = [subject_at(pos) for pos in (at, *modal_positions(text, piece, at))]
    # the cue's clause first, then a clause with a modal; as written: 我省, 当局, 局方
    acting = next((s for s in subjects if s and s not in _SPEAKERS_OWN), None)
    if acting:
        return acting
    subject = subjects[0]
    if subject in _SPEAKERS_OWN and speaker and speaker.organization:
        return speaker_body(speaker)  # 我们亦会…: the speaker's body, not one the paragraph named
    head = sentence.start + label_len(sentence.text)  # the earlier pieces of the sentence too (a list's intro)
    if at > head and (topic := sentence_topic(text, head, at)):  # in a speaker's title: their body
        return speaker_body(speaker) if speaker and topic in (speaker.title or "") else topic
    first = bodies(text, sentence.start, max(at, piece[0] + 1))
    if first:  # a body in the speaker's own title is the body they act for
        return speaker_body(speaker) if speaker and first[0] in (speaker.title or "") else first[0]
    named = actors.in_this_paragraph(text.count("\n", 0, sentence.start))
    if named:
        return named
    if speaker and speaker.organization:
        return speaker_body(speaker)
    return actors.in_article or subject


def clause_opening_body(text: str, start: int, end: int) -> str | None:
    """The first body that opens a clause of text[start:end] and acts there: not one that only says
    (「社會處表示，」), nor one inside a word the tagger reads."""
    for pos in (start, *(m.end() for m in _CLAUSE.finditer(text, start, end))):
        stop = _CLAUSE.search(text, pos, end)
        clause = text[pos:stop.start() if stop else end]
        size = body_prefix(clause)
        if size and not _SAID_BY.match(clause, size) and not _cut_out(text, clause[:size], pos, pos + len(clause)):
            return clause[:size]
    return None


_PARTY_COMMITTEE = re.compile(rf"(?:{_LEVELS})委$")
_PRESS_UNIT = re.compile(rf"(?:{alternation(PRESS_UNITS)})$")
_HEAD_OF_GOVERNMENT = re.compile(rf"、(?:常务)?副?(?:{_LEVELS})长$")


def modal_positions(text: str, piece: tuple[int, int], after: int) -> list[int]:
    """Where a modal (会, 將, 要; `lexicon.SUBJECT_MODALS`) stands in the piece, but at `after`: the clause
    before it may name who acts when the cue's own clause does not (「她指明年…，房屋局會繼續努力」,
    「…，当局会持续检视」)."""
    return [m.start() for m in _MODAL.finditer(text, piece[0], piece[1]) if m.start() != after]


def speaker_body(speaker: PersonMention) -> str | None:
    """The body a speaker acts for: their organisation, but the place for one who heads its
    government as well as sitting on its party committee (云南省委副书记、省长 -> 云南省)."""
    org = speaker.organization
    if org and _PARTY_COMMITTEE.search(org) and _HEAD_OF_GOVERNMENT.search(speaker.title or ""):
        return org[:-1] if len(org) > 2 else org[:-1] + "政府"  # 云南省委 -> 云南省, 省委 -> 省政府
    if org and (press := _PRESS_UNIT.search(org)) and press.start() >= 2:
        body = org[:press.start()]  # 国家卫生计生委|宣传司: the commission; 泉州市委|宣传部: the city
        return body[:-1] if _PARTY_COMMITTEE.search(body) and len(body) > 2 else body
    return org


_NOTE = re.compile(r"[（(][^（()）]{1,6}[)）]")  # a bracketed note after a target: 4万套(间)


# A clause naming whom it is for, then how many (「为10万户高龄独居老人加装燃气报警器」): its own pledge.
_FOR_WHOM = re.compile(rf"\s*(?:为|给)[^，,。；;]{{0,6}}?\d[^，,。；;]{{1,30}}?"
                       rf"(?:{alternation((*PLAN_ACTION_VERBS, '进行', '加装', '更换', '安装', '配备'))})")


def _own_clause(text: str, pos: int, item_end: int, targets: list[Value], year: int | None, listed: bool) -> bool:
    """The clause after the 「，」 at `pos` pledges on its own (its target checked by the caller): its own
    subject and cue, a change of a value, a verb first, whom it is for, a place, an indicator's level, or
    an item of a list; never one that goes on with the value before it (其中…, 同比…, 总量比过去…)."""
    going_on = bool(_CONTINUING.match(text, pos + 1, item_end) or _COMPARED.match(text, pos + 1, item_end))
    cue = forward_cue(text[pos + 1:item_end], year)
    own_subject = cue is not None and bool(_CONNECTIVES.sub("", text[pos + 1:pos + 1 + cue.start()]))
    # 「…及补助方案，将由12万元提升至18万元」: a change of a value is a pledge of its own
    own_change = cue is not None and bool(_FROM_TO.match(text, pos + 1 + cue.end(), item_end))
    # 「今年投资90亿元，改造2.87万户」: each clause with a target of its own is a pledge of its own
    own_target = bool(_FOR_WHOM.match(text, pos + 1, item_end)) or (not going_on and bool(
        _VERB_FIRST.match(text, pos + 1, item_end) or _REACHES.search(text, pos + 1, item_end)
        or (tagger.available() and tagger.opens_with_verb(text, pos + 1, item_end))))
    own_place = opening_place(text, pos + 1, item_end) is not None  # 其中，中原区…，金水区…: one pledge each
    # …900万人以上,城镇调查失业率6%左右: an indicator and its level, one target of a list
    own_level = not going_on and indicator_level(text, pos + 1, item_end, targets)
    return own_subject or own_change or own_target or own_place or own_level or (listed and not going_on)


def _body_acts(text: str, start: int, end: int) -> str | None:
    """The body that opens text[start:end] with its verb right after it (「教育局核实清点闲置教室」): who acts
    in that clause."""
    at = _OPENING.match(text, start, end)
    pos = at.end() if at else start
    n = body_prefix(text[pos:end])
    if not n or not tagger.available() or not tagger.opens_with_verb(text, pos + n, end):
        return None
    return text[pos:pos + n]


def _bodies_take_turns(text: str, start: int, pos: int, item_end: int) -> bool:
    """The clause after the 「，」 at `pos` and the one before it each open with a body acting, not the same."""
    here = _body_acts(text, pos + 1, item_end)
    if here is None:
        return False
    before = max([start, *(start + c.end() for c in _CLAUSE.finditer(text[start:pos]))])
    there = _body_acts(text, before, pos)
    return there is not None and there != here


def pledge_pieces(text: str, start: int, end: int, targets: list[Value], year: int | None,
                  listed: bool = False, due: Sequence[Period] = ()) -> list[tuple[int, int]]:
    """Split a pledging sentence where it lists several targets: at 「；」 between items that carry
    their own target, at 「，」 before a clause with its own subject, cue and target (「山东省计划新增
    6.5万张，青岛计划新增3000张」, not 「预计会有16处，预计可再增加600多处」), at 「、」 right after a
    target when the next item has its own (「新增停车位20万个、充电桩10万个」), at 「；」 between items with a due
    time each in `due` (「4月底前完成方案制定;5月底前启动筛查」). One piece otherwise."""
    cuts: list[int] = []
    colon = re.search(r"[：:]", text[start:end])
    # after a forward introduction with a colon (「主要预期目标是：」, 「办好十件民生实事：」) the clauses are a
    # list: each with its own target is a pledge of its own
    listed_from = start + colon.end() if colon and forward_cue(text[start:start + colon.start()], year) else end
    if listed:  # an item of a plan's list, no cue of its own: its clauses are the list's items
        listed_from = start

    def has_target(a: int, b: int) -> bool:
        return any(a <= v.start and v.end <= b for v in targets)

    def has_due(a: int, b: int) -> bool:
        return any(a <= p.start and p.end <= b and p.kind == "deadline" for p in due)

    for m in re.finditer(r"[；;，,、：:]", text[start:end]):
        pos = start + m.start()
        nxt = _CLAUSE.search(text, pos + 1, end)
        item_end = nxt.start() if nxt else end
        if m.group() in "；;":
            cut = ((has_target(pos + 1, end) and has_target(cuts[-1] if cuts else start, pos))
                   or (has_due(pos + 1, item_end) and has_due(cuts[-1] if cuts else start, pos)))
        elif m.group() in "：:":  # a forward introduction with its own target, then its items
            cut = pos + 1 == listed_from and has_target(pos + 1, end) and has_target(start, pos)
        elif m.group() in "，,":
            cut = (_own_clause(text, pos, item_end, targets, year, pos >= listed_from)
                   and has_target(pos + 1, item_end) and has_target(cuts[-1] if cuts else start, pos))
            # 「教育局核实清点闲置教室，社会局加大推动公托量能」: each clause its own body acting, one pledge each
            cut = cut or _bodies_take_turns(text, start, pos, item_end)
        else:
            after = _CLAUSE.search(text, pos + 1, end)
            nxt_item = re.search(r"[、，,；;。]", text[pos + 1:end])
            item_end = pos + 1 + nxt_item.start() if nxt_item else (after.start() if after else end)
            cut = ((any(v.end == pos or _NOTE.fullmatch(text, v.end, pos) for v in targets)
                    or opening_place(text, pos + 1, item_end) is not None)
                   and has_target(pos + 1, item_end) and has_target(cuts[-1] if cuts else start, pos))
        if cut:
            cuts.append(pos + 1)
    bounds = [start, *cuts, end]
    pieces = []
    for a, b in pairwise(bounds):
        while a < b and text[a] in " \u3000\xa0":
            a += 1
        if b > a:
            pieces.append((a, b))
    return pieces


_INDICATOR = re.compile(r"\s*(?!(?:总|總)?(?:投资|投資|资金|資金|投入|经费|經費|费用|面积|面積))[^\d，,。；;：:]{2,16}")


def indicator_level(text: str, start: int, end: int, targets: list[Value]) -> bool:
    """The clause names an indicator and its level, nothing else (「城镇调查失业率6%左右」): one target of a
    list of targets. Not what a target costs or covers (「总投资5亿元」)."""
    close = end - 1 if end > start and text[end - 1] in "，,。；;" else end
    m = _INDICATOR.match(text, start, close)
    return m is not None and any(v.start == m.end() and v.end == close for v in targets)


_OPENING = re.compile(rf"[\s，,、]*(?:{_ENUMERATION.pattern})?[\s，,、]*"
                      rf"(?:{alternation(CLAUSE_CONNECTIVES)}|其中)?[\s，,、]*")


def opening_place(text: str, start: int, end: int) -> str | None:
    """A place or body that opens text[start:end] (after 其中 and connectives): 「中原区开工建设15440套」,
    「金水区8560套」, 「公安分局全部增设…」. The lexicon's places and bodies, and the tagger's."""
    at = _OPENING.match(text, start, end)
    pos = at.end() if at else start
    if has_as_verb(text, pos):
        pos += 1  # 还有捷运局
    if tagger.available():
        pos = _after_causative(text, pos)  # 请各区…: 各区
    words = text[pos:end]  # sliced: a label before it (六是) is no part of the name
    lengths = [m.end() for m in (_PLACE.match(words), _BODY.match(words), _EACH_PLACE.match(words))
               if m and not m.group().endswith(NOT_ORG_ENDINGS)]
    if lengths and tagger.available() and _opens_with_a_verb(text, pos):
        lengths = []  # 「改善全市60所…」, 「推进区、县两级…」: a verb and its object, no place
    if tagger.available():  # nor a piece of a word: 人力资源市|场
        lengths = [n for n in lengths if not _cut_or_verb(text, pos, pos + n)]
    if tagger.available():  # the tagger's whole name (台北市都市发展局), or a place the lexicon lacks
        lengths += [e.end - pos for e in tagger.entities(text)
                    if e.start == pos and e.end <= end and e.kind in ("LOC", "ORG")]
    return _joint_bodies(words, max(lengths)) if lengths else None


_EACH_PLACE = re.compile(r"各(?:省|市|区|县|乡镇|街道|地)")  # 请各区…上报: each district acts


def _word_at(text: str, pos: int) -> tagger.Entity | None:
    word = tagger.word_at(text, pos)
    return word if word is not None and word.start == pos else None


def _opens_with_a_verb(text: str, pos: int) -> bool:
    """The tagger's word at `pos` is a verb or a preposition (改善, 推进, 透过)."""
    word = _word_at(text, pos)
    return word is not None and word.kind in ("v", "vd", "vn", "p")


def _after_causative(text: str, pos: int) -> int:
    """Past a verb that asks its object to act (`lexicon.CAUSATIVE_VERBS`: 请各区…)."""
    word = _word_at(text, pos)
    return word.end if word is not None and word.text in CAUSATIVE_VERBS else pos


_JOINED = re.compile(r"[、和与及]?")
_SELF_OPENING = re.compile(rf"[\s，,、]*(?:{alternation(CLAUSE_CONNECTIVES)})*[\s，,、]*"
                           rf"(?P<self>{alternation(SELF_REFERENCES)})")


def _joint_bodies(words: str, end: int) -> str:
    """Bodies acting together, as written (「市委、市政府按照…」 -> 市委、市政府), and a place within a
    place (新疆维吾尔自治区乌鲁木齐市)."""
    while (j := _JOINED.match(words, end)) and (m := _BODY.match(words[j.end():]) or _PLACE.match(words[j.end():])):
        end = j.end() + m.end()
    return words[:end]


def _self_opening(text: str, start: int, end: int) -> str | None:
    """我市, 本省 … opening a clause (after connectives and 今年): the government the text speaks for."""
    m = _SELF_OPENING.match(text, start, end)
    return m["self"] if m else None


def sentence_topic(text: str, opening: int, at: int) -> str | None:
    """The body or place opening an earlier clause of the sentence, nearest first: Chinese drops the
    subject of the clauses that go on with it (「今年,泉州市继续开展为民办实事工作,将实施39个项目」).
    The informant of the press is none (「省人社厅召开新闻通气会，…将…」)."""
    told = informant_spans(text, opening, at)
    bounds = [opening, *(m.end() for m in _CLAUSE.finditer(text, opening, at))]
    for start, _end in reversed(list(pairwise(bounds))):  # the clauses before the cue's own
        if not any(a <= start < b for a, b in told):
            topic = opening_place(text, start, at) or _self_opening(text, start, at)
            if topic and topic not in _SPEAKERS_OWN:
                return topic
    return None


def reported_in_clause(text: str, sentence: Sentence, value: Value, cue: int | None) -> bool:
    """A value after the cue in a clause of its own that reports what is done
    (「我省将继续开展…活动，目前，全省人才服务机构已经排出184场」) is not a target."""
    start = max([sentence.start, *(m.end() for m in _CLAUSE.finditer(text, sentence.start, value.start))])
    nxt = _CLAUSE.search(text, value.end, sentence.end)
    end = nxt.start() if nxt else sentence.end
    if cue is not None and start <= cue < end:
        return False
    clause = text[start:end]
    return bool(_PAST.match(clause) or _PAST_ANYWHERE.search(clause))


def subject_before_cue(text: str, value: Value, cue: int, values: tuple[Value, ...]) -> bool:
    """A value in the subject of its clause, right before the cue, is what is pledged when no value
    follows the cue there: 「约2 600个单位将于二○二四/二五年度落成」."""
    if value.end > cue or _CLAUSE.search(text, value.end, cue) or cue - value.end > 12:
        return False
    end = _CLAUSE.search(text, cue)
    return not any(cue <= v.start < (end.start() if end else len(text)) for v in values)


def not_a_pledge(sentence: str, year: int | None, deadline: Period | None) -> str | None:
    """Why a sentence the rules made no commitment of may not become one on the model's word
    (None when the rules' own evidence allows it: a forward cue, or a deadline in the future, and
    no headline, question, meeting directive, opinion holder or report of what is done: what
    `PlanScope.step` refuses)."""
    body = sentence[label_len(sentence):].strip()
    refused = never_a_pledge(body)
    if refused is not None:
        return refused
    if pledge_cue(body, year):
        return None
    if _PAST.match(body) or _PAST_ANYWHERE.search(body):
        return "reports what is done, not a pledge"
    future = deadline is not None and (deadline.kind == "deadline" or (
        year is not None and deadline.year_to is not None and deadline.year_to > year))
    return None if future else "no forward-looking cue and no future deadline in the sentence"


def pledged_target(text: str, targets: list[Value]) -> Value | None:
    """The first target, or where it changes from one value to another, the value reached."""
    for i, v in enumerate(targets):
        if i + 1 < len(targets) and (_CHANGE_TO.match(between := text[v.end:targets[i + 1].start]) or (
                _ANY_CHANGE_TO.match(between) and _FROM_BEFORE.search(text, max(0, v.start - 6), v.start))):
            continue  # 由18人扩编至68人: 68人, whatever the verb; 由原来首300万调整为600万: 600万
        return v
    return None


_ANY_CHANGE_TO = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:至|到|为|為)$")
_FROM_BEFORE = re.compile(rf"(?:{alternation(FROM_WORDS)})[\u4e00-\u9fff]{{0,4}}$")  # 由, 由原来首


_COORDINATED = re.compile(r"[^\d\s，,。；;：:、和及与]{1,8}[和及与、]")
_NOUN_TAIL = re.compile(r"[^\d\s，,。；;：:、和及与()（）]{1,8}(?=[，,。；;：:]|$)")


def coordinated_target(text: str, target: Value | None, values: list[Value], end: int) -> str | None:
    """The target as written, with the amounts coordinated with it in its clause: 「新建续建30条道路和3座
    桥梁」 → 30条道路和3座桥梁 (one pledge, two amounts); else the target's own surface."""
    if target is None:
        return None
    last = target
    for v in values:
        if v.start >= last.end and _COORDINATED.fullmatch(text, last.end, v.start):
            last = v
    if last is target:
        return target.surface
    tail = _NOUN_TAIL.match(text, last.end, end)
    return text[target.start:tail.end() if tail else last.end]


def report_date(text: str, period: Period) -> bool:
    """A date that says when the news was told, not when a pledge is due: 「2月11日，记者从…获悉」,
    「李立业12月12日预料」, 「部长王晓萍26日在北京介绍」."""
    return period.kind == "date" and bool(_REPORTED.match(text, period.end) or (
        _RELEASED.match(text, period.end) and not _DUE_BEFORE.search(text, max(0, period.start - 3), period.start)))


def pledge_deadline(periods: list[Period], piece: tuple[int, int], head: tuple[int, int],
                    cue: int | None) -> Period | None:
    """A deadline stated in the piece (到2025年, 年底前), else the time nearest before the cue,
    else the first after it; a later piece of a sentence inherits the sentence head's."""
    def within(a: int, b: int) -> list[Period]:
        return [p for p in periods if a <= p.start and p.end <= b and p.kind in DEADLINE_KINDS]

    own = within(*piece)
    for p in own:
        if p.kind == "deadline":
            return p
    at = cue if cue is not None and piece[0] <= cue < piece[1] else piece[0]
    if cue is not None:  # 将于二○二四/二五年度落成: the time the cue is about, right after it
        right_after = [p for p in own if cue < p.start <= cue + 4]
        if right_after:
            return right_after[0]
    before = [p for p in own if p.end <= at]
    if before:
        return before[-1]
    if own:
        return own[0]
    inherited = [p for p in within(*head) if p.end <= at]
    return inherited[-1] if inherited else None


def pledge_span(text: str, piece: tuple[int, int]) -> tuple[int, int]:
    """The piece without a leading label, bullet or blank and without trailing separators (may be empty:
    a piece that is only a speaker's label, 「黄政:」)."""
    start, end = piece
    start += label_len(text[start:end])
    while start < end and text[start] in " ■●◆▲\u3000\xa0":
        start += 1
    while end > start and text[end - 1] in "，,、；;：:":
        end -= 1
    return start, end


def build_commitment(text: str, idx: int, piece: tuple[int, int], targets: list[Value], deadline: Period | None,
                     responsible: str | None, speaker: PersonMention | None) -> Commitment:
    start, end = pledge_span(text, piece)
    inside = [v for v in targets if start <= v.start and v.end <= end]
    target = pledged_target(text, inside)
    return Commitment(
        id=f"c{idx}", action=text[start:end], target=coordinated_target(text, target, inside, end),
        deadline=deadline.surface if deadline else None,
        deadline_year=deadline.year_to if deadline else None,
        responsible=responsible, speaker=speaker.name if speaker else None,
        quote=text[start:end], span=(start, end), spans=[(start, end)],
    )


_SAID_BY = re.compile(rf"(?:{alternation((*SPEECH_VERBS, '称', '稱'))})[，,]?$")
_MODAL_ADVERBS = ("d", "vd", "ad", "p", "r", "n", "vn", "a", "m", "q", "u", "f", "ORG", "LOC")  # before the verb


def acting_will(text: str) -> bool:
    """A government actor says it will act with a bare 会 (「當局會持續監察各項目進度」, 「屋宇署會繼續對…加強
    執法」, 「房屋局稱，會不時檢討…」): 会 the tagger reads as a modal verb, a verb after it in its clause,
    and the clause's subject a body, a government word or 我们 (or, with none, a body that says it just
    before). Not conditions (「市场会越来越火爆」, 「天气会更冷」): they have no actor."""
    if not tagger.available():
        return False
    words = [w for w in tagger.tokens(text) if not w.text.isspace()]
    for k, w in enumerate(words):
        if w.text not in ("会", "會") or w.kind != "v":
            continue
        start = max([m.end() for m in _CLAUSE.finditer(text, 0, w.start)] or [0])
        subject = _CONNECTIVES.sub("", text[start:w.start]).strip()
        subject = _without_trailing_adverbs(subject)[-1] if subject else subject
        subject = subject[:said.start()] if (said := _SAID_BY.search(subject)) else subject  # 社会福利署表示会…
        actor = (subject in _SELF or subject in _SPEAKERS_OWN or subject in GOVERNMENT_WORDS
                 or any(is_body(subject[k:]) for k in range(max(0, len(subject) - 1)))  # (社会福利署: 福利署)
                 or tagged_body(text, subject, 0, len(text)))
        if not subject:
            before = text[max(0, start - 12):start]
            actor = bool(_SAID_BY.search(before)) and bool(bodies(text, max(0, start - 12), start))
        if actor and _verb_follows(words[k + 1:]):
            return True
    return False


def _verb_follows(words: Sequence[tagger.Entity]) -> bool:
    """A verb comes in the clause after the modal (adverbs and a prepositional phrase may come first)."""
    for w in words[:8]:
        if w.kind == "v":
            return True
        if w.kind not in _MODAL_ADVERBS:
            return False  # punctuation, an adjective's condition (越来越火爆), the end of the clause
    return False
