"""Merge: the same fact found twice (overlapping chunks, repeated paragraphs) appears once,
with every span it was found at. Different facts sharing a number stay apart."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from summarizer.models import Commitment, Metric


def _norm(s: str | None) -> str:
    return re.sub(r"[\s，,。、“”\"'：:■]", "", s or "")


def same_subject(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a)) or fuzz.ratio(a, b) >= 80


def merge_metrics(items: list[Metric]) -> list[Metric]:
    """Same value, unit, kind, role and period with a similar subject: one fact, all spans."""
    out: list[Metric] = []
    for m in items:
        twin = next((k for k in out if (k.value, k.unit, k.kind, k.role) == (m.value, m.unit, m.kind, m.role)
                     and _norm(k.period) == _norm(m.period) and same_subject(k.subject, m.subject)), None)
        if twin is not None:
            twin.spans.extend(s for s in m.spans if s not in twin.spans)
            if twin.speaker is None:  # a headline repeats what an official said in the body
                twin.speaker = m.speaker
        else:
            out.append(m.model_copy(update={"id": f"m{len(out) + 1}", "spans": list(m.spans)}))
    return out


_HAN2 = re.compile(r"[\u4e00-\u9fff]{2,}")
_QUALIFIER = re.compile(r"^(?:约|約|近|超过|超過|达到|達到|达|達|突破)")


def _target_context(c: Commitment) -> tuple[str, str, str] | None:
    """The target as written (without 约, 达到 …) and the Han words right before and after it in
    the quote: 「…预计会有16处新的公托」 -> (16处, 预计会有, 新的公托)."""
    if not c.target or c.target not in c.quote:
        return None
    at = c.quote.index(c.target)
    before = _HAN2.findall(c.quote[max(0, at - 4):at])
    after = _HAN2.match(c.quote[at + len(c.target):at + len(c.target) + 4])
    return (_QUALIFIER.sub("", c.target), before[-1] if before else "", after.group() if after else "")


def same_pledge(a: Commitment, b: Commitment) -> bool:
    """One pledge said twice: the same action, or the same target with the same words right before
    or after it (a lead and an official's quote: 「今年预计会有16处新的公托」 twice)."""
    if _norm(a.action) == _norm(b.action):
        return True
    ca, cb = _target_context(a), _target_context(b)
    return bool(ca and cb and ca[0] == cb[0] and ((ca[1] and ca[1] == cb[1]) or (ca[2] and ca[2] == cb[2])))


def merge_commitments(items: list[Commitment]) -> list[Commitment]:
    """The same pledge found twice: one commitment (the first), every span."""
    out: list[Commitment] = []
    for c in items:
        kept = next((k for k in out if same_pledge(k, c)), None)
        if kept is not None:
            kept.spans.extend(s for s in c.spans if s not in kept.spans)
            for name in ("deadline", "deadline_year", "responsible", "speaker"):  # what only the repeat says
                if getattr(kept, name) is None and getattr(c, name) is not None:
                    setattr(kept, name, getattr(c, name))
        else:
            out.append(c.model_copy(update={"id": f"c{len(out) + 1}", "spans": list(c.spans)}))
    return out
