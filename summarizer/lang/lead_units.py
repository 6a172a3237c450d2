"""Task lists: the unit in charge written in brackets after an item (「（牵头单位：市住建局）」,
「(發展局)」), which is the responsible body of the item's commitments, and of the items before it in
the same list that name none (a bracket after a list's last item names them all)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.lang.lexicon import (
    LEAD_LEADER_LABELS,
    LEAD_UNIT_LABELS,
    LEAD_VERBS,
    ORG_END_CHARS,
    ORG_SUFFIXES,
    alternation,
)
from summarizer.models import Commitment

_UNIT = rf"[^\W\d_]{{2,24}}?(?:{alternation(ORG_SUFFIXES)}|[{ORG_END_CHARS}])"
_BRACKET = re.compile(  # （牵头单位：市住建局）, （市教育局牵头，各区县配合）
    rf"[ \t\u3000\xa0]*[（(](?:(?:{alternation(LEAD_UNIT_LABELS)})[:：]?)?"
    rf"(?P<units>{_UNIT}(?:[/／、，,]{_UNIT})*)(?:(?:{alternation(LEAD_VERBS)})[^（()）]{{0,16}})?"
    rf"(?:[;；][^（()）]{{0,120}})?[)）]")  # (…;共同责任单位:市发改委、…): the lead unit first
_BRACKET_LAST = re.compile(_BRACKET.pattern + r"[。；;]?[ \t\u3000\xa0]*$")
# the unit on a labelled line of its own right after the item (「…新建幼儿园10所。\n责任单位：市教育局」), maybe
# after the leader's line (「\n牵头领导:省政府分管领导同志\n牵头单位:省发展改革委」)
_LABELLED = re.compile(rf"(?:\s*(?:{alternation(LEAD_LEADER_LABELS)})[:：][^\n]*)?"
                       rf"\s*(?:{alternation(LEAD_UNIT_LABELS)})[:：][ \t\u3000\xa0]*"
                       rf"(?P<units>{_UNIT}(?:[/／、，,]{_UNIT})*)(?=[\s。；;]|$)")
# on a line of its own: 「…新增公交车30辆。\n(责任单位:市交通局、规划局)」
_BRACKET_LINE = re.compile(r"[ \t\u3000\xa0]*\n" + _BRACKET.pattern + r"[。；;]?[ \t\u3000\xa0]*(?=\n|$)")
_ITEM_BREAK = re.compile(r"\n[ \t\u3000\xa0]*\n|\n[^\n\-•·●■◆▲0-9一二三四五六七八九十（(]")


def is_lead_note(line: str) -> bool:
    """The line only notes who leads the items above it: 「(责任单位:市交通局、规划局、建设局)」,
    「牵头单位：市教育局」. No pledge of its own."""
    line = line.strip().rstrip("。；;")
    return any(m is not None and m.end() == len(line) for m in (_BRACKET.match(line), _LABELLED.match(line)))


def unit_after(text: str, end: int) -> str | None:
    """The bracketed unit of an item that ends at `end`: right after it (「…行動。(房屋局)」), closing
    it before its stop (「…工作（牵头单位：市住建局）。」), or on a line of its own
    after it (「责任单位：市教育局」, 「(责任单位:市交通局)」)."""
    m = _BRACKET.match(text, end) or _LABELLED.match(text, end) or _BRACKET_LINE.match(text, end)
    if m is not None:
        return m["units"]
    if (column := unit_in_row(text, end)) is not None:
        return column
    tail = _BRACKET_LAST.search(text, max(0, end - 60), end)
    return tail["units"] if tail else None


_CELL_GAP = re.compile(r"[ \t\u3000\xa0]+")
_WHOLE_UNIT = re.compile(_UNIT)


def unit_in_row(text: str, end: int) -> str | None:
    """A table's row flattened to a line, cells apart by blanks (「1 新建幼儿园10所 市教育局 各区县政府」): the
    first cell after the item's own that is a unit and nothing else (its lead unit's column)."""
    start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    cells = [c for c in _CELL_GAP.split(text[start:line_end if line_end >= 0 else len(text)].strip()) if c]
    if len(cells) < 3 or not cells[0].isdigit():
        return None  # a row: its number, the item, then the columns
    return next((c for c in cells[2:] if _WHOLE_UNIT.fullmatch(c)), None)


def assign_lead_units(text: str, commitments: Sequence[Commitment], item_ends: Sequence[int]) -> list[Commitment]:
    """Commitments with the bracketed unit of their item, or of a later item of the same list when
    theirs names none. `item_ends[i]` is where the sentence of commitment i ends."""
    out = list(commitments)
    pending: list[int] = []  # items of the current list still waiting for a unit
    for i, end in enumerate(item_ends):
        if pending and _ITEM_BREAK.search(text, item_ends[pending[-1]], max(end - 1, item_ends[pending[-1]])):
            pending = []  # a blank line or a heading between them: another list
        found = unit_after(text, end)
        if found is None:
            pending.append(i)
            continue
        for j in [*pending, i]:
            out[j] = out[j].model_copy(update={"responsible": found})
        pending = []
    return out
