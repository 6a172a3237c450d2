"""`pledge_links` and `people` tables of a `Tracking`, for `summarizer export`."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from summarizer.tracking import Tracking

LINK_COLUMNS = ("pledge_id", "pledge_file", "pledge_place", "pledge_quote", "pledge_span_start",
                "pledge_span_end", "target", "deadline", "deadline_end", "kind", "status", "report_file",
                "report_date", "report_quote", "report_span_start", "report_span_end", "value_text",
                "period", "ratio", "stated_percent", "ratio_agrees", "why_subject", "why_unit", "why_period")
PEOPLE_COLUMNS = ("name", "organization", "place", "titles", "files", "first_date", "last_date", "mentions")


def link_rows(t: Tracking) -> list[dict[str, Any]]:
    out = []
    for tl in t.timelines:
        p, q = tl.pledge, tl.pledge.quotes[0]
        for x in tl.links:
            out.append({
                "pledge_id": p.id, "pledge_file": p.file, "pledge_place": p.place, "pledge_quote": q.quote,
                "pledge_span_start": q.span[0], "pledge_span_end": q.span[1], "target": p.target,
                "deadline": p.deadline, "deadline_end": p.deadline_end, "kind": x.kind, "status": x.status,
                "report_file": x.report.file, "report_date": x.date, "report_quote": x.report.quote,
                "report_span_start": x.report.span[0], "report_span_end": x.report.span[1],
                "value_text": x.value_text, "period": x.period, "ratio": x.ratio,
                "stated_percent": x.stated_percent, "ratio_agrees": x.ratio_agrees,
                "why_subject": x.why.subject, "why_unit": x.why.unit, "why_period": x.why.period})
    return out


def people_rows(t: Tracking) -> list[dict[str, Any]]:
    return [{"name": p.name, "organization": p.organization, "place": p.place, "titles": "；".join(p.titles),
             "files": "；".join(p.files), "first_date": p.first_date, "last_date": p.last_date,
             "mentions": len(p.mentions)} for p in t.people]


def as_csv(columns: tuple[str, ...], rows: list[dict[str, Any]], bom: bool = True) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r[c] is None else r[c] for c in columns])
    return ("\ufeff" if bom else "") + buf.getvalue()


def as_jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
