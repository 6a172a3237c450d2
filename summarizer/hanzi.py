"""A simplified-character view of an article, character for character (same length), so that
rules written for simplified text work on traditional text and offsets stay valid."""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


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
