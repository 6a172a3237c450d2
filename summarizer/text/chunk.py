"""Chinese-aware sentence splitting and chunking with a size budget; loses no text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.config import DEFAULTS

# A sentence ends after 。！？!?；; or …/……, with closing quotes/brackets kept; a newline too.
_CLOSE = r"[”’」』）)】\"']*"
# ... but not a 。 typed for a decimal point between digits (6。9万人次, 34。8亿元: see normalize)
_DECIMAL = (r"(?<=[0-9])。(?=[0-9]{1,2}(?:[万亿萬億%％]|人次|元|件|条|條|个|個|张|張|户|戶|名|人|倍|亩|畝|吨|噸|公里))")
_END = re.compile(rf"(?:(?:(?!{_DECIMAL})[。！？!?；;])+|…{{1,2}}|\.{{3,6}}){_CLOSE}|\n")
_END_FULL = re.compile(rf"(?:(?:(?!{_DECIMAL})[。！？!?])+|…{{1,2}}|\.{{3,6}}){_CLOSE}|\n")
_SOFT = re.compile(r"[，,、：:]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    sentences: tuple[Sentence, ...]


def split_sentences(text: str, max_len: int = 400, semicolons: bool = True) -> list[Sentence]:
    """Sentences covering every non-whitespace character of `text`, in order. With
    `semicolons=False` a sentence runs to 。！？ or a line end (the unit of a commitment)."""
    out: list[Sentence] = []
    pos = 0
    for m in (_END if semicolons else _END_FULL).finditer(text):
        _emit(text, pos, m.end(), out, max_len)
        pos = m.end()
    _emit(text, pos, len(text), out, max_len)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence], max_len: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    # Over-long runs without an end mark are cut at the last soft break inside the budget.
    while end - start > max_len:
        cut = None
        for m in _SOFT.finditer(text, start, start + max_len):
            cut = m.end()
        cut = cut if cut and cut > start else start + max_len
        out.append(Sentence(start, cut, text[start:cut]))
        start = cut
    out.append(Sentence(start, end, text[start:end]))


def make_chunks(text: str, budget: int = DEFAULTS.chunk_chars) -> list[Chunk]:
    """Group whole sentences into chunks of at most `budget` characters, preferring paragraph
    ends as boundaries. Sentences are capped at half the budget, so none is ever split across."""
    sentences = split_sentences(text, max_len=max(50, budget // 2))
    chunks: list[Chunk] = []
    current: list[Sentence] = []
    for sent in sentences:
        if current and sent.end - current[0].start > budget:
            # Cut at the last paragraph end if that keeps at least half the budget.
            cut = len(current)
            for k in range(len(current) - 1, 0, -1):
                if "\n" in text[current[k - 1].end:current[k].start]:
                    if current[k - 1].end - current[0].start >= budget // 2:
                        cut = k
                    break
            chunks.append(_chunk(len(chunks), current[:cut]))
            current = current[cut:]
            if current and sent.end - current[0].start > budget:
                chunks.append(_chunk(len(chunks), current))
                current = []
        current.append(sent)
    if current:
        chunks.append(_chunk(len(chunks), current))
    return chunks


def _chunk(index: int, sentences: list[Sentence]) -> Chunk:
    return Chunk(index, sentences[0].start, sentences[-1].end, tuple(sentences))
