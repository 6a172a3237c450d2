"""What one report says of a pledge: kept, missed, partly or open (the words of series.json)."""

from __future__ import annotations

from summarizer.track.claims import Claim, YearMonth

FULL = 0.995  # 99.5% of the target counts as reached (rounding in the text)
HALF = 0.5


def before_deadline(pledge: Claim, when: YearMonth) -> bool:
    """Reported before the deadline ended (a year-only date is before a deadline in that year)."""
    if pledge.deadline_end is None:
        return False
    year, month = when
    d_year, d_month = pledge.deadline_end
    return year < d_year or (year == d_year and (month == 0 or month < d_month))


def _short(pledge: Claim, when: YearMonth, ratio: float) -> str:
    if before_deadline(pledge, when):
        return "open"
    return "partly" if ratio >= HALF else "missed"


def status_of(pledge: Claim, report: Claim, article_date: YearMonth) -> tuple[str, float | None]:
    """The report's word on the pledge, and value/target when both are figures in one unit."""
    when = report.time or article_date
    if report.kind == "progress":
        if report.failed:
            return "missed", None
        if report.percent is None:
            return "kept", None
        ratio = report.percent / 100
        return ("kept" if ratio >= FULL else _short(pledge, when, ratio)), ratio
    if report.kind == "restated":
        return ("open" if before_deadline(pledge, article_date) else "missed"), None
    if report.kind == "completion" and (report.value is None or pledge.value is None
                                         or report.value.unit != pledge.value.unit):
        named = [i for i in pledge.items if any(i[k:k + 3] in report.clause.simp for k in range(len(i) - 2))]
        return ("partly" if named and len(named) < len(pledge.items) else "kept"), None
    assert report.value is not None and pledge.value is not None
    target = float(pledge.value.number)
    if not target:
        return "open", None
    ratio = float(report.value.number) / target
    if pledge.value.qualifier in ("at_most", "less_than"):
        met = ratio <= 1
        return ("open" if before_deadline(pledge, when) else ("kept" if met else "missed")), ratio
    return ("kept" if ratio >= FULL else _short(pledge, when, ratio)), ratio
