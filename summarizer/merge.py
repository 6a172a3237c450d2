"""Merge: the same fact found twice (overlapping chunks, repeated paragraphs) appears once,
with every span it was found at. Different facts sharing a number stay apart."""

from __future__ import annotations

import re

from summarizer.models import Commitment, Metric


def _norm(s: str | None) -> str:
    return re.sub(r"[\s，,。、“”\"'：:■]", "", s or "")


def merge_metrics(items: list[Metric]) -> list[Metric]:
    out: dict[tuple[object, ...], Metric] = {}
    for m in items:
        key = (_norm(m.subject), m.value, m.unit, m.kind, _norm(m.period), m.role)
        if key in out:
            kept = out[key]
            kept.spans.extend(s for s in m.spans if s not in kept.spans)
        else:
            out[key] = m.model_copy(update={"id": f"m{len(out) + 1}", "spans": list(m.spans)})
    return list(out.values())


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
