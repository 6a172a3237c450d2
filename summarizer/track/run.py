"""`track`: article outputs in, a `Tracking` (timelines, links, people) out."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from summarizer.models import ArticleResult
from summarizer.text.hanzi import simplified_view
from summarizer.track.claims import ArticleClaims, Claim, article_claims, iso
from summarizer.track.links import Found, link
from summarizer.track.people import person_index
from summarizer.tracking import ArticleInfo, Match, Pledge, PledgeLink, Quote, Timeline, TrackError, Tracking


def read_outputs(paths: list[Path]) -> tuple[list[ArticleResult], list[TrackError]]:
    """Every `*.json` of the given files and directories; a file that is not an ArticleResult is
    an error naming it, and the rest are read."""
    files = [f for p in paths for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
    results, errors = [], []
    for f in files:
        try:
            results.append(ArticleResult.model_validate(json.loads(f.read_text(encoding="utf-8"))))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or "<root>"
            errors.append(TrackError(file=str(f), problem=f"not an ArticleResult: {where}: {first['msg']}"))
        except (OSError, ValueError) as exc:
            errors.append(TrackError(file=str(f), problem=f"cannot read: {exc}"))
    return results, errors


def _resolve_places(results: list[ArticleResult], claims: list[ArticleClaims]) -> None:
    """An article that names no place takes the place of an article sharing an official (same
    name and body): 房屋局局长何永贤 is of 香港 when another article says 香港房屋局局长何永贤."""
    known: dict[tuple[str, str], str] = {}
    for r, a in zip(results, claims, strict=True):
        for o in r.officials:
            if a.place and o.organization:
                known.setdefault(_official_key(o.name, o.organization), a.place)
    for r, a in zip(results, claims, strict=True):
        if a.place is None:
            found = {known[k] for o in r.officials if o.organization
                     and (k := _official_key(o.name, o.organization)) in known}
            if len(found) == 1:
                a.place = found.pop()
                for c in (*a.pledges, *a.reports):
                    c.place = c.place or a.place


def _official_key(name: str, organization: str) -> tuple[str, str]:
    from summarizer.track.people import _org_key

    return simplified_view(name), _org_key(organization) or ""


def _quote(text: str, file: str, start: int, end: int, sentence: tuple[int, int]) -> Quote:
    while end > start and text[end - 1] in "，,；;：:。":
        end -= 1
    return Quote(file=file, span=(start, end), quote=text[start:end], sentence=sentence)


def _pledge(c: Claim, text: str, date: str | None, n: int) -> Pledge:
    quotes = [_quote(text, c.file, x.start, x.end, (x.sentence.start, x.sentence.end))
              for x in (c.clause, *c.extra)]
    v = c.value
    return Pledge(
        id=f"{Path(c.file).stem}#{n}", file=c.file, date=date, place=c.place,
        subject=quotes[0].quote,
        quotes=quotes, target=v.surface if v else None, target_value=float(v.number) if v else None,
        unit=v.unit if v else None, bound="at_most" if v and v.qualifier in ("at_most", "less_than") else "at_least",
        deadline=c.deadline.surface if c.deadline else None, deadline_end=iso(c.deadline_end),
        events=sorted(c.events), items=c.items)


def _link(f: Found, pledge_id: str, text: str) -> PledgeLink:
    r, v = f.report, f.report.value
    percent = r.percent
    agrees = None if percent is None or f.ratio is None else abs(percent / 100 - f.ratio) <= 0.005
    deadline = iso(f.pledge.deadline_end) or "无期限"
    return PledgeLink(
        pledge_id=pledge_id, kind=r.kind, date=iso(r.time or f.report_date),  # type: ignore[arg-type]
        report=_quote(text, r.file, r.clause.start, r.clause.end, (r.clause.sentence.start, r.clause.sentence.end)),
        value_text=v.surface if v else None, value=float(v.number) if v else None,
        period=r.deadline.surface if r.deadline else None, ratio=f.ratio, stated_percent=percent,
        ratio_agrees=agrees, status=f.status,  # type: ignore[arg-type]
        why=Match(place=f.pledge.place or "",
                  subject="、".join(f.shared) or "、".join(sorted(f.pledge.events & r.events)),
                  unit=v.unit if v else None, period=f"报告于 {iso(r.time or f.report_date)}，期限 {deadline}"))


def _overall(links: list[PledgeLink]) -> str:
    if any(x.status == "kept" for x in links):
        return "kept"
    return links[-1].status if links else "open"


def track(results: list[ArticleResult], errors: list[TrackError] | None = None) -> Tracking:
    results = [r for r in results if not r.failed]
    claims = [article_claims(r) for r in results]
    _resolve_places(results, claims)
    texts = {r.source.file: r.text for r in results}
    found = link(claims)
    timelines: list[Timeline] = []
    for a in claims:
        for n, c in enumerate(a.pledges, 1):
            p = _pledge(c, texts[a.file], iso(a.date), n)
            links = [_link(f, p.id, texts[f.report.file]) for f in found if f.pledge is c]
            timelines.append(Timeline(pledge=p, links=links, status=_overall(links)))  # type: ignore[arg-type]
    info = [ArticleInfo(file=a.file, date=iso(a.date), place=a.place, pledges=len(a.pledges),
                        reports=len(a.reports)) for a in claims]
    people = person_index(results, {a.file: a.place for a in claims})
    return Tracking(articles=info, timelines=timelines, people=people, errors=errors or [])
