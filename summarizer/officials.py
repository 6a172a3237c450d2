"""Officials: deterministic introductions first, then the model's proposals, grounded in the text.

A proposal is kept only when the name and, next to it, the title are in the article; what
cannot be grounded goes to `rejected` with the reason. Press (bylines) never become officials.
"""

from __future__ import annotations

import re

from summarizer.ground import locate
from summarizer.models import NonOfficial, Official, Rejected
from summarizer.people import ORG_END, ROLE, Byline, PersonMention, split_title

_PERSON = re.compile(r"[\u4e00-\u9fff·]{2,4}")


def build_officials(text: str, found: list[PersonMention], drafts: list[tuple[int, str, str]],
                    bylines: list[Byline]) -> tuple[list[Official], list[Rejected]]:
    """Deterministic introductions first; model drafts (offset hint, name, title) add
    officials the patterns missed, only when the name and, next to it, the title are in the text."""
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
        name = name.strip()
        if not name or name in by_name:
            continue
        item: dict[str, object] = {"name": name, "title": title}
        if name in press or re.sub(r"\s", "", name) in press:
            rejected.append(Rejected(type="official", status="conflict",
                                     reason="listed in a byline as press, not an official", item=item))
            continue
        if not _PERSON.fullmatch(name) or name[-1] in ORG_END or not re.search(ROLE, title or ""):
            rejected.append(Rejected(type="official", status="unsupported",
                                     reason="not a personal name with an official title", item=item))
            continue
        hit = locate(name, text, near=near)
        if hit is None or len(name) < 2:
            rejected.append(Rejected(type="official", status="unsupported",
                                     reason="name not found in the article", item=item))
            continue
        t_hit = locate(title, text, near=hit.start, window=60) if title else None
        adjacent = t_hit is not None and (t_hit.end <= hit.start <= t_hit.end + 2
                                          or hit.end <= t_hit.start <= hit.end + 2)
        if t_hit is None or not adjacent:
            rejected.append(Rejected(type="official", status="unsupported",
                                     reason="no title next to the name in the article", item=item))
            continue
        s, e = min(hit.start, t_hit.start), max(hit.end, t_hit.end)
        title_text = text[t_hit.start:t_hit.end]
        by_name[name] = Official(id=f"p{len(by_name) + 1}", name=name, title=title_text,
                                 organization=split_title(title_text)[0],
                                 quote=text[s:e], span=(s, e), spans=[(s, e)],
                                 status="verified" if t_hit.status == "verified" else "normalized")
    return list(by_name.values()), rejected


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
