"""Score a `Tracking` against a series file (`../shared/dev/series.json`): link recall and
precision, status accuracy on the found links, and links across places."""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from summarizer.tracking import PledgeLink, Quote, Tracking

OVERLAP = 6  # characters a keyword and a quote must share (all of the shorter one when shorter)


@dataclass(frozen=True)
class SeriesScore:
    gold: int
    found: int
    matched_gold: int
    correct_found: int
    status_right: int
    cross_place: int
    misses: list[str]
    extra: list[str]
    wrong_status: list[str]

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct_found / self.found if self.found else 1.0


def _stem(file: str) -> str:
    return Path(file).stem


def _says(q: Quote, file: str, keyword: str) -> bool:
    if _stem(q.file) != file:
        return False
    m = SequenceMatcher(None, q.quote, keyword, autojunk=False).find_longest_match()
    return m.size >= min(OVERLAP, len(keyword), len(q.quote))


def score_series(tracking: Tracking, series: list[dict], files: set[str] | None = None) -> SeriesScore:
    """`files`: only the links among these article stems are scored (default: the series' own)."""
    gold = [g for s in series for g in s["links"]]
    files = files or {g[k]["file"] for g in gold for k in ("pledge", "report")}
    pledges = {t.pledge.id: t.pledge for t in tracking.timelines}
    found = [x for x in tracking.links if _stem(x.report.file) in files and _stem(pledges[x.pledge_id].file) in files]

    def hits(link: PledgeLink, g: dict) -> bool:
        p = pledges[link.pledge_id]
        return (any(_says(q, g["pledge"]["file"], g["pledge"]["keyword"]) for q in p.quotes)
                and _says(link.report, g["report"]["file"], g["report"]["keyword"]))

    matched = [g for g in gold if any(hits(x, g) for x in found)]
    correct = [x for x in found if any(hits(x, g) for g in gold)]
    wrong = [f"{pledges[x.pledge_id].quotes[0].quote} → {x.report.quote}: {x.status}, gold {g['status']}"
             for x in correct for g in gold if hits(x, g) and x.status != g["status"]]
    cross = [x for x in tracking.links if pledges[x.pledge_id].place != x.why.place]
    return SeriesScore(
        gold=len(gold), found=len(found), matched_gold=len(matched), correct_found=len(correct),
        status_right=len(correct) - len(wrong), cross_place=len(cross),
        misses=[f"{g['pledge']['keyword']} → {g['report']['keyword']}" for g in gold if g not in matched],
        extra=[f"{pledges[x.pledge_id].quotes[0].quote} → {x.report.quote}" for x in found if x not in correct],
        wrong_status=wrong)


def load_series(path: Path) -> list[dict]:
    return list(json.loads(path.read_text(encoding="utf-8")))
