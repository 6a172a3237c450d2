"""Subjects and periods of metrics: what each value counts, and when.

Rules read the simplified view of the article (`hanzi.simplified_view`); offsets are shared with
the original, and a subject is cut from the text so that it can be given back as written.
"""

from __future__ import annotations

import re

from summarizer.chunk import Sentence
from summarizer.normalize import Period, Value

_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
_LEAD = re.compile(
    r"^(?:其中|同时|此外|另外|目前|截至目前|截至\S{0,6}?[底末]|今年以来|今年|去年|全年|"
    r"\d{4}年(?:度)?|\d{1,2}[-—至]\d{1,2}月|[一二三四]季度|上半年|下半年|"
    r"全市|全区|全县|全省|我市|我区|我县|我省|本市|年内|明年|共有|现有|拥有|已有|建有|共|累计为|在|为|对|将|已|已经|确保|力争|争取|预计|计划|要)+"
)
_TRAIL = re.compile(
    r"(?:达到|达|为|是|约|共|累计|超过|超|近|突破|分别|分别为|实现|保持在|稳定在|巩固在|控制在|占"
    r"|(?:提高|提升|增加|增长|下降|降低|减少|上升|扩大|缩小|降)(?:到|至))+$"
)
_RELATIVE = re.compile(r"^(?:同比|较|比|环比|较去年|较上年)")
_ORG_NAME = r"(?:市|区|县|省)[\u4e00-\u9fff]{0,14}?(?:局|委|厅|办|部门|政府|中心|机关)"
# an organisation that opens a metric's clause (「市财政局将安排资金5亿元」) is not what is counted
_ORG_LEAD = re.compile(rf"^{_ORG_NAME}(?:将|要|还将|计划|拟)")



def metric_subject(text: str, sentence: Sentence, value: Value, values: tuple[Value, ...]) -> tuple[str, int]:
    """The counted thing: the clause before the value (after any earlier value), else after it."""
    start = sentence.start
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, value.start):
        start = m.end()
    for v in values:
        if start <= v.start and v.end <= value.start:
            start = v.end
    raw = _ORG_LEAD.sub("", text[start:value.start].strip())
    lead = _LEAD.match(raw)
    subject = raw[lead.end():] if lead else raw
    subject = _TRAIL.sub("", subject).strip(" “”\"")
    if len(subject) < 2:
        after = _CLAUSE_BREAK.search(text, value.end, sentence.end)
        tail_end = after.start() if after else sentence.end
        nxt = [v.start for v in values if value.end <= v.start < tail_end]
        subject = text[value.end:min([tail_end, *nxt])].strip()[:20]
    if _RELATIVE.match(subject):
        prev_break = start - 1
        prev_start = sentence.start
        for m in _CLAUSE_BREAK.finditer(text, sentence.start, max(sentence.start, prev_break)):
            prev_start = m.end()
        # the clause before names what changed: up to its own value (「失业率控制在1.8%以内」)
        cut = min([v.start for v in values if prev_start <= v.start < prev_break], default=prev_break)
        prev = _TRAIL.sub("", text[prev_start:cut].strip())
        lead = _LEAD.match(prev)
        subject = (prev[lead.end():] if lead else prev) + subject
    return subject[:40], start


def metric_period(periods: list[Period], sentence: Sentence, value: Value) -> Period | None:
    before = [p for p in periods if sentence.start <= p.start and p.end <= value.start
              and (p.kind != "plan" or p.surface.endswith(("期间", "时期", "時期")))]
    return before[-1] if before else None
