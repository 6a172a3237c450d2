"""A simplified-character view of an article, character for character (same length), so that
rules written for simplified text work on traditional text and offsets stay valid."""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter(config: str = "t2s") -> opencc.OpenCC:
    return opencc.OpenCC(config)


def is_traditional(original: str, simplified: str, share: float = 0.05) -> bool:
    """Written in traditional characters: more than `share` of its Han characters differ in the
    simplified view (a stray variant in a simplified article is not enough)."""
    han = sum(1 for ch in original if "\u4e00" <= ch <= "\u9fff")
    changed = sum(1 for a, b in zip(original, simplified, strict=True) if a != b)
    return han > 0 and changed > share * han


def to_traditional(text: str) -> str:
    """For text the tool writes itself (the summary) about a traditional-character article."""
    return str(_converter("s2t").convert(text))


def simplified_view(text: str) -> str:
    """`text` in simplified characters with `len(result) == len(text)`, position by position."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:  # a phrase rule changed the length: fall back to one character at a time
        one = _converter().convert(ch)
        out.append(one if len(one) == 1 else ch)
    return "".join(out)
