"""Deterministic people finding: official introductions, bylines (non-officials), speaker turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.lexicon import (
    ANNOUNCE_VERBS,
    COMPOUND_SURNAMES,
    HAN,
    ORG_END_CHARS,
    PRESS_ROLES,
    ROLE_MODIFIERS,
    ROLE_TITLES,
    SPEECH_VERBS,
    SURNAMES,
    alternation,
)

_HAN = HAN
ROLE = rf"{ROLE_MODIFIERS}(?:{alternation(ROLE_TITLES)})"
_ROLE_FULL = re.compile(rf"^(?:、?{ROLE})+$")
_TITLE = rf"[{_HAN}、·()（）\-—]{{0,40}}?{ROLE}"
SPEECH = alternation(SPEECH_VERBS)  # verbs that introduce what an official says
SPEAKING = alternation(SPEECH_VERBS + ANNOUNCE_VERBS)
_NAME_END = rf"(?=\s*$|\s*[:：，,。(（]|{SPEECH})"
# Weaker ends (「副市长林钦荣在会上强调」, 「局长蔡宛芬今天表示」) are allowed because every name must
# start with a common surname: 「书记亲自在」, 「局长今天表示」, 「主任也表示」 name nobody.
_WEAK_END = r"在|今天|今日|昨天|昨日|近日|日前|也|还|则|就|对|向|主持|出席|宣布|回答|通报|解读|答"
_COMPOUND_SURNAMES = COMPOUND_SURNAMES
_SURNAMES = SURNAMES
# Characters a title never starts with, that the pattern takes in from the clause:
# 「据市民政局局长陈伟介绍」, 「在市长张三的带领下」, 「与副市长李四」.
_LEAD = "据由在与及"
# 「市委教育工委书记、市教委主任 黄政」, 「区民政局党组书记、局长胡文彬:」
_NOT_NAME = (rf"(?!{SPEECH}|相关|同志|一行|向记者|向媒体|高度|全面"
             r"|全市|全区|全县|全省|于今年|于近日)")
INTRO = re.compile(
    rf"(?P<title>{_TITLE})[ \t\u3000\xa0]*{_NOT_NAME}(?P<name>[{_HAN}]{{2,3}}?)"
    rf"(?:{_NAME_END}|(?={_WEAK_END}))",
    re.MULTILINE)
# 「党代表程晓红(市人社局党组书记、局长)」
DELEGATE = re.compile(
    rf"(?:党代表|人大代表|政协委员)(?P<name>[{_HAN}]{{2,3}})[(（](?P<title>[^)）]{{2,40}})[)）]"
)
NON_OFFICIAL_ROLES = PRESS_ROLES
_BYLINE_ROLE = "|".join(re.escape(r) for r in NON_OFFICIAL_ROLES)
# A role word followed only by names (1-3 Han chars separated by spaces) up to line end or '/'.
BYLINE = re.compile(
    rf"(?P<role>{_BYLINE_ROLE})[ \t\u3000\xa0]*[:：]?[ \t\u3000\xa0]*"
    rf"(?P<names>[{_HAN}]{{1,3}}(?:[ \t\u3000\xa0]+[{_HAN}]{{1,3}})*)[ \t\u3000\xa0]*"
    rf"(?=$|/|[)）]|{_BYLINE_ROLE})",
    re.MULTILINE,
)
ORG_END = ORG_END_CHARS
_MEDIA_TURN = re.compile(rf"^\s*[{_HAN}\-—]{{0,12}}(?:日报|晚报|晨报|新闻|记者|主持人|本报)\s*[:：]")


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


def split_title(title: str) -> tuple[str | None, str]:
    """'市卫生健康委党委书记、主任' -> ('市卫生健康委', '党委书记、主任')."""
    first = title.split("、")[0]
    for i in range(2, len(first)):
        if first[i - 1] in ORG_END and _ROLE_FULL.match(first[i:]):
            return title[:i], title[i:]
    return None, title


def find_officials(text: str) -> list[PersonMention]:
    found: dict[tuple[int, int], PersonMention] = {}
    for m in DELEGATE.finditer(text):
        title = m["title"].strip()
        org, _ = split_title(title)
        found[m.span()] = PersonMention(m["name"], title, org, m.start(), m.end())
    for m in INTRO.finditer(text):
        if not has_surname(m["name"]):
            continue
        raw = m["title"]
        title = raw.lstrip(" 、" + _LEAD)
        start = m.start("title") + len(raw) - len(title)
        if any(s <= start < e for s, e in found):
            continue
        if _ROLE_FULL.match(title) and not (
                _is_line_start(text, start)
                or (text[start - 1] in "。！？；，,;" and has_surname(m["name"]))):
            continue  # a bare role ('主任 X') mid-sentence is too weak
        org, _ = split_title(title)
        found[(start, m.end("name"))] = PersonMention(m["name"], title, org, start, m.end("name"))
    return sorted(found.values(), key=lambda p: p.start)


def has_surname(name: str) -> bool:
    return name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)


def _is_line_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n"


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
            if len(tok.group()) >= 2:
                out.append(Byline(tok.group(), role, base + tok.start(), base + tok.end()))
            i += 1
    return out


def speaker_turns(text: str, officials: list[PersonMention]) -> list[Turn]:
    """Who is speaking where: a turn starts at a line 「NAME：」 (or an intro ending in a colon)
    and ends at the next turn, a host's question or a byline."""
    names = sorted({p.name for p in officials}, key=len, reverse=True)
    turns: list[Turn] = []
    current: str | None = None
    turn_start = 0
    pos = 0
    for line in text.split("\n"):
        new: str | bool | None = False  # False = no change
        head = line[:80]
        colon = re.search(r"[:：]", head)
        if colon:
            before = head[: colon.start()]
            who = next((n for n in names if before.rstrip().endswith(n)
                        or re.search(rf"{re.escape(n)}\s*[(（][^)）]*[)）]\s*$", before)), None)
            if who:
                new = who
            elif _MEDIA_TURN.match(line):
                new = None
        if new is False and BYLINE.match(line.strip()) and len(line.strip()) < 40:
            new = None
        if new is not False and new != current:
            if pos > turn_start:
                turns.append(Turn(turn_start, pos, current))
            current, turn_start = (new if isinstance(new, str) else None), pos
        pos += len(line) + 1
    turns.append(Turn(turn_start, len(text), current))
    return [t for t in turns if t.end > t.start]


def speaker_at(turns: list[Turn], offset: int) -> str | None:
    for t in turns:
        if t.start <= offset < t.end:
            return t.name
    return None
