"""Plain-text pieces shared by both renderers: fact labels, citations, value formats."""

from __future__ import annotations

from summarizer.models import Commitment, Metric, Official
from summarizer.outputs.brief.model import Fact, deadline_year


def fmt_value(v: float | None) -> str:
    return "—" if v is None else format(v, ",.10g")


def period(m: Metric) -> str:
    if m.period:
        return m.period
    if m.period_start or m.period_end:
        return "–".join(dict.fromkeys(p for p in (m.period_start, m.period_end) if p))
    return ""


def role(m: Metric) -> str:
    return "目标" if m.role == "target" else "实际"


def deadline(f: Fact) -> str:
    assert isinstance(f.item, Commitment)
    year = deadline_year(f.item)
    return str(year) if year is not None else "未定期限"


def offsets(f: Fact) -> str:
    s, e = f.span
    more = f" 另见{len(f.extra_spans)}处" if f.extra_spans else ""
    return f"[{s}, {e}){more}"


def headline(f: Fact) -> str:
    """One-line statement of the fact, without its source."""
    item = f.item
    if isinstance(item, Official):
        return "，".join(x for x in (item.name, item.title, item.organization) if x)
    if isinstance(item, Metric):
        details = [x for x in (period(item), "目标" if item.role == "target" else "") if x]
        tail = f"（{'，'.join(details)}）" if details else ""
        return f"{item.subject}：{item.value_text}{tail}"
    assert isinstance(item, Commitment)
    parts = [item.action]
    if item.target and item.target not in item.action:
        parts.append(f"目标 {item.target}")
    if item.deadline:
        parts.append(f"期限 {item.deadline}")
    if item.responsible:
        parts.append(f"责任 {item.responsible}")
    return " · ".join(parts)


def change_step(f: Fact) -> str:
    m = f.item
    assert isinstance(m, Metric)
    details = [x for x in (period(m), "目标" if m.role == "target" else "", f.article.label) if x]
    return f"{m.value_text}（{'，'.join(details)}）"


def chip(f: Fact, sentence: str = "") -> str:
    """The fact in a few words, beside its sentence (which is printed once, not repeated here)."""
    item = f.item
    if isinstance(item, Official):
        return " ".join(x for x in (item.name, item.title) if x)
    if isinstance(item, Metric):
        details = [x for x in (period(item), "目标" if item.role == "target" else "") if x]
        return f"{item.subject} {item.value_text}" + (f"（{'，'.join(details)}）" if details else "")
    assert isinstance(item, Commitment)
    parts = ["承诺"]
    if item.action and item.action not in sentence:  # a model's paraphrase says what in short
        parts.append(item.action)
    parts += [f"{label} {x}" for label, x in (("目标", item.target), ("期限", item.deadline),
                                              ("责任", item.responsible)) if x]
    return " · ".join(parts)


def marks(f: Fact, text: str) -> list[tuple[int, int]]:
    """What to highlight of a fact in its sentence: a commitment's target and deadline, a
    figure's value, as written inside its quote; else its whole quote."""
    s, e = f.span
    item = f.item
    words: list[str | None] = []
    if isinstance(item, Commitment):
        words = [item.target, item.deadline]
    elif isinstance(item, Metric):
        words = [item.value_text]
    found = [(i, i + len(w)) for w in words if w and (i := text.rfind(w, s, e)) >= 0]
    return found or [(s, e)]
