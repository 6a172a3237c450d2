"""Subjects and periods of metrics: what each value counts, and when.

Rules read the simplified view of the article (`hanzi.simplified_view`); offsets are shared with
the original, and a subject is cut from the text so that it can be given back as written.

What a value counts, in the order tried (the words are tables in `lexicon`, section subjects):
- respectively: 「A、B、C分别从x、y、z降至u、v、w」 gives value i the i-th (mod N) item of the list
  before 分别; with no list in its clause the N values after 分别 take the subjects of the N values
  before it in the sentence (「救助9.5万人次,使用资金6691万元,比去年同期分别增长118个和22.5个百分点」);
- numeral–classifier–noun: a noun phrase after the value (after 的) is what is counted when the text
  before is a verb, ends in one (新增80000张养老床位, 对151名…人员) or ends a list item (、 及);
  when the value ends its clause the noun before it is (新增学位8000个, 公托共有92家);
- an empty or verb-only subject is inherited: from the value before it in its clause (从159家增长到
  175家, 4年提高了1岁), else from the noun the previous clause ends with (补助方案，将由12万元提升至…);
- a change relative to a baseline (比上年下降0.3个百分点) is about the thing measured before it.
A subject never starts with punctuation and is never a measure word alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from summarizer.lang import tagger
from summarizer.lang.lexicon import (
    AFTER_BODY_MODALS,
    BASELINE_CUES,
    CHANGE_TO,
    CHANGE_VERBS,
    CONTINUATION_OPENERS,
    COUNT_CLASSIFIERS,
    COUNT_VERBS,
    DATELINE_PATTERNS,
    EXISTENCE_VERBS,
    FORWARD_CUES,
    FROM_WORDS,
    GENERIC_NOUNS,
    GOAL_WORDS,
    LEADING_CUES,
    LEARN_VERBS,
    LIST_ENDS,
    LIST_JOINERS,
    MEASURE_WORDS,
    NOUN_STOPS,
    OBJECT_VERBS,
    PARAGRAPH_PERIOD_KINDS,
    PER_PERIOD,
    PER_UNIT,
    PLAN_ACTION_VERBS,
    PLAN_MODALS,
    PREDICATE_STARTS,
    PREPOSITIONS,
    PRESENT_WORDS,
    RESPECTIVELY,
    SPEECH_VERBS,
    SUBJECT_OPENERS,
    TARGET_DATE_OPENERS,
    TIME_WORDS,
    TRAILING_MODALS,
    VERB_MODIFIERS,
    WHOLE_YEAR,
    alternation,
    cue_alternation,
)
from summarizer.lang.pledges import ORG_NAME, body_prefix
from summarizer.lang.values import Period, Value, find_periods, find_values, fold
from summarizer.text.chunk import Sentence

# A clause ends at ，；：。！？ or a line end (not a 。 typed for a decimal point: 6。9万人次); an ASCII
# , or : between digits is inside a number (1,968);
# a space between two Han characters parts the halves of a headline (「湖南出台措施 今年将提供…」).
_CLAUSE_BREAK = re.compile(
    r"[，；：！？!?\n]|(?<![0-9])。|。(?![0-9]{1,2}[万亿%人元件条个张户名倍亩吨公])"
    r"|(?<![0-9])[,;:]|[,;:](?![0-9])|(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])"
)
_LEAD = re.compile(
    r"^(?:其中|同时|此外|另外|目前|截至目前|迄今|至今|截至\S{0,6}?[底末]|今年以来|今年|去年|全年|"
    r"(?:(?:力争|争取)?到)?\d{4}年(?:度|底|末)?|\d{1,2}[-—至]\d{1,2}月|[一二三四]季度|上半年|下半年|(?:今|去|明)[春夏秋冬]|[春夏秋冬]季|"
    r"全市|全区|全县|全省|我市|我区|我县|我省|本市|年内|明年|共有|现有|拥有|已有|建有|共|累计为|在|为|对|"
    rf"{alternation(LEADING_CUES)}|{alternation(SUBJECT_OPENERS)})+"
)
_TRAIL = re.compile(
    r"(?:达到|达|为|是|约|共|累计|超过|超|近|突破|分别|分别为|实现|保持在|稳定在|巩固在|控制在|占"
    r"|会?(?:提高|提升|增加|增长|下降|降低|减少|上升|扩大|缩小|降|增)(?:到|至)"
    rf"|{alternation(FROM_WORDS + TRAILING_MODALS + PER_UNIT + PER_PERIOD)}|(?:\d{{4}}年(?:底|末)?)?的)+$"
)
# a dateline and byline before what is counted (人民网合肥1月16日电(吕欢欢)开发就业岗位43万个)
_DATELINES = re.compile(rf"^(?:{'|'.join(DATELINE_PATTERNS)})+")
_RANGE_TO = re.compile(r"[至到~～\-—－]")
_RELATIVE = re.compile(r"^(?:同比|较|比|环比|较去年|较上年)")
# an organisation that opens a metric's clause (「市财政局将安排资金5亿元」) is not what is counted
_ORG_LEAD = re.compile(rf"^{ORG_NAME}(?:{alternation(AFTER_BODY_MODALS)})")
_JUNK = re.compile(rf"^(?:[、，,；;。\s“”\"'（）()]|{alternation(LIST_JOINERS)}|的"
                   r"|[一二三四五六七八九十0-9]{1,3}[)）、．.](?![0-9])"
                   r"|^[0-9]{1,2}[ \t\u3000]+(?=[^\W\d_]))+")  # and an item's number: （一）, 1. , a row's 「1 」
_JOINER = re.compile(alternation(LIST_JOINERS))
# a verb (with the words between it and its actor) that ends the text before a value
_VERB_END = re.compile(
    rf"(?:{alternation(VERB_MODIFIERS)})*(?:{alternation(COUNT_VERBS + CHANGE_VERBS)})(?:了|过)?$"
)
_PLANNED = re.compile(rf"^(?P<actor>[^，,、]{{2,12}}?)(?:{alternation(PLAN_MODALS)})+"
                      rf"(?P<verb>{alternation(w for w in COUNT_VERBS if len(w) > 1)})")
_EXISTENCE_END = re.compile(rf"(?:{alternation(EXISTENCE_VERBS)})$")
_PREPOSITION_END = re.compile(rf"(?:{alternation(PREPOSITIONS)})$")
_PER_UNIT_END = re.compile(rf"(?:{alternation(PER_UNIT)})$")
_VERB_INSIDE = re.compile(rf"(?<=..)(?:{alternation(w for w in COUNT_VERBS if len(w) > 1)})")
_VERB_START = re.compile(rf"(?:{alternation(w for w in COUNT_VERBS if len(w) > 1)})")
_NOT_ACTOR = re.compile(rf"{alternation(VERB_MODIFIERS + TIME_WORDS)}")
# the last verb of a clause that names what it makes or counts (政府推出过渡性房屋项目)
_OBJECT_AFTER = re.compile(rf"(?:{alternation(w for w in COUNT_VERBS if len(w) > 1)})(?P<noun>[^、，,]{{2,}})$")
_NOUN_END = re.compile(rf"{cue_alternation(NOUN_STOPS)}|[、\s，,；;：:。（(“”\"《]")
_TRAILING_JOINER = re.compile(rf"(?:{alternation(LIST_JOINERS)})+$")
# a duration or count before a verb is no actor (4年提高了1岁)
_NUMBER = re.compile(r"[0-9.]+[^\W\d_]?")
_PREDICATE = re.compile(rf"^(?:{alternation(PREDICATE_STARTS + CHANGE_VERBS + CHANGE_TO)})")
_CHANGE = re.compile(rf"^(?:{alternation(CHANGE_VERBS + CHANGE_TO)}|至|到)")
# (also a baseline named again in brackets: 较五年前(即二〇一九至二〇年度)增加)
_BASELINE_END = re.compile(rf"(?:{cue_alternation(BASELINE_CUES)})(?:[^，,。；;（(]{{0,8}}[（(]即?)?$")
_PRESENT = re.compile(alternation(PRESENT_WORDS))
_AT_END = re.compile(r"[于在]$")
# 目前 is said of its clauses up to a semicolon or a plan (目前有13个项目，目标是提供3万个单位)
_NOW_ENDS = re.compile(rf"[；;]|{cue_alternation(FORWARD_CUES)}")
# 比/较/与 … 的 before a value: it is the other side of a comparison (not 超过中央下达的20万户: the same time's)
_BASELINE_OF = re.compile(r"(?:(?<![占对无相])比|较|(?<![参给])与)[^，,。；;]{0,24}的$")
# a time moved: 提前到2014年, 推迟至明年 (the period's surface may begin with the 到)
_MOVED = re.compile(r"(?:提前|推迟|延迟|延后|顺延)(?:到|至)?")
_SHARE_OF = re.compile(r"[^，,。；;0-9]{1,24}的(?:[0-9.]+%?(?:[至到~、-]|和|及))?")
_SHARE_VERB = re.compile(r"(?:按照|按|依照|参照|达到|相当于|占)[^，,。；;0-9]{0,4}$")
_CONTINUES = re.compile(rf"\s*(?:{alternation(CONTINUATION_OPENERS)})[，,]")
_OWN_YEAR = re.compile(r"(?:19|20)[0-9]{2}年|[今去明][(（][0-9]{2,4}[)）]年|[〇零一二][〇零一二三四五六七八九]{3}年"
                       r"|今年|去年|明年|上年|本年|前年")
_SEMICOLON = re.compile(r"[；;]")
_BASIS = re.compile(r"(?:按照|参照|依照|依据|根据|按)[^，,；;。]{0,8}$")
_FROM_LEVEL = re.compile(r"(?<![理自经缘事来])由(?![于此衷])")
_CHANGE_TO_AFTER = re.compile(rf"(?:{alternation(CHANGE_TO)}|调整为|调整到|调整至|上调至|上调到|上调为)")
# an item of a numbered list: (一), （二）, 一、, 1.
_LIST_ITEM = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、．])")
_PLAN_PART = re.compile(r"前[一二两三四]年$")  # 十一五前三年: the first years of a plan
_BARE_MONTH = re.compile(r"(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月份?")
# where the noun counted after a classifier ends: a stop word, punctuation other than quotes and brackets,
# 之一 (我国5个民族自治区之一), what is said of it (其余18件实事均超过…, 29个行政区仅有…), a preposition
# (11处水源井对19个村屯进行联供)
_CLASSIFIED_NOUN_END = re.compile(
    rf"{cue_alternation(NOUN_STOPS)}|[、\s，,；;：:。《]|之一|[均都](?![衡匀等值价市会])"
    r"|(?:仅|只|共|还|已|尚|约)?有(?![关效序力机])|[对向给](?![象外口面水])")  # not 为: 社区综合为老服务中心
_INNER_CUT = re.compile(r"之一|[均都有对向给]")  # no cut in a noun's first two characters (有关, 对象)
_OPENERS, _CLOSERS = "“「（(", "”」）)"
_QUOTES = str.maketrans("", "", "“”\"「」")
_BRACKETS = str.maketrans("", "", "（）()")
_GOAL_AFTER = re.compile(rf"(?:主要|预期|发展|工作|奋斗)*(?:{alternation(GOAL_WORDS)})")
# (or the informant of the press: 记者从市人社局获悉，上半年，…; 据市统计局介绍，…)
_SPEECH_OPENER = re.compile(rf"[^，,。；;：:\s]{{1,24}}(?:{alternation(SPEECH_VERBS + LEARN_VERBS)})[，,：:]")
# a section's label before the period that opens its paragraph (养老方面：到2025年底，…)
_LABEL_OPENER = re.compile(r"[^，,。；;：:\s]{1,8}[：:]")
_SPEECH_END = re.compile(rf"(?:{alternation(SPEECH_VERBS + LEARN_VERBS)})$")


def metric_subject(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> tuple[str, int]:
    """The counted thing and where its clause starts (after any earlier value in it). The first
    end of a range counts what its second end counts (加开约1000至1200张临时病床)."""
    subject, start = _subject(text, sentence, value, values)
    upper = next((v for v in values if _RANGE_TO.fullmatch(text, value.end, v.start)), None)
    said_before = _tidy(text[start:value.start])
    if upper is not None and (weak_subject(subject) or _VERB_END.search(subject) or weak_subject(said_before)):
        return _subject(text, sentence, upper, values)[0], start  # 加开约1000至1200张临时病床
    return subject, start


@lru_cache(maxsize=4096)  # a value's subject may rest on the values before it: each is read once
def _subject(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> tuple[str, int]:
    start = _clause_start(text, sentence.start, value.start)
    for v in values:
        if start <= v.start and v.end <= value.start:
            start = v.end
    listed = _respective(text, sentence, value, values)
    if listed:
        return listed[:40], start
    raw = _after_previous_object(text, sentence, values, start, _tidy(text[start:value.start]))
    before = _clean(raw)
    after = _noun_after(text, sentence, value, values)
    counted = _classifier_noun(text, sentence, value, values)
    subject = counted or _choose(raw, before, after)
    if not subject and not before:
        subject = _raw_after(text, sentence, value, values)
    if not subject:
        subject = _inherited(text, sentence, value, values) or after or before or _predicate_after(
            text, sentence, value, values)
    elif _verb_before(text, start, value, subject):
        # 迄今市府自建及修缮完工的社宅，仅供给608户: what the verb gives is named before it
        owner = _inherited(text, sentence, value, values)
        subject = owner + subject if owner and not tagger.names_nothing(owner) else subject
    if _RELATIVE.match(subject):
        subject = _baseline(text, sentence, values, start) + subject
    return _tidy(subject)[:40], start


_CLAUSE_END = re.compile(r"[，,；;。！？!?：:\n]")
_CELL = re.compile(r"[ \u3000]+")  # a value standing between blanks, as a table's row flattened writes it
_CELL_BEFORE = re.compile(r"[\u4e00-\u9fff][ \u3000]+$")


_BLANKS = re.compile(r"[ \t\u3000\xa0]*")


def _past_blanks(text: str, pos: int, stop: int) -> int:
    """Where text goes on after the blanks at `pos` (a table's cells apart by blanks), not past `stop`."""
    m = _BLANKS.match(text, pos)
    return min(stop, m.end() if m else pos)


def _verb_before(text: str, start: int, value: Value, subject: str) -> bool:
    """The subject is the verb said right before the value, and names nothing (仅供给, 扩充至)."""
    return (not _RELATIVE.match(subject) and text[start:value.start].rstrip().endswith(subject)
            and tagger.names_nothing(subject))


def _predicate_after(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> str:
    """Last resort, nothing said before the value: what its clause says after it and the values
    written next to it (「其中3人2项6次获得世界冠军」 → 获得世界冠军)."""
    pos = value.end
    for v in values:
        if v.start == pos:
            pos = v.end
    end = _CLAUSE_END.search(text, pos, sentence.end)
    return _tidy(text[pos:end.start() if end else sentence.end])[:20]


_VERB_ONLY = re.compile(
    rf"(?:{alternation(VERB_MODIFIERS)})*(?:{alternation(COUNT_VERBS + CHANGE_VERBS + CHANGE_TO)})(?:了|过)?")


def weak_subject(subject: str) -> bool:
    """No answer by the rules' own standard: empty, one character, a measure word or a generic
    noun alone (人, 单位), or a verb alone (新增, 建成, 提高到)."""
    s = subject.strip()
    return len(s) < 2 or s in MEASURE_WORDS or s in GENERIC_NOUNS or bool(_VERB_ONLY.fullmatch(s))


def metric_period(periods: list[Period], sentence: Sentence, value: Value, text: str = "") -> Period | None:
    """The period of a metric (see `_metric_period`); a month range or a quarter without its year takes the
    year said before it in its sentence (2023年医保基金运行平稳，1月至12月，…总收入2.7万亿元: 2023)."""
    found = _metric_period(periods, sentence, value, text)
    if found is not None and fold(found.surface) == WHOLE_YEAR:
        return _whole_year_of(periods, sentence, found, text)
    if found is None or found.kind not in ("range_in_year", "quarter") or _OWN_YEAR.match(fold(found.surface)):
        return found
    said = _years_said_before(periods, sentence, found)
    if not said or said[-1].year_from == found.year_from:
        return found
    return replace(found, year_from=said[-1].year_from, year_to=said[-1].year_from, relative=False)


def _years_said_before(periods: list[Period], sentence: Sentence, found: Period) -> list[Period]:
    return [p for p in periods if sentence.start <= p.start and p.end <= found.start and p.kind == "year"
            and p.year_from is not None and p.year_from == p.year_to and p.month_from is None]


def _one_year(p: Period) -> bool:
    return (p.kind in ("year", "relative_year") and p.year_from == p.year_to and p.month_from is None
            and fold(p.surface) != WHOLE_YEAR)


def _whole_year_of(periods: list[Period], sentence: Sentence, found: Period, text: str) -> Period:
    """A bare 全年 is the whole of the year its sentence or paragraph is about (2023年，…；全年投入…:
    2023年全年), else of the article's year; after another time in its sentence it names the task."""
    earlier = [p for p in periods if sentence.start <= p.start and p.end <= found.start]
    if earlier and not _one_year(earlier[-1]):
        return earlier[-1]  # 6月底前，全年新开工项目实现100%: the time said first; 全年 names the task
    opening = _paragraph_period(periods, sentence, text) if text else None
    year = earlier[-1] if earlier else opening if opening is not None and _one_year(opening) else None
    if year is None:
        return found
    return replace(found, surface=year.surface + found.surface, kind="year", year_from=year.year_from,
                   year_to=year.year_to, relative=False)


def _metric_period(periods: list[Period], sentence: Sentence, value: Value, text: str = "") -> Period | None:
    """The last period before the value in its sentence: a plan only when said as a period
    (十四五期间), never the baseline of a comparison (比上年同期增长5%: 上年 is not its time), 目前 only
    up to a semicolon or a forward cue, and
    none when the present is said after it (从2016年时…，到现在已超过10万名). A value with no period
    before it takes the one that opens its paragraph (「2009年，面对…」), given `text`."""
    if text:
        baseline, inside = _baseline_of(periods, sentence, value, text)
        if baseline:
            return inside
    before = [p for p in periods if sentence.start <= p.start and p.end <= value.start
              and (p.kind != "plan" or p.surface.endswith(("期间", "时期", "時期")) or _PLAN_PART.search(p.surface))
              and not _BASELINE_END.search(sentence.text, 0, p.start - sentence.start)
              and not (p.surface in PRESENT_WORDS and _NOW_ENDS.search(sentence.text, p.end - sentence.start,
                                                                        value.start - sentence.start))]
    if text:
        own = _clause_start(text, sentence.start, value.start)
        # a month after 在/于 (黎维在6月入职…) dates an event, and the period of a basis (按照上年度最低工资
        # 标准…计算) the basis: in their clause only
        before = [p for p in before if not _in_title(text, p)]  # 《关于下达2021年度…的通知》: a name
        # a deadline said inside a clause (将在6月底前实现…) reaches up to a semicolon, not the next task
        before = [p for p in before if not (p.kind == "deadline" and p.surface.endswith("前")
                                            and text[sentence.start:p.start].strip()
                                            and _SEMICOLON.search(text, p.end, value.start))]
        # a share of a year's quantity (按照上年度人均消费支出的30%, 达到上年度…的25.7%) is not of that year
        before = [p for p in before if not (value.kind == "percent" and _SHARE_OF.fullmatch(text, p.end, value.start)
                                            and _SHARE_VERB.search(text, max(0, p.start - 8), p.start))]
        before = [p for p in before if p.start >= own or not (
            (_BARE_MONTH.fullmatch(p.surface) and text[p.start - 1:p.start] in ("在", "于"))
            or _BASIS.search(text, _clause_start(text, sentence.start, p.start), p.start))]
    since = before[-1].end if before else sentence.start
    if _PRESENT.search(sentence.text, since - sentence.start, value.start - sentence.start):
        # 从2016年时…，到现在已超过10万名: of now (unless a time follows in its clause)
        return _period_after(periods, sentence, value, text) if text else None
    if not text:
        return before[-1] if before else None
    if (moved := _moved_to(periods, sentence, value, text)) is not None:
        return moved  # 将原计划2016年完成的192万户…提前到2014年: the new time
    if before and before[-1].start >= _clause_start(text, sentence.start, value.start):
        return before[-1]  # its own clause's
    found = _period_after(periods, sentence, value, text) or (before[-1] if before else None) or \
        _goal_period_after(periods, sentence, value, text) or _paragraph_period(periods, sentence, text) or \
        _continued_period(periods, sentence, text)
    if found is not None and found.kind == "from" and _old_level(text, sentence, value):
        return None  # 自10月1日起…由每人每月600元提高到620元: 600元 is the level before then
    return found


def _baseline_of(periods: list[Period], sentence: Sentence, value: Value, text: str) -> tuple[bool, Period | None]:
    """Whether the value is the baseline of a comparison (比县长上任第一年的287亿元, 与二〇二三至二四年度修订预算
    的1,124亿元比较), and the time said inside it (or none)."""
    start = _clause_start(text, sentence.start, value.start)
    m = _BASELINE_OF.search(text[start:value.start])
    if m is None:
        return False, None
    inside = [p for p in periods if start + m.start() < p.start and p.end <= value.start]
    return True, (inside[-1] if inside else None)


def _moved_to(periods: list[Period], sentence: Sentence, value: Value, text: str) -> Period | None:
    end = _clause_end(text, value.end, sentence.end)
    m = _MOVED.search(text, value.end, end)
    if m is None:
        return None
    return next((p for p in periods if p.start in (m.end(), m.end() - 1) and p.end <= end), None)


def _in_title(text: str, p: Period) -> bool:
    opened = text.rfind("《", 0, p.start)
    return opened >= 0 and text.rfind("》", opened, p.start) < 0 and 0 <= text.find("》", p.end) - p.end <= 60


def _old_level(text: str, sentence: Sentence, value: Value) -> bool:
    head = text[_clause_start(text, sentence.start, value.start):value.start]
    return bool(_FROM_LEVEL.search(head)) and bool(_CHANGE_TO_AFTER.match(text, value.end))


def _period_after(periods: list[Period], sentence: Sentence, value: Value, text: str) -> Period | None:
    """When what the value counts happens, said after it in its clause (约2 600个单位将于二〇二四/二五年度
    落成); with 分别 the values before it take the periods listed in order (约一万个及约2 000个单位将会分别在
    P1及P2落成)."""
    end = _clause_end(text, value.end, sentence.end)
    after = [p for p in periods if value.end <= p.start and p.end <= end]
    if not after or not _AT_END.search(text, max(0, after[0].start - 1), after[0].start):
        return None
    run = [after[0]]
    for p in after[1:]:
        if text[run[-1].end:p.start] not in LIST_JOINERS:
            break
        run.append(p)
    k = text.rfind(RESPECTIVELY, value.end, after[0].start)
    if k < 0 or len(run) == 1:
        return run[0]
    start = _clause_start(text, sentence.start, value.start)
    starts = [start + v.start for v in find_values(text[start:k])]
    i = starts.index(value.start) if value.start in starts else len(run)
    return run[i] if i < len(run) else None


def _goal_period_after(periods: list[Period], sentence: Sentence, value: Value, text: str) -> Period | None:
    """The period of the goal the values before it make up, said after them in their sentence
    (实现城镇新增就业1200万人左右，城镇调查失业率5.5%左右的全年预期目标: 全年)."""
    for p in periods:
        if value.end <= p.start and p.end <= sentence.end and text[p.start - 1:p.start] == "的" \
                and _GOAL_AFTER.match(text, p.end):
            return p
    return None


def _paragraph_period(periods: list[Period], sentence: Sentence, text: str) -> Period | None:
    """The period a paragraph opens with, followed by a comma (「2009年，面对…」), for the sentences after it;
    for the items of a numbered list ((一)城市低保标准：…), the period said with a comma in the last
    sentence of the paragraph that introduces the list (自2019年10月1日起，我市提高…标准。)."""
    start = text.rfind("\n", 0, sentence.start) + 1
    while start < sentence.start and text[start].isspace():
        start += 1
    if _LIST_ITEM.match(text, start):
        return _list_period(periods, text, start)
    opening = next((p for p in periods if p.start >= start), None)
    if opening is not None and opening.start > start and not (_SPEECH_OPENER.fullmatch(text, start, opening.start)
                                                               or _LABEL_OPENER.fullmatch(text, start, opening.start)):
        opening = None  # only a speaker or a label may come first: 蓝天立称，2020年，广西…
    if opening is None or opening.end >= sentence.start or not _opens_paragraph(opening):
        return None
    return opening if text[opening.end:opening.end + 1] in ("，", ",") else None


def _opens_paragraph(p: Period) -> bool:
    """A period that dates a paragraph's later sentences: a year, a part of one, a from-date, or a target
    date (到2025年底，…。全市养老机构护理型床位占比不低于40%)."""
    return p.kind in PARAGRAPH_PERIOD_KINDS or (p.kind == "deadline"
                                               and fold(p.surface).startswith(TARGET_DATE_OPENERS))


def _continued_period(periods: list[Period], sentence: Sentence, text: str) -> Period | None:
    """A sentence, or a paragraph, that goes on from the one before (此外，…; 其中，…) is of its time: the
    period opening that sentence with a comma, or the one its paragraph opens with (蓝天立称，2020年，…。…。
    \n此外，…19.4亿元。…销售扶贫产品283.7亿元)."""
    end = sentence.start
    if not _CONTINUES.match(text, end):
        end = text.rfind("\n", 0, sentence.start) + 1  # or the paragraph does
        if not _CONTINUES.match(text, end):
            return None
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    start = max(text.rfind(c, 0, end - 1) for c in "。！？!?\n") + 1
    while start < end and text[start].isspace():
        start += 1
    previous = Sentence(start, end, text[start:end])
    opening = next((p for p in periods if start <= p.start < end), None)
    if (opening is not None and opening.kind in (*PARAGRAPH_PERIOD_KINDS, "as_of")
            and text[opening.end:opening.end + 1] in ("，", ",")
            and (opening.start == start or _SPEECH_OPENER.fullmatch(text, start, opening.start))):
        return opening
    return _paragraph_period(periods, previous, text)


def _list_period(periods: list[Period], text: str, start: int) -> Period | None:
    end = start - 1  # back over the earlier items to the paragraph that introduces them
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if line.strip() and not _LIST_ITEM.match(line):
            last = max(max(text.rfind(c, begin, end - 1) for c in "。！？!?") + 1, begin)
            found = [p for p in periods if last <= p.start and p.end <= end and p.kind in PARAGRAPH_PERIOD_KINDS
                     and text[p.end:p.end + 1] in ("，", ",")]
            return found[-1] if found else None
        end = begin - 1
    return None


def _clause_start(text: str, lo: int, pos: int) -> int:
    start = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        start = m.end()
    return start


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, hi)
    return m.start() if m else hi


def _tidy(s: str) -> str:
    """No leading punctuation or joiner, no quotes around, never a measure word alone."""
    s = _JUNK.sub("", s.strip()).strip(" “”\"'")
    return "" if s in MEASURE_WORDS else s


def _clean(raw: str) -> str:
    """The text before a value without what opens and closes the clause around the counted thing."""
    s = _ORG_LEAD.sub("", _DATELINES.sub("", _tidy(raw)))
    lead = _LEAD.match(s)
    s = s[_whole_word_from(s, lead.end()):] if lead else s
    s = _without_leading_period(s)
    if s.endswith(LIST_ENDS):
        return s  # the end of a list item: _choose reads the noun after the value
    return _drop_actor(_TRAIL.sub("", s).strip(" “”\""))


def _whole_word_from(s: str, at: int) -> int:
    """`at`, or the start of the tagger's word it falls inside: 在|校生 is one word (在校生), not 在 + 校生."""
    inside = [t.start for t in tagger.phrase_tokens(s) if t.start < at < t.end]
    return inside[0] if inside else at


def _without_leading_period(s: str) -> str:
    """A time the normalizer reads at the start (2016/17年度, 一一五年) is the period, not the thing."""
    periods = find_periods(s)
    if not periods or periods[0].start > 0 or periods[0].kind != "year" or s.startswith("以来", periods[0].end):
        return s
    rest = s[periods[0].end:]
    lead = _LEAD.match(rest)
    return rest[lead.end():] if lead else rest


def _drop_actor(s: str) -> str:
    """An actor, time words and adverbs before a verb are not the counted thing: 市府目前已设置
    公共托育中心 -> 公共托育中心 (a clause that opens with its verb keeps it: 新增收托名额); nor is
    whoever stands before a modal and a verb (深圳将新增养老床位 -> 新增养老床位)."""
    planned = _PLANNED.match(s)
    if planned and not _VERB_INSIDE.search(planned["actor"]) and len(s) - planned.end("verb") >= 2:
        return s[planned.start("verb"):]
    at = body_prefix(s)
    if not at:
        return s
    m = _VERB_START.search(s, at)
    if m is None or _NOT_ACTOR.sub("", s[at:m.start()]) or len(s) - m.end() < 2:
        return s
    return s[m.end():]


def _verb_rest(before: str) -> str | None:
    """What precedes the verb that ends `before` (its actor, 社会局预计将再新增 -> 社会局), or None."""
    m = _VERB_END.search(before)
    return None if m is None else before[:m.start()]


_VERB_OPENS = re.compile(rf"(?:{alternation(PLAN_ACTION_VERBS + COUNT_VERBS + OBJECT_VERBS)})")


def _choose(raw: str, before: str, after: str) -> str:
    """Before or after the value (numeral–classifier–noun); "" when neither names the thing."""
    if after and _PREPOSITION_END.search(raw):  # 为12.2万名失业人员发放…: the object, not the verb after it
        return _before_verb(after)
    if after and _PER_UNIT_END.search(raw):  # 给予每人3000元一次性补贴: what each one gets
        return after
    if before.endswith(LIST_ENDS):
        return after
    if after and after not in GENERIC_NOUNS and len(before) <= 8 and _VERB_OPENS.match(before):
        return after  # 改造主城区200余处的二次供水设施, 更换30万只智能远传水表: the object after the count
    if after and raw.endswith("的") and not _PER_UNIT_END.search(raw[:-1]):
        return after  # 全区剩余的24.5万建档立卡贫困人口: 的 ties what precedes to the noun counted
    if _RELATIVE.match(before):
        return before  # 较去年增加: a change, about the thing measured before it (_baseline)
    rest = _verb_rest(before)
    if rest is None:
        return before if len(before) >= 2 else after
    if after and after not in GENERIC_NOUNS:
        return after
    if _EXISTENCE_END.search(before) and len(owner := _clean(rest)) >= 2:
        return owner  # 公托共有92家: what has the value is what it counts
    actor = _NOT_ACTOR.sub("", _NUMBER.sub("", rest))
    return before if len(actor) >= 2 else ""


def _after_previous_object(text: str, sentence: Sentence, values: tuple[Value, ...], start: int,
                           raw: str) -> str:
    """`raw` without the noun the value before it counts (为1.2万名困难群众发放救助金3600万元:
    困难群众 belongs to 1.2万名, 发放救助金 to 3600万元)."""
    prev = [v for v in values if v.end == start and v.start >= sentence.start]
    if not prev:
        return raw
    counted = _subject(text, sentence, prev[-1], values)[0]
    rest = raw[len(counted):] if counted and raw.startswith(counted) else ""
    return rest if _VERB_START.match(rest) and len(rest) >= 2 else raw


def _before_verb(noun: str) -> str:
    """A noun phrase cut where a verb begins (失业人员发放失业保险金 -> 失业人员)."""
    m = _VERB_INSIDE.search(noun)
    return noun[:m.start()] if m else noun


def _next_stop(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> int:
    end = _clause_end(text, value.end, sentence.end)
    if end == value.end and (cell := _CELL.match(text, value.end)) and _CELL_BEFORE.search(text, 0, value.start):
        end = _clause_end(text, cell.end(), sentence.end)  # 新增 7069张 公办养老床位: a table's row
    return min([end, *(v.start for v in values if value.end <= v.start < end)])


def _classifier_noun(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> str:
    """Numeral–classifier–noun: a count in a classifier (个, 所, 家, 处, 栋…) with a noun right after it
    counts that noun, whatever stands before (改善全市60所中小学校, 推动41处社会住宅, 是我国5个民族自治区之一),
    quoted words and brackets included (158家“空白村”卫生所, 24个村(社区)综合文化服务中心); a 的 may be inside
    it (25条市民反映强烈的瓶颈路). "" when the noun runs into the next value (养老机构120家床位1.2万张: a list of
    noun–value pairs) or is none."""
    if value.kind != "count" or value.unit not in COUNT_CLASSIFIERS:
        return ""
    stop = _next_stop(text, sentence, value, values)
    seg = text[_past_blanks(text, value.end, stop):stop]  # (a table's cells: 新增 7069张 公办养老床位)
    following = next((v for v in values if v.start == value.end), None)
    if not seg and following is not None:
        return _classifier_noun(text, sentence, following, values)  # 超230个|50户以上木质房屋连片村寨: its head
    if seg[:1] in "（(":
        return ""  # 47处(图／社会局提供): an aside, no noun
    cut = _outside_marks(seg)
    noun = seg[:cut] if cut is not None else seg
    if cut is None and stop < _clause_end(text, value.end, sentence.end):
        return ""  # 床位|1.2万张: a noun–value pair
    noun = noun.translate(_QUOTES)
    bare = noun.translate(_BRACKETS)
    if len(bare) < 2 or bare in GENERIC_NOUNS or bare in MEASURE_WORDS or _VERB_START.match(bare) \
            or _PREDICATE.match(bare):
        return ""
    return noun[:20]


def _outside_marks(seg: str) -> int | None:
    """Where the noun after a classifier ends, not inside quotes or brackets (60个县(市、区)), or None."""
    depth = 0
    for i, ch in enumerate(seg):
        if ch in _OPENERS or (ch == '"' and depth == 0):
            depth += 1
        elif ch in _CLOSERS or ch == '"':
            depth = max(0, depth - 1)
        elif depth == 0 and _CLASSIFIED_NOUN_END.match(seg, i) and (i >= 2 or not _INNER_CUT.match(seg, i)):
            return i
    return None


def _noun_after(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> str:
    """The noun phrase right after the value (200床的住宿服务 -> 住宿服务), or ""."""
    stop = _next_stop(text, sentence, value, values)
    seg = text[_past_blanks(text, value.end, stop):stop].removeprefix("的")
    cut = _NOUN_END.search(seg)
    if cut:
        seg = seg[:cut.start()]
    elif stop < _clause_end(text, value.end, sentence.end):  # up to the next value: 住宿服务及|30人
        seg = _TRAILING_JOINER.sub("", seg)
    seg = seg[:20]
    if len(seg) < 2 or _PREDICATE.match(seg) or seg in MEASURE_WORDS:
        return ""
    return seg


def _raw_after(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> str:
    """The rest of the clause after a value with nothing before it, unless it goes on with a change."""
    seg = _tidy(text[value.end:_next_stop(text, sentence, value, values)])[:20]
    return "" if len(seg) < 2 or _CHANGE.match(seg) else seg


def _respective(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> str:
    """The subject a 分别 gives this value, or ""."""
    cs = _clause_start(text, sentence.start, value.start)
    k = text.rfind(RESPECTIVELY, cs, value.start)
    if k < 0:
        return ""
    ce = _clause_end(text, value.end, sentence.end)
    listed = [v for v in values if k < v.start and v.end <= ce]
    if value not in listed:
        return ""
    i = listed.index(value)
    items = _listed_items(text[cs:k])
    if items:
        return items[i % len(items)]
    earlier = [v for v in values if sentence.start <= v.start and v.end <= cs]
    if len(earlier) < len(listed):
        return ""
    said = _subject(text, sentence, earlier[len(earlier) - len(listed) + i], values)[0]
    share = _SHARE_AFTER_RESPECTIVELY.fullmatch(text, k + len(RESPECTIVELY), listed[0].start)
    return said + share["whole"] if share else said  # 分别完成年度计划的82%和75%: shares of the plan


# 分别完成年度计划的82%和75%, 分别占全省的30%和20%: the values are shares of what 的 ends
_SHARE_AFTER_RESPECTIVELY = re.compile(r"(?P<whole>(?:完成|占|达到|相当于)[^，,。；;0-9]{1,16}?)的")


def _listed_items(s: str) -> list[str]:
    """The things a list names; short modifiers share the head of the last item
    (城镇、农村居民人均可支配收入 -> 城镇居民人均可支配收入; 一、二、三等奖 -> 一等奖)."""
    items = [x for x in (_clean(x) for x in _JOINER.split(s)) if x and not _RELATIVE.match(x)]
    if len(items) >= 2 and all(len(x) <= 3 for x in items[:-1]) and len(items[-1]) >= len(items[0]) + 2:
        head = items[-1][len(items[0]):]
        items = [x + head for x in items[:-1]] + items[-1:]
    return [x for x in items if len(x) >= 2]


def _inherited(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> str:
    """The subject of the value before this one in its clause, else the noun that ends the
    previous clause (or the subject of that clause's last value)."""
    cs = _clause_start(text, sentence.start, value.start)
    earlier = [v for v in values if sentence.start <= v.start and v.end <= value.start]
    if earlier and earlier[-1].start >= cs:
        return _subject(text, sentence, earlier[-1], values)[0]
    if cs <= sentence.start:
        return ""
    prev_start = _clause_start(text, sentence.start, cs - 1)
    prev = [v for v in earlier if v.start >= prev_start]
    if prev:
        tail = _tidy(text[prev[-1].end:cs - 1])
        return tail if len(tail) >= 2 and tail not in GENERIC_NOUNS else _subject(text, sentence, prev[-1], values)[0]
    return _clause_noun(text[prev_start:cs - 1])


def _clause_noun(clause: str) -> str:
    """What a clause without a value names: the object of its last verb, else the clause."""
    s = _clean(clause)
    if len(s) < 2 or _SPEECH_END.search(s):
        return ""
    m = _OBJECT_AFTER.search(s)
    return m["noun"] if m else s[:20]


def _baseline(text: str, sentence: Sentence, values: tuple[Value, ...], start: int) -> str:
    """The thing measured in the clause before a change (「失业率控制在1.8%以内」)."""
    prev_break = start - 1
    prev_start = _clause_start(text, sentence.start, max(sentence.start, prev_break))
    inside = [v for v in values if prev_start <= v.start < prev_break]
    cut = inside[-1].start if inside else prev_break  # before the level measured (3城镇调查失业率为5.3%)
    prev_start = max([prev_start, *(v.end for v in inside[:-1])])
    prev = _TRAIL.sub("", text[prev_start:cut].strip())
    opening = next(iter(find_periods(prev)), None)
    if opening is not None and opening.start == 0:
        prev = prev[opening.end:]  # 3月城镇调查失业率: the time is the period's, not the thing's
    lead = _LEAD.match(prev)
    return prev[lead.end():] if lead else prev
