"""Ground: find model-provided strings in the article and give every item exact offsets.

`locate` tries an exact match, then a match on folded text (full-width, curly quotes,
traditional number characters: one-to-one, so offsets survive), then a fuzzy window.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz

from summarizer.lang.values import fold
from summarizer.models import Status

# Models rewrite “” as ‘’ or 「」: compare all quote marks as one (still one-to-one).
_QUOTES = str.maketrans({"'": '"', "「": '"', "」": '"', "『": '"', "』": '"'})


def match_fold(text: str) -> str:
    """`text` folded for matching a model's string (one-to-one: offsets stay valid)."""
    return fold(text).translate(_QUOTES)


@dataclass(frozen=True)
class Located:
    start: int
    end: int
    status: Status  # verified (exact) | normalized (after folding or fuzzy)


def locate(needle: str, text: str, near: int | None = None, window: int = 400,
           min_score: float = 90.0) -> Located | None:
    """Offsets of `needle` in `text` (closest to `near` when given), or None."""
    needle = needle.strip()
    if not needle:
        return None
    lo, hi = (0, len(text)) if near is None else (max(0, near - window), min(len(text), near + window))
    hit = _closest(text, needle, lo, hi, near)
    if hit is not None:
        return Located(hit, hit + len(needle), "verified")
    folded_text, folded_needle = match_fold(text), match_fold(needle)
    hit = _closest(folded_text, folded_needle, lo, hi, near)
    if hit is not None:
        return Located(hit, hit + len(needle), "normalized")
    if len(needle) < 4:
        return None
    scope = folded_text[lo:hi]
    align = fuzz.partial_ratio_alignment(folded_needle, scope, score_cutoff=min_score)
    if align is None:
        return None
    # Exact edges from difflib's matching blocks inside the window found by rapidfuzz.
    start, end = lo + align.dest_start, lo + align.dest_end
    blocks = [b for b in difflib.SequenceMatcher(None, folded_needle, folded_text[start:end],
                                                 autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    return Located(start + blocks[0].b, start + blocks[-1].b + blocks[-1].size, "normalized")


def _closest(text: str, needle: str, lo: int, hi: int, near: int | None) -> int | None:
    hits, pos = [], text.find(needle, lo, hi)
    while pos != -1:
        hits.append(pos)
        pos = text.find(needle, pos + 1, hi)
    if not hits:
        return None
    return hits[0] if near is None else min(hits, key=lambda p: abs(p - near))


def span_ok(text: str, span: tuple[int, int], quote: str) -> bool:
    return 0 <= span[0] <= span[1] <= len(text) and text[span[0]:span[1]] == quote
