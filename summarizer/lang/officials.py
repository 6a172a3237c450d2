"""Officials: deterministic introductions first, then the model's proposals, grounded in the text.

A proposal is kept only when the name and, next to it, a title are in the article. The model's
right answers often arrive malformed (name and title swapped, the title glued to the name, a
title it lengthened); they are read every way the two fields allow and grounded at every
occurrence of the name, and what is kept is the article's own wording. What cannot be grounded
goes to `rejected` with the reason. Press (bylines, 记者X) never become officials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.lang.people import (
    GLUED,
    ROLE,
    Byline,
    PersonMention,
    has_surname,
    hosts_the_press,
    is_person_name,
    press_before,
    split_title,
    titles_next_to,
)
from summarizer.models import NonOfficial, Official, Rejected

_HAN = r"\u4e00-\u9fff"
_PERSON = re.compile(rf"[{_HAN}·]{{2,4}}")
# A title with the name glued after it (「武汉市市长周先旺」) or a name with its role after it
# (「周先旺市长」): the model's name field holding both.
# (the introduction forms' own ways of writing the two together: `people.INTRO_FORMS`)
_TITLE_THEN_NAME = GLUED["title_name"]
_NAME_THEN_ROLE = GLUED["name_role"]


@dataclass(frozen=True)
class _Grounded:
    name: str
    name_span: tuple[int, int]
    title_span: tuple[int, int]
    exact: bool  # the text writes the title as the model did


def build_officials(text: str, found: list[PersonMention], drafts: list[tuple[int, str, str]],
                    bylines: list[Byline]) -> tuple[list[Official], list[Rejected]]:
    """Deterministic introductions first; model drafts (offset hint, name, title) add
    officials the patterns missed. A draft is repaired from the text before it is judged (name and
    title swapped, the title inside the name, a title the model shortened or lengthened, a name
    first written without its title): the official kept is a name of the article with the title
    the article writes right next to it, never the model's wording."""
    by_name: dict[str, Official] = {}
    press = {b.name for b in bylines}
    rejected: list[Rejected] = []
    for p in found:
        span = (p.start, p.end)
        if p.name in by_name:
            by_name[p.name].spans.append(span)
            continue
        by_name[p.name] = Official(id=f"p{len(by_name) + 1}", name=p.name, title=p.title,
                                   organization=p.organization, quote=text[p.start:p.end],
                                   span=span, spans=[span])
    for near, name, title in drafts:
        name, title = name.strip(), (title or "").strip()
        if not name or name in by_name:
            continue
        item: dict[str, object] = {"name": name, "title": title}
        readings = _readings(name, title)
        if any(n in press for n, _ in readings):
            rejected.append(Rejected(type="official", status="conflict",
                                     reason="listed in a byline as press, not an official", item=item))
            continue
        if any(_is_press(text, n) for n, _ in readings):
            rejected.append(Rejected(type="official", status="conflict",
                                     reason="written after a press role (记者, 编辑 …), not an official",
                                     item=item))
            continue
        readings = [(n, t) for n, t in readings if _plausible(n)]
        if not readings:
            rejected.append(Rejected(type="official", status="unsupported",
                                     reason="not a personal name with an official title", item=item))
            continue
        if not any(n in text for n, _ in readings):
            rejected.append(Rejected(type="official", status="unsupported",
                                     reason="name not found in the article", item=item))
            continue
        best = _ground(text, readings, near)
        if best is None:
            rejected.append(Rejected(type="official", status="unsupported",
                                     reason="no title next to the name in the article", item=item))
            continue
        if best.name in by_name:
            continue  # the rules found this official already
        s, e = min(best.name_span[0], best.title_span[0]), max(best.name_span[1], best.title_span[1])
        title_text = text[best.title_span[0]:best.title_span[1]]
        if hosts_the_press(text, PersonMention(best.name, title_text, None, s, e)):
            rejected.append(Rejected(type="official", status="conflict",
                                     reason="the host of a press conference, not an official", item=item))
            continue
        by_name[best.name] = Official(id=f"p{len(by_name) + 1}", name=best.name, title=title_text,
                                      organization=split_title(title_text)[0],
                                      quote=text[s:e], span=(s, e), spans=[(s, e)],
                                      status="verified" if best.exact else "normalized")
    return list(by_name.values()), rejected


def _readings(name: str, title: str) -> list[tuple[str, str]]:
    """What the model may have meant by (name, title), as proposed first: swapped, or split where
    one field holds a title and a name."""
    name, title = re.sub(r"\s", "", name), re.sub(r"\s", "", title)
    out = [(name, title), (title, name)]
    for field in (name, title):
        glued = _TITLE_THEN_NAME.fullmatch(field)
        if glued:
            # 「…科长杨军」: the name is what follows the last role, if it starts with a surname
            for size in (3, 2, 4):
                tail = field[-size:]
                if len(field) > size and has_surname(tail) and re.search(rf"(?:{ROLE})$", field[:-size]):
                    out.append((tail, field[:-size]))
                    break
        after = _NAME_THEN_ROLE.fullmatch(field)
        if after:
            out.append((after["name"], after["title"]))
    return list(dict.fromkeys(r for r in out if r[0]))


def _is_press(text: str, name: str) -> bool:
    return any(press_before(text, m.start()) for m in re.finditer(re.escape(name), text))


def _ground(text: str, readings: list[tuple[str, str]], near: int) -> _Grounded | None:
    """The best reading found in the text with a title next to one of its occurrences (any
    occurrence, not only the first): the title the model wrote, else one that overlaps it, else
    the longest; then the reading proposed first, then the occurrence closest to the hint."""
    best: tuple[tuple[int, int, int, int, int], _Grounded] | None = None
    for rank, (name, title) in enumerate(readings):
        for m in re.finditer(re.escape(name), text):
            for ts, te in titles_next_to(text, m.start(), m.end()):
                written = text[ts:te]
                exact = written == title
                overlap = bool(title) and (title in written or written in title)
                key = (int(exact), int(overlap), -rank, te - ts, -abs(m.start() - near))
                if best is None or key > best[0]:
                    best = (key, _Grounded(name, m.span(), (ts, te), exact))
    return best[1] if best else None


def _plausible(name: str) -> bool:
    """A name as the rules take one (a surname first, no role, no place, no NON_NAMES word):
    「省人社厅」, 「介绍」, 「武汉市」 are none."""
    return bool(_PERSON.fullmatch(name)) and is_person_name(name)


def build_non_officials(text: str, bylines: list[Byline]) -> list[NonOfficial]:
    seen: dict[tuple[str, str], NonOfficial] = {}
    for b in bylines:
        key = (b.name, b.role)
        if key in seen:
            seen[key].spans.append((b.start, b.end))
            continue
        seen[key] = NonOfficial(name=b.name, role=b.role, quote=text[b.start:b.end],
                                span=(b.start, b.end), spans=[(b.start, b.end)])
    return list(seen.values())
