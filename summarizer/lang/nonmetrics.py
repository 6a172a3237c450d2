"""Which values are not metrics: decisions that need the sentence or the article around a value.

`normalize.find_values` reads every quantity as written; here a value is set aside when this
genre uses it for something other than a measurement. Each rule is a fact about the genre,
stated with word tables, and `non_metric` names the rule that applies (tests/test_nonmetrics.py
has rows per rule):

    structural  counts that structure a speech: 四个方面, 5个关键词, 4组词, 3个层级, 八个部分; the count a
                list's numbered heading announces (一、教育文体方面(7项)); a count of
                targets named by their number and that number (确保完成3个100%), of campaigns
                (两个专项行动); a small
                count after an agenda verb or before the words that list its items (做好三项服务,
                三项服务，就是…)
    partition   a small count right after a named place, before a noun: how many it has or which
                they are (厦门市五个区, 东涌迎东路两个新屋邨); or right after a list of as many names
                (A中心、B中心及C轩等三家社会服务机构, A幼儿园、B幼儿园两所公办幼儿园, “A”“B”两个专项行动)
    version     version labels glued to a name: 长照2.0, 工业4.0, 数字政府3.0版, and one joined to
                such a label (长照3.0与2.0)
    service     service hours said before the service: 24小时病房, 提供24小时通波仔手术
    idiom       numerals inside fixed expressions and slogans: 三支一扶, 八项规定, 两个确立
    name        numerals in a programme's name: a term quoted anywhere in the article
                (“十件实事”) is a name everywhere in it, and its number in Chinese numerals
                said alone at a clause end (不应局限于十件) stands for it; a travel time or
                distance naming a service radius (15分钟生活圈) is a name too
    condition   an age or a duration that qualifies a noun or a rule: 5岁以下儿童, 65岁以上人口,
                连续3个月, 年满60周岁, 稳定就业3个月以上, 超过30天的
    time_frame  ages and durations in years or months are metrics only as the level of an age or
                time measure named in their clause (人均预期寿命77.3岁, 平均轮候时间为5.6年)
                or as a change (提高了1岁); otherwise they frame something (4年提高了1岁,
                需时约1年半, 工作满15年, 建党100周年)
    estimate    adjacent small numbers joined (4到5间, 5至6人): "a few", not a count
    per_one     the one an amount is for (每招用1名高校毕业生补助1500元, 每1万人)
    in_words    a count under ten in Chinese numerals (两起, 三层, 两项): how many of a kind, said in words
    label       a number that names, not counts: a floor (1樓為日照中心), a flat's rooms (2房型), a code
                of letters and digits (B-08, 東區-2), a phone number (電話:(02) 2960-3456轉 3694)

The text is the article in simplified characters (the pipeline's `simplified_view`); full-width
forms are folded here as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from summarizer.lang.lexicon import (
    AGE_TIME_UNITS,
    AGENDA_VERBS,
    CAMPAIGN_WORDS,
    CHANGE_VERBS,
    CLASS_UNITS,
    CONDITION_MARKERS,
    DURATION_UNITS,
    ENUMERATION_OPENERS,
    LABEL_AFTER,
    LEVEL_WORDS,
    NOT_COUNT_UNITS,
    NOT_SERVICE_AFTER,
    NUMERAL_IDIOMS,
    PER_ONE_VERBS,
    PERSON_NOUNS,
    PHONE_WORDS,
    PLACE_ENDINGS,
    RADIUS_UNITS,
    SERVICE_HOUR_UNITS,
    STOREY_AFTER,
    STOREY_UNITS,
    TIME_MEASURES,
    alternation,
)
from summarizer.lang.values import Value, find_values, fold

__all__ = ["NON_METRIC_RULES", "is_structural", "non_metric"]

_fold = lru_cache(maxsize=8)(fold)  # the whole article, folded once for all its values

_STRUCTURAL = re.compile(
    r"^(?:个|大|项|条)?(?:关键|方面|层级|任务|环节|原则|步|类|级|方向|板块|结合|赋能|导向|维度|阶段|专题|抓手|要点|部分|"
    r"方针|要求|一批|坚持|必须|务必|着力|聚焦|突出|强化|推进|加强|统筹|注重|更加|"
    r"重点(?:工作|任务)?(?![\u4e00-\u9fff])|词|句话|个字)"  # 抓住三个重点; but 20项重点民生实事 are counted
)
_VERSION = re.compile(r"[1-9]\.0(?:版)?")
# A version label follows a noun, not a verb or preposition: '系数为2.0' is a measurement.
_NAME_CHAR = re.compile(r"[^\W\d_为是达到至约超近比于由及和与从增降升减的了在有占]")


def is_structural(text: str, value: Value) -> bool:
    """'5个关键词', '四个方面', '3个层级': counts that structure the speech, not measurements;
    '长照2.0', '工业4.0', '数字政府3.0版': version labels glued to a name, not measurements."""
    return _structural(text, value) or _version(text, value)


_AGENDA_BEFORE = re.compile(rf"(?:{alternation(AGENDA_VERBS)})$")
_ENUMERATION_AFTER = re.compile(rf"[\u4e00-\u9fff]{{1,6}}[，,：:]?(?:{alternation(ENUMERATION_OPENERS)})")


def _structural(text: str, value: Value) -> bool:
    after = text[value.end:value.end + 4]
    if value.unit in ("个", "大", "项", "条", "组", "") and _STRUCTURAL.match(after):
        return True
    if _heading_count(text, value):
        return True
    if _slogan(text, value):
        return True
    return _small_count(value) and bool(_AGENDA_BEFORE.search(text, 0, value.start)
                                        or _ENUMERATION_AFTER.match(text, value.end))


# 一、教育文体方面(7项): how many items the numbered heading of a list announces
_HEADING_BEFORE = re.compile(r"(?:^|\n)\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
                             r"|[0-9]{1,2}[、.．])"
                             r"[^。，,；;：:\n]{1,20}[（(]$")
_HEADING_AFTER = re.compile(r"[）)][ \t]*(?:\n|$)")


def _heading_count(text: str, value: Value) -> bool:
    return (value.kind == "count" and bool(_HEADING_AFTER.match(text, value.end))
            and bool(_HEADING_BEFORE.search(text, max(0, value.start - 30), value.start)))


# 确保完成3个100%: a count of targets, each named by its number; and the number that names them
_NUMBER_NEXT = re.compile(r"[0-9一二三四五六七八九十百]")
_COUNTED_BEFORE = re.compile(r"(?<![0-9.])[1-9一二两三四五六七八九十]个$")
# 两个专项行动, 三大攻坚战: a count of campaigns
_CAMPAIGN_AFTER = re.compile(rf"[^\W\d_，,。；;]{{0,6}}?(?:{alternation(CAMPAIGN_WORDS)})(?![\u4e00-\u9fff])")


def _slogan(text: str, value: Value) -> bool:
    f = _fold(text)
    if value.unit == "个" and _small_count(value) and _NUMBER_NEXT.match(f, value.end):
        return True
    if _COUNTED_BEFORE.search(f, max(0, value.start - 3), value.start):
        return True
    return _small_count(value) and bool(_CAMPAIGN_AFTER.match(f, value.end))


def _small_count(value: Value) -> bool:
    return value.kind == "count" and bool(value.unit) and value.qualifier is None and 2 <= value.number < 10


# ---------------------------------------------------------------------------- partitions

_PLACE_BEFORE = re.compile(rf"(?:{alternation(PLACE_ENDINGS)})$")
_NOUN_NEXT = re.compile(r"[\u4e00-\u9fff]")


def _partition(text: str, value: Value) -> bool:
    """厦门市五个区将新增…, 东涌迎东路两个新屋邨, A、B及C等三家机构: how many the place has, or which
    were named; not a count made."""
    if not (_small_count(value) and _NOUN_NEXT.match(text, value.end) and not _PREDICATE_NEXT.match(text, value.end)):
        return False
    return bool(_PLACE_BEFORE.search(text, 0, value.start)) or (
        not value.numeral_text.isdigit() and _listed(text, value) == value.number)  # (等3条支路: a target)


def _listed(text: str, value: Value) -> int:
    """How many names the clause before the value lists (A、B及C等 -> 3; 0 for no list)."""
    clause = _CLAUSE_BREAK.split(_fold(text)[max(0, value.start - 80):value.start])[-1].removesuffix("等")
    quoted = _QUOTED_RUN.search(clause)  # “暖心解难”“能力提升”两个专项行动
    if quoted and len(_QUOTED_ITEM.findall(quoted[0])) >= 2:
        return len(_QUOTED_ITEM.findall(quoted[0]))
    items = [x for x in _LIST_SPLIT.split(clause) if x]
    return len(items) if len(items) >= 2 else 0


_QUOTED_ITEM = re.compile(r"[\"“‘'「『][^\"“”‘’'「」『』]{1,12}[\"”’'」』]")
_QUOTED_RUN = re.compile(rf"(?:{_QUOTED_ITEM.pattern}[、和及与]?)+$")


_LIST_SPLIT = re.compile(r"以及|、|及|和|与")


_PREDICATE_NEXT = re.compile(r"(?:以上|以下|左右|的|和|及|与|、|将|已|均|都|共|全部)")


def _version(text: str, value: Value) -> bool:
    if not (value.unit in ("", "版") and _VERSION.fullmatch(text[value.start:value.end]) and value.start > 0):
        return False
    return bool(_NAME_CHAR.match(text[value.start - 1]) or _JOINED_VERSION.search(text, 0, value.start))


# 长照3.0与2.0: a version label joined to another one is one too
_JOINED_VERSION = re.compile(r"[^\W\d_][1-9]\.0版?(?:与|和|及|、|或|跟|到|至)$")


# ---------------------------------------------------------------------------- service hours

_SERVICE_AFTER = re.compile(rf"[^{NOT_SERVICE_AFTER}\W\d_]")


def _service(text: str, value: Value) -> bool:
    """24小时病房, 提供24小时通波仔手术: the hours a service keeps, said before it."""
    f = _fold(text)
    return (value.unit in SERVICE_HOUR_UNITS and f.endswith(value.unit, 0, value.end)  # not 24小时以内
            and bool(_SERVICE_AFTER.match(f, value.end)))


# ---------------------------------------------------------------------------- idioms

_IDIOM = re.compile(alternation(NUMERAL_IDIOMS))


def _idiom(text: str, value: Value) -> bool:
    lo = max(0, value.start - 8)
    return any(m.start() + lo < value.end and value.start < m.end() + lo
               for m in _IDIOM.finditer(fold(text[lo:value.end + 8])))


# ---------------------------------------------------------------------------- names

_NAME_BODY = r"[^“”「」『』\"\n，。；！？,;!?]{2,20}"
_QUOTED_NAME = re.compile(rf"“({_NAME_BODY})”|「({_NAME_BODY})」|『({_NAME_BODY})』|\"({_NAME_BODY})\"")
_CLAUSE_END = re.compile(r"\s*(?:[，,；;。！？!?、：:”」』\"）)]|$)")


@lru_cache(maxsize=32)
def _names(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Quoted terms with a number in them, each with the surfaces of its numbers (十件实事: 十件)."""
    out: dict[str, frozenset[str]] = {}
    for m in _QUOTED_NAME.finditer(text):
        term = fold(next(g for g in m.groups() if g))
        numbers = frozenset(fold(v.numeral_text) + v.unit for v in find_values(term))
        if numbers:
            out[term] = numbers
    return tuple(out.items())


# A travel time or distance that names a service radius: 15分钟生活圈, 半小时交通圈, 10公里就医圈.
_CIRCLE = re.compile(r"[\u4e00-\u9fff]{0,6}?圈")


def _name(text: str, value: Value) -> bool:
    f = _fold(text)
    if value.unit in RADIUS_UNITS and _CIRCLE.match(f, value.end):
        return True
    said = fold(value.numeral_text) + value.unit
    for term, numbers in _names(text):
        lo = max(0, value.start - len(term))
        at = f.find(term, lo)
        while 0 <= at < value.end:
            if at <= value.start and value.end <= at + len(term):
                return True
            at = f.find(term, at + 1)
        if (said in numbers and f[value.start:value.end] == said and not said[0].isdigit()
                and _CLAUSE_END.match(f, value.end)):
            return True  # 不应局限于十件: the programme's number, as its name writes it, said alone
    return False


# ---------------------------------------------------------------------------- ages and durations
# (the word tables are in lexicon, section conditions)

_MEASURES = re.compile(alternation(TIME_MEASURES))
_CHANGE = re.compile(rf"(?:{alternation(CHANGE_VERBS)})了?(?:约|近|超过|超)?$")
# (the second end of a range too: 年龄在18至60周岁之间)
_CONDITION_BEFORE = re.compile(rf"(?:{alternation(CONDITION_MARKERS)})(?:[0-9.]+[至到~-])?$")
# 以上/以下 before a noun (65岁以上人口), 的 (超过30天的, 3个月以上的), 之间 (18至60周岁之间)
_THRESHOLD_AFTER = re.compile(r"(?:及|或)?(?:以上|以下)(?:的)?(?=[\u4e00-\u9fff])|的|之间")
_LEVEL_BEFORE = re.compile(rf"(?:{alternation(LEVEL_WORDS)})$")
_PERSON_AFTER = re.compile(rf"(?:及以上|以上|以下)?的?(?:{alternation(PERSON_NOUNS)})")
_NOUN_AFTER = re.compile(r"(?:及以上|及以下)?的?[\u4e00-\u9fff]")
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")


def _head(f: str, value: Value) -> str:
    """The clause before the value (its own qualifier words, 约 or 超过, are part of the value)."""
    return _CLAUSE_BREAK.split(f[max(0, value.start - 60):value.start])[-1]


def _condition(text: str, value: Value) -> bool:
    if value.unit not in DURATION_UNITS:
        return False
    f = _fold(text)
    head, tail = _head(f, value), f[value.end:value.end + 12]
    if _CONDITION_BEFORE.search(head):
        return True
    if value.unit in ("岁", "周岁") and _PERSON_AFTER.match(tail):
        return True
    threshold = f[value.start:value.end].endswith(("以上", "以下")) or _THRESHOLD_AFTER.match(tail)
    if not threshold or _LEVEL_BEFORE.search(head):
        return False  # 达到80岁以上: the level reached
    # 平均轮候时间5年以上。: the level of a measure named in the clause, unless a noun follows
    return not (_MEASURES.search(head) and not _NOUN_AFTER.match(tail))


def _time_frame(text: str, value: Value) -> bool:
    if value.unit not in AGE_TIME_UNITS:
        return False
    f = _fold(text)
    return not (_MEASURES.search(_head(f, value)) or _CHANGE.search(f[max(0, value.start - 8):value.start]))


# ---------------------------------------------------------------------------- estimates

_SMALL = {**{str(i): i for i in range(1, 10)}, **{c: i for i, c in enumerate("一二三四五六七八九", 1)}, "两": 2}
_NEXT = re.compile(r"[到至\-~]([1-9一二两三四五六七八九])(?![0-9])")
_PREV = re.compile(r"(?<![0-9.])([1-9一二两三四五六七八九])[到至\-~]$")


def _estimate(text: str, value: Value) -> bool:
    """4到5间, 5至6人: two adjacent small numbers give an estimate, not a count."""
    if value.kind != "count" or value.number not in range(1, 10):
        return False
    f = _fold(text)
    n = int(value.number)
    nxt = _NEXT.match(f, value.start + value.surface.find(value.numeral_text) + len(value.numeral_text))
    prev = _PREV.search(f[max(0, value.start - 2):value.start])
    return bool((nxt and _SMALL[nxt[1]] == n + 1) or (prev and _SMALL[prev[1]] == n - 1))


# ---------------------------------------------------------------------------- small counts in words

_CN_SMALL_NUMERAL = re.compile(r"[一二两三四五六七八九]")


def _small_in_words(text: str, value: Value) -> bool:
    """两起, 三层, 五项: a small count written in Chinese numerals says how many of a kind, in words,
    not a reported figure (a share in tenths, 九成, and a multiple, 四倍, are no counts)."""
    return (value.kind == "count" and value.unit not in NOT_COUNT_UNITS and 1 <= value.number < 10
            and bool(_CN_SMALL_NUMERAL.fullmatch(fold(value.numeral_text))))


# ---------------------------------------------------------------------------- rules

_PER_ONE = re.compile(rf"每(?:{alternation(PER_ONE_VERBS)})?$")


def _per_one(text: str, value: Value) -> bool:
    """每招用1名高校毕业生补助1500元: the one each amount is for is a rate's unit, not a count."""
    f = _fold(text)
    return value.number == 1 and bool(_PER_ONE.search(f[max(0, value.start - 6):value.start]))


_LABEL_AFTER = re.compile(alternation(LABEL_AFTER))
_CODE = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[^\W\d_]-[0-9]+")  # not 3-5家


_PHONE = re.compile(rf"(?:{alternation(PHONE_WORDS)})[:：]?[\s\d()（）\-—转分机]*$")


def _label(text: str, value: Value) -> bool:
    """1樓為日照中心, 2房型, B-08, 10千伏: a number that names a floor, a flat type, a lot or a class, not a quantity
    (「4層樓建物」 stays: the 層 counts)."""
    f = _fold(text)
    if not value.unit and (_LABEL_AFTER.match(f, value.end) or _PHONE.search(f, max(0, value.start - 24), value.start)):
        return True
    if value.unit in CLASS_UNITS:
        return True  # 10千伏线路: a voltage class names the kind of line
    lo = max(0, value.start - 12)
    return any(m.start() + lo <= value.start and value.end <= m.end() + lo
               for m in _CODE.finditer(f[lo:value.end + 12]))


_STOREY_RUN = re.compile(rf"(?:[至到~、\-－][0-9]{{1,3}})+(?:{alternation(STOREY_AFTER)})")


def _storeys(text: str, value: Value) -> bool:
    """地上14層, 13至14層, 2至3樓, 12、15層: a building's storeys or floors, not a quantity reported."""
    return value.unit in STOREY_UNITS or (not value.unit and bool(_STOREY_RUN.match(_fold(text), value.end)))


NON_METRIC_RULES: tuple[tuple[str, Callable[[str, Value], bool]], ...] = (
    ("structural", _structural),
    ("per_one", _per_one),
    ("version", _version),
    ("partition", _partition),
    ("service", _service),
    ("idiom", _idiom),
    ("name", _name),
    ("condition", _condition),
    ("time_frame", _time_frame),
    ("estimate", _estimate),
    ("in_words", _small_in_words),
    ("label", _label),
    ("storeys", _storeys),
)


def non_metric(text: str, value: Value) -> str | None:
    """The name of the rule by which ``value`` (found in ``text``) is no metric, else None."""
    return next((name for name, rule in NON_METRIC_RULES if rule(text, value)), None)
