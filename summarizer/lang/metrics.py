"""Annotate: turn model labels and deterministic finds into grounded items.

Every item's quote is cut from the article text by offsets, so `text[start:end] == quote`
holds by construction; values and periods come from the normalizer, never from the model.
"""

from __future__ import annotations

from summarizer.lang.nonmetrics import is_structural as is_structural  # moved there; importable from here
from summarizer.lang.people import PersonMention, Turn, speaker_at
from summarizer.lang.subjects import metric_period, metric_subject
from summarizer.lang.values import Period, Value
from summarizer.models import Metric
from summarizer.text.chunk import Sentence


def build_metric(text: str, idx: int, value: Value, sentence: Sentence, values: tuple[Value, ...],
                 periods: list[Period], speaker: str | None, target: bool,
                 heading: Period | None = None) -> Metric:
    """`heading`: the time of the heading or title over the sentence (「2023年重点民生事项」), the
    metric's period when its sentence states none; the quote then spans it too."""
    subject, clause_start = metric_subject(text, sentence, value, values)
    period = metric_period(periods, sentence, value, text)
    inherited = heading if period is None and heading is not None and heading.end <= sentence.start else None
    period = period or inherited
    start = min(clause_start, period.start) if period and not inherited else clause_start
    start = max(start, sentence.start)
    while start < value.start and text[start].isspace():
        start += 1
    span = (start, value.end)
    return Metric(
        id=f"m{idx}", subject=subject, value_text=value.surface, value=float(value.number),
        unit=value.unit, kind=value.kind,  # type: ignore[arg-type]
        qualifier=value.qualifier, period=period.surface if period else None,
        period_start=_iso(period, True) if period else None,
        period_end=_iso(period, False) if period else None,
        role="target" if target else "reported", speaker=speaker,
        quote=text[span[0]:span[1]], span=span, spans=[(inherited.start, inherited.end), span] if inherited else [span],
    )


def _iso(p: Period, first: bool) -> str | None:
    year = p.year_from if first else p.year_to
    month = p.month_from if first else p.month_to
    if year is None:
        return None
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def speaker_for(turns: list[Turn], officials: dict[str, PersonMention], offset: int) -> PersonMention | None:
    name = speaker_at(turns, offset)
    return officials.get(name) if name else None
