"""Deterministic people finding: official introductions, bylines (non-officials), speaker turns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from summarizer.lang import tagger
from summarizer.lang.lexicon import (
    ACTION_VERBS,
    ANNOUNCE_VERBS,
    ASKER_LABELS,
    BUREAU_ENDINGS,
    COMPOUND_SURNAMES,
    DELEGATE_ROLES,
    DOCTRINE_AFTER,
    DOCTRINE_BEFORE,
    FORMER_MARKERS,
    HAN,
    HONORIFIC_ROLES,
    LEVEL_CHARS,
    LOCALITY_LEVELS,
    NAME_FOLLOWERS,
    NAME_FOLLOWING_PATTERNS,
    NAME_TAIL_WORDS,
    NON_GOVERNMENT_BODIES,
    NON_NAMES,
    ORG_END_CHARS,
    PRESS_EVENTS,
    PRESS_ROLES,
    ROLE_MODIFIERS,
    ROLE_TITLES,
    SPEECH_VERBS,
    SURNAMES,
    TITLE_OPENERS,
    alternation,
)

_HAN = HAN
ROLE = rf"{ROLE_MODIFIERS}(?:{alternation(ROLE_TITLES)})"
_ROLE_FULL = re.compile(rf"^(?:、?{ROLE})+$")
# A photo caption's position after a name: 「局长甯汉豪（左）、局长何永贤（右）」, 「（左二）」.
_POSITION = r"[（(](?:左|右|中|前排|后排)[一二三四五六七八九十\d]*[)）]"
# (a portfolio in brackets may follow the role: 「发展局常任秘书长（工务）刘俊杰」, 「副秘书长（策略）」)
_TITLE = rf"[{_HAN}、·()（）\-—]{{0,40}}?{ROLE}(?:(?!{_POSITION})[（(][{_HAN}、]{{1,8}}[)）])?"
SPEECH = alternation(SPEECH_VERBS)  # verbs that introduce what an official says
SPEAKING = alternation(SPEECH_VERBS + ANNOUNCE_VERBS)
_NAME_END = rf"(?=\s*$|\s*[:：，,。；;(（]|{SPEECH})"
# Weaker ends (「副市长林钦荣在会上强调」, 「局长蔡宛芬今天表示」, 「副厅长王建东做客」) are allowed
# because every name must start with a common surname: 「书记亲自在」, 「局长今天表示」, 「主任也表示」
# name nobody.
_WEAK_END = (r"在|今天|今日|今[(（]|昨天|昨日|昨[(（]|近日|日前|也|还|则|就|对|向|的|同志|、|主持|出席|宣布|"
             r"回答|通报|解读|答|"
             + alternation(ACTION_VERBS + NAME_FOLLOWERS) + "|" + "|".join(NAME_FOLLOWING_PATTERNS)
             + rf"|[和与及](?=[^，,。；;]{{0,30}}?{ROLE})")  # 「主任闻大翔和市住建委副主任裴晓」
_COMPOUND_SURNAMES = COMPOUND_SURNAMES
_SURNAMES = SURNAMES
# Characters a title never starts with, that the pattern takes in from the clause:
# 「据市民政局局长陈伟介绍」, 「在市长张三的带领下」, 「与副市长李四」.
_LEAD = "据由在与及和"
_DATELINE_IN = re.compile(rf"{alternation(PRESS_ROLES)}|日电|日電")
_TITLE_OPENER = re.compile(rf"(?:{alternation(TITLE_OPENERS)})+")
_HOSTED_BY = re.compile(r"(?:由|邀请|请|向)")  # (向: 「记者向局长张三提问」, the one addressed)
_AT_INVITATION = re.compile(r"^应(?!急)(?=[^，,。]{2,40}$)")  # (not 应急管理局)
# A title opener of two or more characters inside the clause: 「出席官员包括发展局局长」 → 「发展局局长」
_OPENS_INSIDE = re.compile(alternation(tuple(w for w in TITLE_OPENERS if len(w) >= 2 and w != "以及")))
# 「市委教育工委书记、市教委主任 黄政」, 「区民政局党组书记、局长胡文彬:」
# (nor a name holding a role: 「…委员会书记、…主任石泰峰」 is not 委员 + 会书记)
_NOT_NAME = rf"(?!{SPEECH}|{alternation(NON_NAMES)}|[{_HAN}]?{ROLE})"
INTRO = re.compile(
    rf"(?P<title>{_TITLE})[ \t\u3000\xa0]*{_NOT_NAME}(?P<name>[{_HAN}]{{2,3}}?)"
    rf"(?:{_NAME_END}|(?={_WEAK_END}))",
    re.MULTILINE)
# A married woman's name in Hong Kong and Macao: her husband's surname before her own (林郑月娥, 范徐丽泰,
# 叶刘淑仪), four characters after the title.
_SURNAME_CLASS = "".join(sorted(SURNAMES))
INTRO_MARRIED = re.compile(
    rf"(?P<title>{_TITLE})[ \t\u3000\xa0]*(?P<name>[{_SURNAME_CLASS}]{{2}}[{_HAN}]{{2}})"
    rf"(?:{_NAME_END}|(?={_WEAK_END}|将|將|会|會))",
    re.MULTILINE)
# A transliterated name (Uyghur, Mongolian, Tibetan …) after its title, two parts joined by a middle dot;
# no surname to check: 「副局长买买提·吐尔逊介绍」, 「市长阿不都热依木·阿不都热合曼说」.
INTRO_DOTTED = re.compile(
    rf"(?P<title>{_TITLE})[ \t\u3000\xa0]*(?P<name>[{_HAN}]{{2,8}}[·•‧・][{_HAN}]{{2,8}}?)"
    rf"(?:{_NAME_END}|(?={_WEAK_END}))",
    re.MULTILINE)
# Names that share the title before them: 「副市长王强、李明出席」.
_MORE_NAMES = re.compile(rf"、(?P<name>[{_HAN}]{{2,3}}?)(?:{_NAME_END}|(?={_WEAK_END}))")
# The list item goes on to a role and a name of its own: it opens the next title (「、商务及经济发展局局长
# 邱腾华」), no name (not 「、熊占玉在主席台就座」: no name after 主席).
_ITEM_HAS_ROLE = re.compile(rf"[^、，,。；;：:\s]{{0,20}}?{ROLE}(?=[{_HAN}]{{2,3}}(?:[、，,。；;\s]|$))")
# 「党代表程晓红(市人社局党组书记、局长)」
DELEGATE = re.compile(
    rf"(?:{alternation(DELEGATE_ROLES)})(?P<name>[{_HAN}]{{2,3}})[(（](?P<title>[^)）]{{2,40}})[)）]"
)
# A council's minutes label a speaker by surname, role, given name (「林市长右昌:」, 「主席(蔡议长旺琏):」).
MINUTES_LABEL = re.compile(
    rf"(?:^|(?<=[(（]))[ \t\u3000]*(?P<surname>[{_SURNAME_CLASS}])"
    rf"(?P<title>{ROLE_MODIFIERS}(?:{alternation(ROLE_TITLES)}))(?P<given>[{_HAN}]{{1,2}})(?=[)）]?[:：])",
    re.MULTILINE)
# Where a name standing before its title starts: a line, a list item or a clause.
_AFTER_BREAK = r"(?:^|(?<=[\s:：;；,，、。！？!?“\[【]))"
# A guest list or an appositive, name before title: 「嘉宾有:齐骥,住房和城乡建设部副部长;」,
# 「齐骥(住房和城乡建设部副部长)」. The title runs to the end of the item.
NAME_FIRST = re.compile(
    rf"{_AFTER_BREAK}{_NOT_NAME}(?P<name>[{_HAN}]{{2,3}})[ \t\u3000\xa0]*"
    rf"(?:[,，][ \t\u3000\xa0]*(?P<title>[{_HAN}、·]{{0,40}}?{ROLE})(?=[ \t\u3000\xa0]*(?:[;；。]|$))"
    rf"|[(（](?P<ptitle>[{_HAN}、·]{{0,40}}?{ROLE})[)）])",
    re.MULTILINE)
# A transcript's table of guests: a line holding a name, a wide gap and the title to the line's end,
# after a label or under it (「嘉  宾: 毛群安   全国爱卫办副主任」, 「         许  伟   云南省卫生健康委副主任」).
NAME_COLUMN = re.compile(
    rf"^[ \t\u3000]*(?:[{_HAN}][{_HAN} \t\u3000]{{0,6}}[:：][ \t\u3000]*)?"
    rf"(?P<name>[{_HAN}]{{2,3}}|[{_HAN}][ \t\u3000]{{1,3}}[{_HAN}])[ \t\u3000]{{2,}}"
    rf"(?P<title>[{_HAN}、·（）()]{{0,60}}?{ROLE})[ \t\u3000]*$",
    re.MULTILINE)
# A name followed by its role in running text: 「温家宝总理在《政府工作报告》中强调」,
# 「李强总理表示」, 「请问齐骥部长」.
HONORIFIC = rf"{ROLE_MODIFIERS}(?:{alternation(HONORIFIC_ROLES)})"
NAME_ROLE = re.compile(
    rf"(?:{_AFTER_BREAK}|(?<=请问)|(?<=请))[{_LEAD}]?{_NOT_NAME}(?P<name>[{_HAN}]{{2,3}}?)(?P<title>{HONORIFIC})"
    rf"(?:{_NAME_END}|(?={_WEAK_END}))",
    re.MULTILINE)
# Macao and Hong Kong write the body, the name, then the role: 「劳工事务局黄志雄局长、社会工作局许华宝副局长」.
ORG_NAME_ROLE = re.compile(
    rf"{_AFTER_BREAK}(?P<org>[{_HAN}]{{1,10}}?(?:{alternation(BUREAU_ENDINGS)}))"
    rf"(?P<name>[{_HAN}]{{2,3}}?)(?P<role>{ROLE_MODIFIERS}(?:{alternation(ROLE_TITLES)}))"
    rf"(?=[、，,。；;：:\s]|{SPEECH}|{_WEAK_END})",
    re.MULTILINE)
NON_OFFICIAL_ROLES = PRESS_ROLES
_BYLINE_ROLE = "|".join(re.escape(r) for r in NON_OFFICIAL_ROLES)
# A role word followed only by names (1-3 Han chars separated by spaces) up to line end or '/'.
BYLINE = re.compile(
    rf"(?P<role>{_BYLINE_ROLE})[ \t\u3000\xa0]*[:：]?[ \t\u3000\xa0]*"
    rf"(?P<names>[{_HAN}]{{1,3}}(?:[ \t\u3000\xa0]+[{_HAN}]{{1,3}})*)[ \t\u3000\xa0]*"
    rf"(?=$|[/／|｜]|[)）]|{_BYLINE_ROLE})",  # 记者王一心／高雄报导
    re.MULTILINE,
)
ORG_END = ORG_END_CHARS
_LABEL = re.compile(rf"[{_HAN}（）()]{{1,16}}")
_ASKER_LABEL = re.compile(rf"[{_HAN}]{{0,12}}(?:{alternation(ASKER_LABELS)})")
_MEDIA_TURN = re.compile(
    rf"^\s*[\[【［]?[{_HAN}\-—]{{0,24}}(?:日报|晚报|晨报|新闻|记者|主持人|本报)[\]】］]?\s*[:：]")


@dataclass(frozen=True)
class PersonMention:
    name: str
    title: str | None
    organization: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Byline:
    name: str
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    name: str | None
    asking: bool = False  # a questioner's turn (`lexicon.ASKER_LABELS`): 「梁熙议员:」, 「记者：」


# A title that ends in X长 may share its X with the organisation: 社会局长 is the 社会局's 局长.
_CONTRACTED = ORG_END + LEVEL_CHARS


def split_title(title: str) -> tuple[str | None, str]:
    """'市卫生健康委党委书记、主任' -> ('市卫生健康委', '党委书记、主任'); '社会局长' -> ('社会局', '局长')."""
    first = _PORTFOLIO.sub("", title.split("、")[0])  # 发展局常任秘书长（工务）: 发展局
    for i in range(2, len(first)):
        role = first[i:]
        if (_ROLE_FULL.match(role) and role.endswith("长") and role[0] in _CONTRACTED
                and first[i - 1] not in role[0] + "副务理府"):  # 代理县长, 人民政府省长: no body before
            return title[:i + 1], title[i:]  # 社会局长 = 社会局 + 局长, 新北市长 = 新北市 + 市长, 行政院长
        if (first[i - 1] in ORG_END or first[i - 1] in LEVEL_CHARS) and _ROLE_FULL.match(role):
            return title[:i], title[i:]  # 市民政局 + 局长, 武汉市 + 市长, 盐田区 + 副区长
    return None, title


def find_officials(text: str) -> list[PersonMention]:
    """Officials introduced with their title, by the forms of `INTRO_FORMS` in turn (a form's
    readings are kept when its checks pass); then a rule's name cut to the tagger's boundary, the
    officials the tagger finds next to a title, and every later 「齐部长」 of an official found."""
    found: dict[tuple[int, int], PersonMention] = {}
    for form in INTRO_FORMS:
        for m in form.pattern.finditer(text):
            readings = form.read(text, m)
            if readings and _admit(found, form.checks, readings[0]):
                for shared in readings[1:]:  # names that share the first's title: 「副市长王强、李明」
                    _admit(found, form.checks, shared)
    for span, p in list(found.items()):
        if (_function_word_first(text, p) or _time_in_name(text, p) or _inside_a_body(text, p)
                or p.name.startswith(NON_OFFICIAL_ROLES)):
            # 「负责人和专家」, 「副總院長於今(28)日」, 「世壯運辦|公室發言人」, 「主任|记者阿列克谢·谢利谢夫」 (press)
            del found[span]
            continue
        trimmed = tagged_boundary(text, _title_after_the_sentences_words(text, _title_from_last_item(text, p)))
        if trimmed is not p:
            del found[span]
            found[(trimmed.start, trimmed.end)] = trimmed
    for p in tagged_officials(text, list(found), {p.name for p in found.values()}):
        found[(p.start, p.end)] = p
    hosts = {p.name for p in found.values() if hosts_the_press(text, p)}  # at any of their mentions
    mentions = sorted((p for p in found.values() if p.name not in hosts), key=lambda p: p.start)
    return sorted(mentions + short_references(text, mentions), key=lambda p: p.start)


_HOSTS = re.compile(rf"[^，,。；;！？!?\n]{{0,12}}?主持(?:了|召开)?[^，,。；;！？!?\n]{{0,12}}?"
                    rf"(?:{alternation(PRESS_EVENTS)})")


_HOST_LABEL = re.compile(r"主持人\s*[：:、，,]?\s*$")
# a turn that opens by welcoming the press to the event (「女士们、先生们…大家上午好!欢迎出席…新闻发布会。」)
_WELCOMES = re.compile(rf"[\s:：|]*(?:[^。！!？?\n]*[。！!？?]?\s*){{0,2}}?[^。！!？?\n]{{0,10}}欢迎(?:各位|大家)?"
                       rf"(?:出席|参加|光临|来到)[^。！!？?\n]{{0,30}}?(?:{alternation(PRESS_EVENTS)})")


def hosts_the_press(text: str, p: PersonMention) -> bool:
    """The host of a press conference is never an official, even one who holds an office (the dev
    set's "What counts"): 「发布会由市政府新闻办副主任欧阳晓明主持」, 「…副主任X主持新闻发布会」, a turn
    opening with 「欢迎出席…新闻发布会」; a mayor
    who 主持 an event or a meeting is one (「市長黃偉哲11日主持「…開幕」」)."""
    if (_HOSTS.match(text, p.end) or "主持人" in (p.title or "")
            or _HOST_LABEL.search(text, max(0, p.start - 8), p.start) or _WELCOMES.match(text, p.end, p.end + 160)):
        return True  # …or named the host first: 「主持人、市政府新闻办副主任赵敏」, 「主持人：副主任赵敏」
    opened = text.rfind("由", max(0, p.start - 30), p.start + 1)
    sentence_end = min([i for i in (text.find(c, p.end) for c in "。；;\n") if i >= 0] or [len(text)])
    before = max(text.rfind(c, 0, p.start) for c in "。；;\n") + 1
    return (opened >= 0 and text.startswith("主持", p.end)
            and any(e in text[before:sentence_end] for e in PRESS_EVENTS))


_NO_NAME_KINDS = frozenset(("p", "c", "u"))  # (not v: a name the tagger reads as a verb may be one)


def _function_word_first(text: str, p: PersonMention) -> bool:
    """The tagger reads the name's first character as a conjunction or preposition word of its own
    (和 of 「负责人和专家」), where it is no surname."""
    if not tagger.available():
        return False
    at = text.rfind(p.name, p.start, p.end)
    words = tagger.tokens(text)
    whole = tagger.word_at(text, at) if at >= 0 else None
    if whole is not None and (whole.start, whole.end) == (at, at + len(p.name)) and whole.kind in _NO_NAME_KINDS:
        return True  # the name is one function word: 「…总书记|关于」
    return at >= 0 and any(a.start == at and a.kind in ("c", "p") and b.start == a.end < at + len(p.name)
                           and (b.kind != "PER" or b.end > at + len(p.name))  # (但|邱議長: the person runs on)
                           for a, b in pairwise(words))


def _time_in_name(text: str, p: PersonMention) -> bool:
    """The tagger reads a time inside the name (於|今(28)日; not 贾维|周8日, a time running past it)
    and no person's name over all of it."""
    if not tagger.available():
        return False
    at = text.rfind(p.name, p.start, p.end)
    span = (at, at + len(p.name))
    words = [t for t in tagger.tokens(text) if t.start < span[1] and span[0] < t.end]
    return at >= 0 and any(t.kind == "TIME" and span[0] < t.start and t.end <= span[1] for t in words) and not any(
        t.kind == "PER" and t.start <= span[0] and span[1] <= t.end for t in words)


def _inside_a_body(text: str, p: PersonMention) -> bool:
    """The name is the tail of a word the tagger reads whole, a body's name or a noun (世壮运办|公室
    发言人, 办|公室)."""
    if not tagger.available():
        return False
    at = text.rfind(p.name, p.start, p.end)
    word = tagger.word_at(text, at) if at >= 0 else None
    return word is not None and word.kind in ("ORG", "LOC", "n") and word.start < at and at + len(p.name) <= word.end


_ITEM_SEPARATOR = re.compile(r"[、和及与]")
# Words a title never holds: a verb, a preposition or an adverb before it belongs to the sentence
# (「…将迎来国家发展改革委主任徐绍史」, 「随着自然资源部部长王广华」, 「县长张丽善率副县长谢淑亚」).
# (not 都: 高雄市都|發局長)
_MODAL_BEFORE = frozenset({"将", "將", "即将", "即將", "已", "正", "还", "還", "也", "再", "又", "会", "會"})
_TITLE_VERBS = frozenset({"代", "兼", "暂代", "署理", "代理", "兼任"})  # 代市长, 副市长兼秘书长: part of one
# 「嘉宾有|外交部…特派员」: the verb that opens a list, no title's
_LINKING_VERBS = frozenset({"有", "是", "包括", "係", "系"})


def _sentence_word(before: tagger.Entity | None, word: tagger.Entity, after: tagger.Entity | None) -> bool:
    """A word of the sentence, not of a title: a preposition (随着), a verb of action (率, 陪同), one after
    a modal (将迎来) or before 了 (到了); not 代 or 兼 (代市长, 副市长兼秘书长), nor a verb inside a
    body's name (就业促进司, 破案会战领导小组, 都發局)."""
    if word.text in _TITLE_VERBS:
        return False
    return word.kind == "p" or (word.kind == "v" and (
        word.text in ACTION_VERBS or word.text in _LINKING_VERBS
        or (before is not None and before.text in _MODAL_BEFORE)
        or (after is not None and after.text == "了")))


def _title_after_the_sentences_words(text: str, p: PersonMention) -> PersonMention:
    """A title less the words of its sentence the pattern took in before it: what follows the last
    verb, preposition or adverb the tagger reads inside it (迎来|国家发展改革委主任)."""
    at = _title_at(text, p)
    if at < 0:
        return p
    end = at + len(p.title or "")
    words = [t for t in tagger.tokens(text) if at <= t.start and t.end < end]
    if not words:
        return p
    cut = max((b.end for a, b, c in zip([None, *words[:-1]], words, [*words[1:], None], strict=True)
               if _sentence_word(a, b, c)), default=at)
    cut += text.startswith("了", cut)  # 到了|市委教育工委副书记
    trimmed = _title_from(p, at, cut)
    return trimmed if cut > at and is_official_title(trimmed.title or "") else p


def _title_from_last_item(text: str, p: PersonMention) -> PersonMention:
    """A title that ran over earlier items of a list of officials (「总工程师张占海和综合司司长韩海青」,
    「柯文哲市長、黃珊珊副市長、衛生局黃世傑局長、財政局長陳家蓁」): only the last item, when an earlier
    one holds a name the tagger reads as a person's."""
    at = _title_at(text, p)
    if at < 0:
        return p
    end = at + len(p.title or "")
    last_name = max((e.end for e in tagger.persons(text) if at <= e.start and e.end <= end), default=-1)
    # the item begins after the separator that follows the last name (商务及经济发展局局长 stays whole)
    cut = next((at + m.end() for m in _ITEM_SEPARATOR.finditer(p.title or "") if at + m.start() >= last_name), -1)
    return _title_from(p, at, cut) if last_name >= 0 and at < cut < end else p


def _title_at(text: str, p: PersonMention) -> int:
    """Where the mention's title is written: in its span or right before the name (-1: nowhere, or no tagger)."""
    if not p.title or not tagger.available():
        return -1
    return text.rfind(p.title, max(0, p.start - len(p.title) - 2), p.end)


def _title_from(p: PersonMention, at: int, cut: int) -> PersonMention:
    """The mention with its title (written at `at`) starting at `cut`."""
    title = (p.title or "")[cut - at:]
    return PersonMention(p.name, title, split_title(title)[0], max(p.start, cut), p.end)


def _admit(found: dict[tuple[int, int], PersonMention], checks: frozenset[str], p: PersonMention) -> bool:
    """Keep `p` if it passes the form's checks: whether it is kept (or its span already was)."""
    if CHECK_FREE in checks and any(s < p.end and p.start < e for s, e in found):
        return (p.start, p.end) in found
    if CHECK_PERSON in checks and not is_person_name(p.name):
        return (p.start, p.end) in found
    if CHECK_TITLE in checks and not is_official_title(p.title or ""):
        return (p.start, p.end) in found
    found[(p.start, p.end)] = p
    return True


_APPOINTED = re.compile(rf"为(?P<title>[{_HAN}、·]{{2,40}}?{ROLE})(?=[，,。；;、\s]|$)")
_OF = re.compile(rf"(?P<title>{_TITLE})的$")
_ROLE_BEFORE = re.compile(rf"{ROLE}$")


def tagged_officials(text: str, taken: list[tuple[int, int]], names: set[str]) -> list[PersonMention]:
    """Officials whose name the tagger finds (a PER) right next to an official title, in any of
    the forms titles are written in: before the name (「市長陳其邁上任後」, 「主席咸輝介紹」, 「市长的胡衡华」),
    after it (`titles_next_to`), or given by an appointment (「选举董延明为…常务委员会副主任」). The
    name's boundary is the tagger's, so no verb after it is taken in (「区长刘强将出席」)."""
    out: list[PersonMention] = []
    for e in tagger.persons(text) if tagger.available() else []:
        if any(s < e.end and e.start < t for s, t in taken) or press_before(text, e.start):
            continue
        if not 2 <= len(e.text) <= 12 or not re.fullmatch(rf"[{_HAN}·]+", e.text):
            continue
        if any(p.startswith(e.text) and p != e.text for p in names):
            continue  # a name cut short where the article names the official in full (盧秀 of 盧秀燕)
        title = _title_near(text, e.start, e.end)
        if title and is_official_title(title) and not _cited(text, e, title):
            found = PersonMention(e.text, title, split_title(title)[0], e.start, e.end)
            out.append(_title_after_the_sentences_words(text, _title_from_last_item(text, found)))
            taken.append((e.start, e.end))
    return out


_DOCTRINE_BEFORE = re.compile(rf"(?:{alternation(DOCTRINE_BEFORE)})$")
_DOCTRINE_AFTER = re.compile(rf"[^，,。；;]{{0,4}}?(?:{alternation(DOCTRINE_AFTER)})")


def _cited(text: str, e: tagger.Entity, title: str) -> bool:
    """A leader cited for a doctrine (「贯彻落实习近平总书记关于…」), not acting in the article."""
    before = text.rfind(title, max(0, e.start - 60), e.start + len(title) + 4)
    head = before if 0 <= before < e.start else e.start
    tail = e.end + len(title) if before > e.end else e.end
    return bool(_DOCTRINE_BEFORE.search(text, max(0, head - 6), head) or _DOCTRINE_AFTER.match(text, tail))


def tagged_boundary(text: str, p: PersonMention) -> PersonMention:
    """A rule's name that runs one character into what follows (「区长刘强将出席」 → 刘强): where the
    tagger ends the name before a modal or adverb, and no speech or punctuation follows the longer
    name (「黄明会:」 stays 黄明会)."""
    at = text.find(p.name, p.start, p.end)
    if at < 0 or len(p.name) != 3 or p.name[-1] not in NAME_TAIL_WORDS or not tagger.available():
        return p  # (not a verb the tagger begins at the last character: 陈雷|解答 but 王三运|作了, 王三|运作)
    if re.match(rf"[ \t\u3000\xa0]*(?:$|\n|[:：，,。；;(（]|{SPEECH})", text[at + 3:at + 8]):
        return p
    if not any(e.start == at and e.end == at + 2 for e in tagger.persons(text)):
        return p
    end = p.end - 1 if p.end == at + 3 else p.end
    return PersonMention(p.name[:2], p.title, p.organization, p.start, end)


def _title_near(text: str, start: int, end: int) -> str | None:
    # the tagger's PER: 「李明市长」 is no city's head; but not a given name after surname and role (陈议员|明建)
    spans = titles_next_to(text, start, end, person=not _ROLE_BEFORE.search(text, max(0, start - 8), start))
    if spans:
        return text[spans[0][0]:spans[0][1]]
    of = _OF.search(text, max(0, start - 48), start)
    if of:
        return clean_title(of["title"]) or None
    appointed = _APPOINTED.match(text, end)
    return clean_title(appointed["title"]) if appointed else None


def short_references(text: str, officials: list[PersonMention]) -> list[PersonMention]:
    """「请问齐部长」 after 「齐骥,住房和城乡建设部副部长」: a surname and the official's role
    (without 副, as addressed) refer to them, when exactly one official fits."""
    by_ref: dict[str, list[PersonMention]] = {}
    for p in officials:
        role = re.search(rf"(?:{alternation(ROLE_TITLES)})$", p.title or "")
        if role:
            surname = next((c for c in COMPOUND_SURNAMES if p.name.startswith(c)), p.name[0])
            by_ref.setdefault(surname + role.group(), []).append(p)
    out: list[PersonMention] = []
    taken = [(p.start, p.end) for p in officials]
    for ref, people in by_ref.items():
        if len({p.name for p in people}) != 1:
            continue
        for m in re.finditer(rf"(?<![{_HAN}]){re.escape(ref)}|(?<=[{_LEAD}]){re.escape(ref)}|(?<=请问){re.escape(ref)}",
                             text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                p = people[0]
                out.append(PersonMention(p.name, p.title, p.organization, m.start(), m.end()))
    return out


def name_before_role(name: str, role: str) -> bool:
    """Whether 「NAME+role」 in running text is a person and their role: not 「管理处处长」 (an
    organisation), nor 「杨浦区长」, 「黄山市长」 (a place and the role of its head: before the
    role of a locality's head only a three-character name is taken)."""
    if name[-1] in ORG_END:
        return False
    level = role.removeprefix("常务").removeprefix("副")[:1]
    return len(name) >= 3 or level not in "".join(LOCALITY_LEVELS)


def clean_title(raw: str) -> str:
    """A title as the pattern took it from the clause, without what precedes it there:
    「据市民政局局长」 → 「市民政局局长」, 「出席会议的市委副书记」 → 「市委副书记」,
    「还有省教育厅副厅长」 → 「省教育厅副厅长」, 「梁晓辉)人社部副司长」 → 「人社部副司长」."""
    title = re.sub(rf"^.*{_POSITION}", "", raw.rsplit("的", 1)[-1]).lstrip(" 、" + _LEAD)
    close = max(title.rfind(")"), title.rfind("）"))
    opened = max(title.rfind("(", 0, close), title.rfind("（", 0, close))
    if close >= 0 and (opened < 0 or _DATELINE_IN.search(title, opened, close)):
        title = title[close + 1:]  # a byline or dateline before it: 「(记者 梁晓辉)中国人社部副司长」
    opener = _TITLE_OPENER.match(title)
    title = title[opener.end():] if opener and len(title) - opener.end() >= 2 else title
    # who hosts, is invited or addressed: 「发布会由市政府新闻办副主任」, 「请民政部副部长」, 「向主席」 (a
    # preposition before the title)
    title = _AT_INVITATION.sub("", title)  # 「应大会发言人张业遂的邀请」: 大会发言人
    for cut in (_HOSTED_BY, _OPENS_INSIDE):
        tail = cut.split(title)[-1]
        title = tail if len(tail) >= 2 and re.search(rf"{ROLE}$", tail) else title
    return title


def is_person_name(name: str) -> bool:
    """A personal name as the rules take it: starts with a surname, is not one of the words that
    follow a title (NON_NAMES), does not end like a place (武汉市) and holds no role."""
    return (2 <= len(name) <= 4 and has_surname(name) and not name.startswith(NON_NAMES)
            and not name.endswith(LOCALITY_LEVELS) and not re.search(ROLE, name))


def is_official_title(title: str) -> bool:
    """Ends in a role (or a role and its portfolio: 「常任秘书长（工务）」), and is not only a delegate's
    (「市政协委员」: a delegate, no official), nor a role in a body outside the government
    (「环美制动有限公司人事专员」, 「中国政策科学研究会经济政策委员会副主任」)."""
    title = _PORTFOLIO.sub("", title)
    return (bool(re.search(rf"{ROLE}$", title)) and not title.endswith(DELEGATE_ROLES)
            and not _FORMER.search(title) and not any(b in title for b in NON_GOVERNMENT_BODIES))


_PORTFOLIO = re.compile(rf"[（(][{_HAN}、]{{1,8}}[)）]$")


_FORMER = re.compile(rf"(?:{alternation(FORMER_MARKERS)}){ROLE}$")
_GAP = r"[ \t\u3000\xa0]*"

# ---------------------------------------------------------------------------- introduction forms

# The checks a form's readings pass before they are kept (`find_officials`):
CHECK_FREE = "free"  # its span overlaps no official found before
CHECK_PERSON = "person"  # the name is a person's (`is_person_name`)
CHECK_TITLE = "title"  # the title is an official's (`is_official_title`)
ALL_CHECKS = frozenset({CHECK_FREE, CHECK_PERSON, CHECK_TITLE})


@dataclass(frozen=True)
class IntroForm:
    """One way the genre introduces an official: the pattern that finds it, how a match is read
    (name, title, organisation, span; several names may share one title, the first kept decides),
    the checks its readings pass, and how grounding finds its title next to a name the model
    proposes: written `before` or `after` the name, or `glued` to it in one of the model's fields."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[str, re.Match[str]], list[PersonMention]]
    checks: frozenset[str] = ALL_CHECKS
    before: str | None = None
    after: str | None = None
    glued: str | None = None


def _mention(name: str, title: str, start: int, end: int) -> PersonMention:
    return PersonMention(name, title, split_title(title)[0], start, end)


def _read_minutes_label(text: str, m: re.Match[str]) -> list[PersonMention]:
    return [_mention(m["surname"] + m["given"], m["title"], m.start("surname"), m.end("given"))]


def _read_delegate(text: str, m: re.Match[str]) -> list[PersonMention]:
    title = m["title"].strip()
    return [_mention(m["name"], title, m.start(), m.end())]


def _read_title_first(text: str, m: re.Match[str]) -> list[PersonMention]:
    """「市民政局局长陈伟表示」, and the names after it that share its title (「副市长王强、李明出席」);
    a bare role mid-sentence (「主任 X」) is too weak."""
    title = clean_title(m["title"])
    start = m.end("title") - len(title)
    if _ROLE_FULL.match(title) and not (_is_line_start(text, start) or text[start - 1] in "。！？；，,;、:："):
        return []
    out = [_mention(m["name"], title, start, m.end("name"))]
    more = _next_shared_name(text, m.end("name"))
    while more and is_person_name(more[0]) and not _opens_next_title(text, more[2]):
        out.append(_mention(more[0], title, more[1], more[2]))
        more = _next_shared_name(text, more[2])
    return out


def _opens_next_title(text: str, at: int) -> bool:
    """The list item goes on from `at` to a role and a name of its own (the tagger's PER, when it runs)."""
    m = _ITEM_HAS_ROLE.match(text, at)
    if m is None or not tagger.available():
        return m is not None
    word = tagger.word_at(text, m.end())
    return word is not None and word.kind == "PER" and word.start == m.end()


def _next_shared_name(text: str, at: int) -> tuple[str, int, int] | None:
    """The name after 「、」 at `at` that shares the title before it: ended by a word names end with, or
    read whole by the tagger whatever follows (「付伟分别主持」, 「葛永光100年11月」)."""
    more = _MORE_NAMES.match(text, at)
    if more:
        return more["name"], more.start("name"), more.end("name")
    if not text.startswith("、", at) or not tagger.available():
        return None
    word = tagger.word_at(text, at + 1)
    if word is None or word.kind != "PER" or word.start != at + 1 or not 2 <= len(word.text) <= 3:
        return None
    return word.text, word.start, word.end


def _read_name_first(text: str, m: re.Match[str]) -> list[PersonMention]:
    title = m["title"] or m["ptitle"]
    if split_title(title)[0] is None and not m["ptitle"]:  # a list item names the organisation
        return []
    return [_mention(m["name"], title, m.start("name"), m.end("title") if m["title"] else m.end())]


def _read_married(text: str, m: re.Match[str]) -> list[PersonMention]:
    """Only where the tagger reads a person ending with the four characters (郑月娥 of 林郑月娥), not
    a name and a verb (「副主任李明做了通报」)."""
    end = m.end("name")
    if not tagger.available() or not any(e.end == end and m.start("name") < e.start <= end - 2
                                         for e in tagger.persons(text)):
        return []
    return _read_title_first(text, m)[:1]


def _read_name_column(text: str, m: re.Match[str]) -> list[PersonMention]:
    name = re.sub(r"[ \t\u3000]", "", m["name"])  # 「许  伟」 is 许伟, spaced to fill the column
    return [_mention(name, m["title"], m.start("name"), m.end("title"))]


def _read_name_role(text: str, m: re.Match[str]) -> list[PersonMention]:
    if not name_before_role(m["name"], m["title"]):
        return []
    return [_mention(m["name"], m["title"], m.start("name"), m.end("title"))]


def _read_org_name_role(text: str, m: re.Match[str]) -> list[PersonMention]:
    org = clean_title(m["org"])
    start = m.end("org") - len(org)
    return [PersonMention(m["name"], m["role"], org, start, m.end())]


_ROLE_AFTER = "role"  # grounding's group of a role right after a name: a person only by `name_before_role`
# The forms, in the order they are read: an earlier form's official wins a span over a later one's.
INTRO_FORMS = (
    # 「党代表程晓红(市人社局党组书记、局长)」: the bracketed title is taken as written, over anything found
    # before and with no check (a delegate's own role, 党代表, is no official's)
    IntroForm("delegate", DELEGATE, _read_delegate, checks=frozenset()),
    # 「林市长右昌:」: a council's minutes, surname, role, given name (a councillor's is no official's)
    IntroForm("minutes_label", MINUTES_LABEL, _read_minutes_label, checks=frozenset({CHECK_TITLE})),
    IntroForm("title_dotted_name", INTRO_DOTTED, _read_title_first, checks=frozenset({CHECK_FREE, CHECK_TITLE}),
              before=_TITLE),
    IntroForm("title_married_name", INTRO_MARRIED, _read_married, checks=frozenset({CHECK_FREE, CHECK_TITLE}),
              before=_TITLE),
    # 「市民政局局长陈伟表示」; the model may glue the two: 「武汉市市长周先旺」
    IntroForm("title_name", INTRO, _read_title_first, before=_TITLE,
              glued=rf"(?P<title>.*(?:{ROLE}))(?P<name>[{_HAN}·]{{2,4}})"),
    # 「齐骥,住房和城乡建设部副部长;」, 「齐骥(住房和城乡建设部副部长)」
    IntroForm("name_title", NAME_FIRST, _read_name_first,
              after=rf"[,，]{_GAP}(?P<title>[{_HAN}、·]{{0,40}}?{ROLE})(?={_GAP}(?:[,，;；。:：\n]|$))"
                    rf"|[(（](?P<ptitle>[{_HAN}、·]{{0,40}}?{ROLE})[)）]"),
    IntroForm("name_column", NAME_COLUMN, _read_name_column),
    # 「温家宝总理表示」, 「请问齐骥部长」; the model may glue the two: 「周先旺市长」
    IntroForm("name_role", NAME_ROLE, _read_name_role, after=rf"(?P<{_ROLE_AFTER}>{HONORIFIC})",
              glued=rf"(?P<name>[{_HAN}·]{{2,4}}?)(?P<title>{HONORIFIC})"),
    # 「劳工事务局黄志雄局长」: the body before the name, the role after it (the role alone is no full title)
    IntroForm("org_name_role", ORG_NAME_ROLE, _read_org_name_role, checks=frozenset({CHECK_FREE, CHECK_PERSON})),
)
# A name and a title in one field of the model's answer, by form (`officials._readings`).
GLUED = {f.name: re.compile(f.glued) for f in INTRO_FORMS if f.glued}
_TITLE_BEFORE = re.compile(rf"(?:{'|'.join(f.before for f in INTRO_FORMS if f.before)}){_GAP}$")
_TITLE_AFTER = re.compile(rf"{_GAP}(?:{'|'.join(f.after for f in INTRO_FORMS if f.after)})")
_PRESS_BEFORE = re.compile(rf"(?:{_BYLINE_ROLE})[ \t\u3000\xa0:：]*$")


def titles_next_to(text: str, start: int, end: int, person: bool = False) -> list[tuple[int, int]]:
    """Spans of the title phrases written right next to the name at text[start:end]: before it
    (the longest phrase that ends in a role, 「武汉市市长」周先旺) or after it (「齐骥,」住房和城乡建设部
    副部长, 「王海(」市统计局局长「)」, 温家宝「总理」). `person`: the tagger reads text[start:end] as
    a name, so a locality head's role after it is theirs (李明「市长」, not 黄山市长)."""
    spans = []
    before = _TITLE_BEFORE.search(text, max(0, start - 48), start)
    if before:
        raw = before.group().rstrip(" \t\u3000\xa0")
        title = clean_title(raw)
        t_end = before.start() + len(raw)
        if title and is_official_title(title):
            spans.append((t_end - len(title), t_end))
    after = _TITLE_AFTER.match(text, end)
    if after:
        group = next(g for g, v in after.groupdict().items() if v)
        if is_official_title(after[group]) and (
                group != _ROLE_AFTER or person or name_before_role(text[start:end], after[group])):
            spans.append(after.span(group))
    return spans


def press_before(text: str, start: int) -> bool:
    """The name at `start` follows a press role (「记者李源」, 「编辑:苏杰」): press, no official."""
    return bool(_PRESS_BEFORE.search(text, max(0, start - 8), start))


def has_surname(name: str) -> bool:
    return name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)


def _is_line_start(text: str, start: int) -> bool:
    """Nothing but blanks before `start` on its line (「  行政長官林鄭月娥今日…」: an indented paragraph)."""
    before = text[:start].rstrip(" \t\u3000\xa0")
    return not before or before[-1] == "\n"


def find_bylines(text: str) -> list[Byline]:
    out: list[Byline] = []
    for m in BYLINE.finditer(text):
        role = "作者" if m["role"] == "□" else m["role"]
        tokens = list(re.finditer(rf"[{_HAN}]+", m["names"]))
        base = m.start("names")
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.group() in NON_OFFICIAL_ROLES:
                role, i = tok.group(), i + 1
                continue
            # Single characters separated by spaces are one name: 「曾 姚」, 「戴 鑫」.
            if len(tok.group()) == 1 and i + 1 < len(tokens) and len(tokens[i + 1].group()) <= 2:
                nxt = tokens[i + 1]
                out.append(Byline(tok.group() + nxt.group(), role, base + tok.start(), base + nxt.end()))
                i += 2
                continue
            if len(tok.group()) >= 2 and not any(r.startswith(tok.group()) for r in NON_OFFICIAL_ROLES):
                out.append(Byline(tok.group(), role, base + tok.start(), base + tok.end()))  # not 责任(编辑)
            i += 1
    return out


def speaker_turns(text: str, officials: list[PersonMention]) -> list[Turn]:
    """Who is speaking where: a turn starts at a line 「NAME：」 (or an intro ending in a colon)
    and ends at the next turn, a host's question or a byline."""
    names = sorted({p.name for p in officials}, key=len, reverse=True)
    turns: list[Turn] = []
    current: str | None = None
    asking = False
    turn_start = 0
    pos = 0
    for line in text.split("\n"):
        new: str | bool | None = False  # False = no change
        asks = asking
        head = line[:80]
        colon = re.search(r"[:：]", head)
        if colon:
            before = head[: colon.start()]
            label = before.strip().strip("[]【】［］")  # 「[齐骥]:」 in a transcript
            who = next((n for n in names if label.endswith(n)
                        or re.search(rf"{re.escape(n)}\s*[(（][^)）]*[)）]\s*$", before)), None)
            if who:
                new, asks = who, False
            elif _MEDIA_TURN.match(line) or _ASKER_LABEL.fullmatch(label):
                new, asks = None, True
            elif asking and _LABEL.fullmatch(label):  # another's label ends the question: 「答：」
                new, asks = None, False
        if new is False and BYLINE.match(line.strip()) and len(line.strip()) < 40:
            new, asks = None, False
        if new is not False and (new != current or asks != asking):
            if pos > turn_start:
                turns.append(Turn(turn_start, pos, current, asking))
            current, asking, turn_start = (new if isinstance(new, str) else None), asks, pos
        pos += len(line) + 1
    turns.append(Turn(turn_start, len(text), current, asking))
    return [t for t in turns if t.end > t.start]


def asked_at(turns: list[Turn], offset: int) -> bool:
    """Whether `offset` is in a questioner's turn."""
    return any(t.asking for t in turns if t.start <= offset < t.end)


def speaker_at(turns: list[Turn], offset: int) -> str | None:
    for t in turns:
        if t.start <= offset < t.end:
            return t.name
    return None
