"""The briefing's first part: each fact's sentence printed once, grouped by sector and place,
with a rule for which sentences are key (shown first) and which wait behind a click.

A *said* is a sentence of an article (or a run of sentences, when a fact spans several) with
the commitments and figures in it. Officials are listed apart (who said it).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from summarizer.models import Commitment, Metric
from summarizer.outputs.brief.model import SECTORS, Article, Brief, Fact, OfficialEntry, deadline_year
from summarizer.text.chunk import split_sentences
from summarizer.tracking import Tracking

# The key rule. A promise sentence scores 2 when a target figure is written in it and 1 when a
# deadline is (a deadline carried over from an earlier sentence does not count: the reader must
# see it in the sentence); a report sentence scores 2 when one of its figures has a period and a
# unit, plus 1 when it has a second figure. Only sentences that score are key, best first, then
# by deadline and text order; per sector and place at most KEY_PER_PLACE, per sector at most
# KEY_PER_SECTOR, taken round-robin over places so that every place shows its best before any
# place shows a second. Everything else is in the full lists, one click away.
KEY_PER_PLACE = 2
KEY_PER_SECTOR = 6
KEY_OFFICIALS = 12
NO_PLACE = ""


@dataclass(frozen=True)
class Said:
    article: Article
    start: int
    end: int
    facts: list[Fact]
    place: str
    tracked: bool
    """Its sentence is printed in the 承诺追踪 section already: the lists show only its facts."""

    @property
    def text(self) -> str:
        return self.article.result.text[self.start : self.end]

    @property
    def promise(self) -> bool:
        return any(isinstance(f.item, Commitment) or _target(f) for f in self.facts)

    @property
    def sector(self) -> str:
        first = [f for f in self.facts if f.kind == "commitment"] or self.facts
        return first[0].sector

    @property
    def kind(self) -> str:
        return "commitment" if self.promise else "metric"

    @property
    def score(self) -> int:
        if self.promise:
            target = any(_written(self, _target_text(f)) for f in self.facts)
            deadline = any(isinstance(f.item, Commitment) and _written(self, f.item.deadline) for f in self.facts)
            return 2 * target + deadline
        full = [f for f in self.facts if isinstance(f.item, Metric) and f.item.unit and _has_period(f.item)]
        return 2 * bool(full) + (len(self.facts) > 1) if full else 0

    @property
    def year(self) -> int:
        years = [y for f in self.facts if isinstance(f.item, Commitment) and (y := deadline_year(f.item))]
        return min(years, default=9999)


def _target(f: Fact) -> bool:
    return isinstance(f.item, Metric) and f.item.role == "target"


def _target_text(f: Fact) -> str | None:
    if isinstance(f.item, Commitment):
        return f.item.target
    return f.item.value_text if _target(f) and isinstance(f.item, Metric) else None


def _written(s: Said, words: str | None) -> bool:
    return bool(words) and words in s.text  # type: ignore[operator]


def _has_period(m: Metric) -> bool:
    return bool(m.period or m.period_start or m.period_end)


@dataclass(frozen=True)
class Group:
    sector: str
    place: str
    key: list[Said]
    rest: list[Said]


@dataclass(frozen=True)
class Digest:
    promised: list[Group]
    reported: list[Group]
    tracked: list[Said]
    officials: list[OfficialEntry]
    more_officials: list[OfficialEntry] = field(default_factory=list)

    def key(self, part: list[Group]) -> int:
        return sum(len(g.key) for g in part)

    def rest(self, part: list[Group]) -> int:
        return sum(len(g.rest) for g in part)


def places(tracking: Tracking | None) -> dict[str, str]:
    """Article file → its place, as the tracking found it (none without tracking)."""
    return {a.file: a.place or NO_PLACE for a in tracking.articles} if tracking else {}


def tracked_ranges(tracking: Tracking | None) -> dict[str, list[tuple[int, int]]]:
    """Per article file, the sentences the 承诺追踪 section prints (pledges and reports)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for tl in tracking.timelines if tracking else []:
        if tl.links:
            for q in [tl.pledge.quotes[0], *(x.report for x in tl.links)]:
                out.setdefault(q.file, []).append(tuple(q.sentence))  # type: ignore[arg-type]
    return out


def sayings(b: Brief, tracking: Tracking | None = None) -> list[Said]:
    """The sentences holding a commitment or a figure, each once, in article and text order."""
    where, shown = places(tracking), tracked_ranges(tracking)
    out: list[Said] = []
    for a in b.articles:
        facts = [f for f in b.facts if f.article is a and f.kind != "official"]
        sentences = split_sentences(a.result.text, semicolons=False)
        starts = [s.start for s in sentences]
        ranges = sorted(((_index(starts, f.span[0]), _index(starts, max(f.span[0], f.span[1] - 1)), f)
                         for f in facts), key=lambda r: (r[0], r[1], r[2].order))
        merged: list[tuple[int, int, list[Fact]]] = []
        for lo, hi, f in ranges:
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]), [*merged[-1][2], f])
            else:
                merged.append((lo, hi, [f]))
        for lo, hi, fs in merged:
            s, e = sentences[lo].start, sentences[hi].end
            seen = any(s < te and ts < e for ts, te in shown.get(a.result.source.file, []))
            out.append(Said(a, s, e, fs, where.get(a.result.source.file, NO_PLACE), seen))
    return out


def _index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _groups(said: list[Said]) -> list[Group]:
    """Per sector (fixed order) and place (first seen): the key sentences and the rest."""
    groups: list[Group] = []
    for sector in SECTORS:
        mine = [s for s in said if s.sector == sector]
        order = list(dict.fromkeys(s.place for s in mine))
        ranked = {p: sorted((s for s in mine if s.place == p and s.score),
                            key=lambda s: (-s.score, s.year, s.article.index, s.start)) for p in order}
        chosen: set[int] = set()
        for rank in range(KEY_PER_PLACE):
            for p in order:
                if len(chosen) < KEY_PER_SECTOR and rank < len(ranked[p]):
                    chosen.add(id(ranked[p][rank]))
        for p in order:
            here = [s for s in mine if s.place == p]
            key = [s for s in ranked[p] if id(s) in chosen]
            groups.append(Group(sector, p, key, [s for s in here if id(s) not in chosen]))
    return groups


def digest(b: Brief, tracking: Tracking | None = None) -> Digest:
    said = sayings(b, tracking)
    listed = [s for s in said if not s.tracked]
    people = sorted(b.officials(), key=lambda e: (not e.titles, -len(e.facts), e.facts[0].order))
    return Digest(
        promised=_groups([s for s in listed if s.promise]),
        reported=_groups([s for s in listed if not s.promise]),
        tracked=[s for s in said if s.tracked],
        officials=people[:KEY_OFFICIALS],
        more_officials=people[KEY_OFFICIALS:],
    )
