"""Pledges and reports of one article, clause by clause, from its `summarizer extract` output.

A pledge is a clause of a commitment (or a clause holding a target figure) that says what is to
be reached (a value) or to happen (入伙, 完工 ...) in the future. A report is a clause with a
figure, a progress statement (完成目标的X%, 超额/提前/全面完成), a completed event (已…入伙) or the
plan said again (预计于…完工). Values and periods come from `summarizer.lang.values`."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.lang.values import Period, Value, find_periods, find_values
from summarizer.models import ArticleResult
from summarizer.text.chunk import Sentence, split_sentences
from summarizer.text.hanzi import simplified_view
from summarizer.track import words as w
from summarizer.track.places import NATIONAL, home_place, places_in

LOCAL_SELF = re.compile(r"[我本全][市省区县]")

_CLAUSE_END = re.compile(r"[，；;：:]|(?<!\d),|,(?!\d{3}(?!\d))")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[-_.](0?[1-9]|1[0-2]))?(?!\d)")
_BOUNDS = {"more_than": "at_least", "at_least": "at_least", "reached": "at_least",
           "at_most": "at_most", "less_than": "at_most"}
YearMonth = tuple[int, int]  # month 0: only the year is known


@dataclass
class Clause:
    start: int
    end: int
    sentence: Sentence
    simp: str
    values: list[Value]  # offsets into the clause
    periods: list[Period]


@dataclass
class Claim:
    """A pledge or a report: one clause, with what tracking compares."""

    file: str
    clause: Clause
    place: str | None
    bigrams: set[str]
    value: Value | None = None
    noun: str = ""
    events: set[str] = field(default_factory=set)
    items: list[str] = field(default_factory=list)
    deadline: Period | None = None
    deadline_end: YearMonth | None = None
    kind: str = ""  # reports: value | progress | completion | restated
    percent: float | None = None
    failed: bool = False
    time: YearMonth | None = None
    extra: list[Clause] = field(default_factory=list)  # the same pledge said again


@dataclass
class ArticleClaims:
    file: str
    date: YearMonth | None
    place: str | None
    pledges: list[Claim]
    reports: list[Claim]


def article_date(result: ArticleResult) -> YearMonth | None:
    """Its source date; else a year (and month) in its file name (p15_…_2024.txt, qd_2022_07.txt)."""
    if result.source.date and (m := re.match(r"(\d{4})(?:-(\d{1,2}))?", result.source.date)):
        return int(m.group(1)), int(m.group(2) or 0)
    years = _FILE_YEAR.findall(Path(result.source.file).name)
    return (int(years[-1][0]), int(years[-1][1] or 0)) if years else None


def iso(ym: YearMonth | None) -> str | None:
    if ym is None:
        return None
    return f"{ym[0]:04d}" if ym[1] == 0 else f"{ym[0]:04d}-{ym[1]:02d}"


def clauses_of(text: str, simp: str, year: int | None) -> list[Clause]:
    out = []
    for s in split_sentences(text, semicolons=False):
        lo = s.start
        cuts = [m.end() for m in _CLAUSE_END.finditer(text, s.start, s.end)] + [s.end]
        for hi in cuts:
            if hi > lo:
                part = text[lo:hi]
                periods = [p for p in find_periods(part, year) if p.surface != "全年"]  # read by _deadline
                out.append(Clause(lo, hi, s, simp[lo:hi], find_values(part), periods))
            lo = hi
    return out


def content_bigrams(simp: str, clause: Clause | None = None) -> set[str]:
    """Two-character windows of the words that say what is counted: values, periods, places and
    words in `words.STOP` removed; a target word (目标数, 计划户数) becomes one mark, 〈目标〉."""
    s = simp
    if clause is not None:
        chars = list(s)
        for lo, hi in [(v.start, v.end) for v in clause.values] + [(q.start, q.end) for q in clause.periods]:
            chars[lo:hi] = " " * (hi - lo)
        s = "".join(chars)
    marked = bool(w.TARGET_MARKER.search(s))
    s = w.TARGET_MARKER.sub(" ", s)
    for place in set(places_in(s)):
        s = s.replace(place, " ")
    s = w.STOP.sub(" ", s)
    grams = {a + b for run in re.findall(r"[\u4e00-\u9fff]+", s) for a, b in itertools.pairwise(run)}
    return grams | ({"〈目标〉"} if marked else set())


def _noun_after(clause: Clause, v: Value) -> str:
    m = re.match(r"的?([\u4e00-\u9fff]{2})", clause.simp[v.end - 0:])
    return m.group(1) if m and not w.STOP.match(m.group(1)) else ""


def _end_of(p: Period) -> YearMonth | None:
    """When a period ends; 目前/截至 without a month is the article's moment (month unknown)."""
    if not p.year_to:
        return None
    return p.year_to, p.month_to or (0 if p.kind == "as_of" else 12)


def _deadline(clause: Clause, year: int | None, date: YearMonth) -> Period | None:
    """The clause's latest period that has not ended before the article; 全年 is the article's year."""
    ends = [p for p in clause.periods if p.kind != "as_of" and (e := _end_of(p)) and e >= date]
    if ends:
        return max(ends, key=lambda p: _end_of(p) or (0, 0))
    if "全年" in clause.simp and year:
        return Period(clause.simp.index("全年"), clause.simp.index("全年") + 2, "全年", "year",
                      year, year, 1, 12, False)
    return None


def _items(clause: Clause, text: str) -> list[str]:
    """Named sites after 分别为/包括 in the rest of the sentence, and X项目 in the clause."""
    simp_rest = clause.simp + simplified_view(text[clause.end:clause.sentence.end])
    found = [m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{2,6})项目", clause.simp)]
    if m := w.ITEM_LIST.search(simp_rest):
        found += w.ITEM_SPLIT.split(simp_rest[m.end():].rstrip("。"))
    items = [w.ITEM_NOISE.sub("", x).strip() for x in found]
    return [x for x in dict.fromkeys(items) if len(x) >= 3 and not w.EVENT_WORD.search(x)]


def _subject(clause: Clause, before: list[Clause]) -> set[str]:
    """Content bigrams of the clause, and of the clauses before it in its sentence while it has
    fewer than two (全年目标任务1100万人 is said of the 城镇新增就业 before it)."""
    grams = content_bigrams(clause.simp, clause)
    for prev in reversed(before):
        if len(grams - {"〈目标〉"}) >= 2:
            break
        grams |= content_bigrams(prev.simp, prev)
    return grams


def _metric_spans(result: ArticleResult) -> list[tuple[int, int]]:
    return [tuple(m.span) for m in result.metrics if m.status in ("verified", "normalized")]  # type: ignore[misc]


def _target_spans(result: ArticleResult) -> list[tuple[int, int]]:
    """Where each commitment's target is written (its first occurrence in the commitment)."""
    out = []
    for c in result.commitments:
        if c.target and (at := c.quote.find(c.target)) >= 0:
            out.append((c.span[0] + at, c.span[0] + at + len(c.target)))
    return out


def _inside(spans: list[tuple[int, int]], c: Clause) -> bool:
    return any(s < c.end and c.start < e for s, e in spans)


def _pledge(c: Clause, before: list[Clause], ctx: _Context) -> Claim | None:
    if c.start < ctx.title_end:
        return None
    ahead = bool(w.FUTURE.search(c.simp)) or any(
        p.kind == "deadline" and (_end_of(p) or (0, 0)) >= ctx.date for p in c.periods)
    committed = _inside(ctx.commitments, c) or (_inside(ctx.metrics, c) and ahead)
    if not committed or w.PAST_TARGET.search(c.simp):
        return None
    marker = bool(w.TARGET_MARKER.search(c.simp))
    events = {w.EVENT_CLASS[m.group()] for m in w.EVENT_WORD.finditer(c.simp)}
    value = next((v for v in c.values if v.kind in ("count", "percent")
                  and _inside(ctx.metrics + ctx.commitments_targets, _shifted(c, v))), None)
    done = events and any(w.DONE.search(c.simp[: m.start()]) for m in w.EVENT_WORD.finditer(c.simp))
    if (done and not marker) or not (value or events) or not (ahead or marker):
        return None
    deadline = _deadline(c, ctx.year, ctx.date)
    for prev in reversed(before):  # 最快将于明年第一季度落成，届时将提供2,100个单位
        if deadline is None and (deadline := _deadline(prev, ctx.year, ctx.date)) is not None:
            events |= {w.EVENT_CLASS[m.group()] for m in w.EVENT_WORD.finditer(prev.simp)}
    if any(p.year_to and _end_of(p) and (_end_of(p) or (0, 0)) < ctx.date for p in c.periods) and not deadline:
        return None  # a target of the past (较109年8月原计画目标)
    claim = Claim(ctx.file, c, ctx.place_of(c), _subject(c, before), value,
                  _noun_after(c, value) if value else "", events, _items(c, ctx.text), deadline,
                  _end_of(deadline) if deadline else None)
    return claim


@dataclass
class _Context:
    file: str
    text: str
    year: int | None
    date: YearMonth
    place: str | None
    commitments: list[tuple[int, int]]
    metrics: list[tuple[int, int]]
    commitments_targets: list[tuple[int, int]]
    title_end: int

    def place_of(self, c: Clause) -> str | None:
        named = set(places_in(c.simp))
        place = named.pop() if len(named) == 1 else self.place
        if place == NATIONAL and LOCAL_SELF.search(c.simp):
            return None  # 我市将新增城镇就业6.5万人 is no national figure
        return place


def _report(c: Clause, before: list[Clause], ctx: _Context) -> Claim | None:
    if c.start < ctx.title_end:
        return None  # a headline restates the body
    claim = Claim(ctx.file, c, ctx.place_of(c), _subject(c, before))
    claim.events = {w.EVENT_CLASS[m.group()] for m in w.EVENT_WORD.finditer(c.simp)}
    if m := w.PROGRESS_PERCENT.search(c.simp):
        claim.kind, claim.percent = "progress", float(m.group(1))
    elif w.FORECAST_ONLY.search(c.simp):
        return None  # 有望提前超额完成: a forecast, not a report
    elif w.PROGRESS_DONE.search(c.simp) or w.PROGRESS_FAILED.search(c.simp):
        claim.kind, claim.failed = "progress", bool(w.PROGRESS_FAILED.search(c.simp))
    elif claim.events and any(w.DONE.search(c.simp[: m.start()]) for m in w.EVENT_WORD.finditer(c.simp)):
        claim.kind = "completion"
    elif claim.events and w.FORECAST.search(c.simp) and c.periods:
        claim.kind = "restated"
    value = next((v for v in c.values if v.kind in ("count", "percent")
                  and _inside(ctx.metrics, _shifted(c, v))), None)
    future = w.AHEAD.search(c.simp) or any((_end_of(p) or (0, 0)) > ctx.date for p in c.periods
                                            if p.kind != "as_of" and p.month_to)
    if value is not None and claim.kind != "progress" and not (future and not claim.kind):
        claim.value, claim.noun = value, _noun_after(c, value)
        claim.kind = claim.kind or "value"
    if not claim.kind:
        return None
    periods = [p for x in (*before, c) for p in x.periods] if claim.kind == "progress" else c.periods
    ends = [e for p in periods if (e := _end_of(p))]
    claim.time = max(ends) if ends else ctx.date
    claim.deadline = periods[-1] if periods else None
    return claim


def _shifted(c: Clause, v: Value) -> Clause:
    """The value's own span, as a clause-shaped range in article offsets."""
    return Clause(c.start + v.start, c.start + v.end, c.sentence, "", [], [])


def _merge(pledges: list[Claim]) -> list[Claim]:
    """One pledge per target and deadline: the same one said twice in an article is one, and a
    clause that only names when (…将于明年落成) joins the figure said right after it."""
    out: list[Claim] = []
    for p in pledges:
        prev = out[-1] if out else None
        if (prev and prev.value is None and p.value is not None and prev.clause.sentence == p.clause.sentence
                and prev.deadline_end == p.deadline_end):
            p.events |= prev.events
            p.items = list(dict.fromkeys(prev.items + p.items))
            p.extra.append(prev.clause)
            out[-1] = p
            continue
        same = next((q for q in out if q.value is not None and p.value is not None
                     and q.value.number == p.value.number and q.value.unit == p.value.unit
                     and q.deadline_end == p.deadline_end), None)
        if same is None:
            out.append(p)
            continue
        same.events |= p.events
        same.items = list(dict.fromkeys(same.items + p.items))
        same.bigrams |= p.bigrams
        same.extra.append(p.clause)
    return out


def article_claims(result: ArticleResult) -> ArticleClaims:
    """The pledges and reports of one article; none when it cannot be dated."""
    date = article_date(result)
    text = result.text
    simp = simplified_view(text)
    orgs = [simplified_view(o.organization) for o in result.officials if o.organization]
    place = home_place(simplified_view(result.source.title or ""), simp, orgs)
    if date is None:
        return ArticleClaims(result.source.file, None, place, [], [])
    title = result.source.title
    title_end = text.find("\n") if title and text.startswith(title[:8]) else 0
    ok = ("verified", "normalized")
    ctx = _Context(result.source.file, text, date[0], date, place,
                   [tuple(c.span) for c in result.commitments if c.status in ok],  # type: ignore[misc]
                   _metric_spans(result), _target_spans(result), max(title_end, 0))
    pledges: list[Claim] = []
    reports: list[Claim] = []
    clauses = clauses_of(text, simp, date[0])
    for i, c in enumerate(clauses):
        before = [b for b in clauses[max(0, i - 3):i] if b.sentence == c.sentence]
        if (p := _pledge(c, before, ctx)) is not None:
            pledges.append(p)
        if (r := _report(c, before, ctx)) is not None:
            reports.append(r)
    return ArticleClaims(result.source.file, date, place, _merge(pledges), reports)
