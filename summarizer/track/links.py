"""Link pledges to their later reports. Reports are compared only with the pledges of the same
place (or body), of earlier articles, in the same unit or event class: never all pairs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from summarizer.track import words as w
from summarizer.track.claims import ArticleClaims, Claim, YearMonth
from summarizer.track.status import status_of

MIN_SCORE = 2  # shared subject bigrams; a shared counted noun (单位, 户) counts 2


@dataclass
class Found:
    pledge: Claim
    report: Claim
    pledge_date: YearMonth
    report_date: YearMonth
    score: int
    shared: list[str]
    status: str = "open"
    ratio: float | None = None


def _contrasting(a: set[str], b: set[str]) -> bool:
    return any((x in a and y in b) or (y in a and x in b) for x, y in w.CONTRASTS)


def _items_hit(pledge: Claim, report: Claim) -> list[str]:
    simp = report.clause.simp
    return [i for i in pledge.items if any(i[k:k + 3] in simp for k in range(len(i) - 2))]


def _value_score(p: Claim, r: Claim) -> int | None:
    if p.value is None or r.value is None or p.value.unit != r.value.unit or p.value.kind != r.value.kind:
        return None
    noun = 2 if p.noun and p.noun == r.noun else 0
    if p.events and not (p.events & r.events) and not noun:
        return None  # 5,314户完工 is not reported by 计划户数26200户
    if p.deadline_end and r.time and r.deadline is not None and r.deadline.year_from \
            and r.deadline.year_from > p.deadline_end[0]:
        return None  # a later year's figure
    return len(p.bigrams & r.bigrams) + noun


def score(p: Claim, r: Claim) -> int | None:
    """How well report `r` names what pledge `p` promised; None when it cannot report it."""
    if _contrasting(p.bigrams, r.bigrams):
        return None
    if r.kind == "value":
        return _value_score(p, r)
    if r.kind in ("completion", "restated"):
        if not p.events & r.events:
            return None
        if r.value is not None and p.value is not None and r.value.unit != p.value.unit:
            return None  # 7处完工 does not report 5,314户
        if r.kind == "restated" and not (p.deadline_end and r.time and r.time[0] == p.deadline_end[0]):
            return None
        return MIN_SCORE + len(p.bigrams & r.bigrams)
    # progress: a statement of the deadline's year on the same subject
    if p.value is None or not (p.deadline_end and r.time and r.time[0] == p.deadline_end[0]):
        return None
    shared = (p.bigrams & r.bigrams) - {"〈目标〉"}
    return MIN_SCORE + len(shared) if shared else None


def _candidates(pledges: list[tuple[Claim, YearMonth]], r: Claim, r_date: YearMonth) -> list[Found]:
    found = []
    for p, p_date in pledges:
        if p.file == r.file or p_date >= r_date or (r.time and r.time < p_date):
            continue
        s = score(p, r)
        if s is not None and s >= MIN_SCORE:
            found.append(Found(p, r, p_date, r_date, s, sorted((p.bigrams & r.bigrams) - {"〈目标〉"})))
    named = [f for f in found if _items_hit(f.pledge, r)]
    if named:  # 屯门青福里…开始入伙 reports the pledge that names 屯门青福, no other
        found = named
    latest = max((f.pledge_date for f in found), default=None)
    return [f for f in found if f.pledge_date == latest]  # the plan as last said before the report


def _pledge_keys(p: Claim) -> set[str]:
    """The groups a pledge is looked up in: its unit, its events, and every pledge with a figure."""
    keys = {f"e:{e}" for e in p.events}
    if p.value is not None:
        keys |= {f"u:{p.value.unit}", "figure"}
    return keys


def _report_keys(r: Claim) -> set[str]:
    if r.kind == "progress":
        return {"figure"}
    keys = {f"e:{e}" for e in r.events} if r.kind in ("completion", "restated") else set()
    return keys | ({f"u:{r.value.unit}"} if r.value is not None else set())


def _family(kind: str) -> str:
    return "event" if kind in ("completion", "restated") else kind


def _rank(f: Found) -> tuple[int, int, int, int]:
    r = f.report
    bounded = r.value is not None and r.value.qualifier in ("more_than", "at_least", "at_most", "less_than")
    return (r.kind == "completion", not bounded, f.score, -r.clause.start)


def link(articles: list[ArticleClaims]) -> list[Found]:
    """Every pledge→report link: one per pledge, report article and kind of report (the best)."""
    index: dict[tuple[str, str], list[tuple[Claim, YearMonth]]] = defaultdict(list)
    for a in articles:
        for p in a.pledges:
            if p.place and a.date:
                for key in _pledge_keys(p):
                    index[(p.place, key)].append((p, a.date))
    best: dict[tuple[int, str, str], Found] = {}
    for a in sorted((a for a in articles if a.date), key=lambda a: a.date or (0, 0)):
        assert a.date is not None
        for r in a.reports:
            pool = {id(p): (p, d) for key in _report_keys(r) for p, d in index.get((r.place or "", key), [])}
            for f in _candidates(list(pool.values()), r, a.date):
                slot = (id(f.pledge), a.file, _family(r.kind))
                if slot not in best or _rank(f) > _rank(best[slot]):
                    best[slot] = f
    return _close_kept(sorted(best.values(), key=lambda f: (f.report_date, f.report.clause.start)))


def _close_kept(found: list[Found]) -> list[Found]:
    """A kept pledge's timeline ends: no report of a later article is linked to it."""
    kept_at: dict[int, YearMonth] = {}
    out = []
    for f in found:
        if id(f.pledge) in kept_at and f.report_date > kept_at[id(f.pledge)]:
            continue
        f.status, f.ratio = status_of(f.pledge, f.report, f.report_date)
        if f.status == "kept":
            kept_at.setdefault(id(f.pledge), f.report_date)
        out.append(f)
    return out
