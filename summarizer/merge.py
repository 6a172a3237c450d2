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


def merge_commitments(items: list[Commitment]) -> list[Commitment]:
    out: dict[str, Commitment] = {}
    for c in items:
        key = _norm(c.action)
        if key in out:
            kept = out[key]
            kept.spans.extend(s for s in c.spans if s not in kept.spans)
        else:
            out[key] = c.model_copy(update={"id": f"c{len(out) + 1}", "spans": list(c.spans)})
    return list(out.values())
