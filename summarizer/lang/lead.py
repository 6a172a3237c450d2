"""The extractive lead: the article's own first sentence(s), the summary when the model gave none
(no model, a chunk it could not answer, or every gist dropped for numbers or people not in the
article). Verbatim: `lead` returns a substring of the original text, in its own characters."""

from __future__ import annotations

import re

from summarizer.lang.lexicon import DATELINE_PATTERNS

SHORTEST, LONGEST, WHOLE = 20, 120, 150

# A sentence end, with the closing quotes or brackets that belong to it.
_END = re.compile(r"[。！？!?][”’」』\"'）)]*")
_CLAUSE = re.compile(r"[，；,;：:]")
# Rules read the simplified view: 報導 is 报导 there, 記者 is 记者.
_META = re.compile(r"(?:发布时间|发布日期|发稿时间|时间|日期|来源|作者|责任编辑|编辑|记者|通讯员)\s*[:：]")
_CAPTION = re.compile(r"图为|资料图|摄于|摄影|供图|图片来源|视觉中国|/视觉")
_BULLET = re.compile(r"[\s\u3000■□●○◆◇▲△★☆·•\-—>]+")
# At the start of the first paragraph: datelines and bylines (the lexicon's), separators.
_PREFIX = re.compile(rf"{'|'.join(DATELINE_PATTERNS)}|[\s\u3000:：，,]+")


def lead(view: str, original: str, title: str | None = None) -> str:
    """The first sentence(s) of the body, cut at a sentence end within LONGEST characters
    (a single first sentence of up to WHOLE is kept whole; a longer one is cut at a clause).
    The headline, date and source lines, bylines, datelines and photo captions are skipped.
    `view` is the simplified view of `original` (same length): rules read it, the lead is
    `original`'s characters. Empty only for an empty text."""
    fallback: tuple[int, int] | None = None
    headline = (title or "").strip()
    pos = 0
    for line in view.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        start = _skip(_BULLET, line, start, view)
        body = view[start:end].rstrip()
        if not body or body == headline:
            continue
        if fallback is None:
            fallback = (start, start + _cut(body))
        if _CAPTION.search(body) or _META.match(body) or not _END.search(body):
            continue
        while (m := _PREFIX.match(view, start, end)) is not None and m.end() > start:
            start = m.end()
        body = view[start:end].rstrip()
        if len(body) >= SHORTEST:
            return original[start:start + _cut(body)]
    return original[fallback[0]:fallback[1]] if fallback else ""


def _skip(pattern: re.Pattern[str], line: str, start: int, view: str) -> int:
    m = pattern.match(view, start, start + len(line))
    return m.end() if m else start


def _cut(body: str) -> int:
    ends = [m.end() for m in _END.finditer(body)]
    within = [e for e in ends if e <= LONGEST]
    if within:
        return within[-1]
    if ends and ends[0] <= WHOLE:
        return ends[0]
    clauses = [m.start() for m in _CLAUSE.finditer(body, 0, LONGEST) if m.start() > 0]
    return clauses[-1] if clauses else min(len(body), LONGEST)
