"""Annotate: turn model labels and deterministic finds into grounded items.

Every item's quote is cut from the article text by offsets, so `text[start:end] == quote`
holds by construction; values and periods come from the normalizer, never from the model.
"""

from __future__ import annotations

import re

from summarizer.chunk import Sentence
from summarizer.models import Metric
from summarizer.normalize import Period, Value
from summarizer.people import PersonMention, Turn, speaker_at

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


_STRUCTURAL = re.compile(
    r"^(?:个|大|项|条)?(?:关键词|方面|层级|任务|环节|原则|步|类|级|重点|方向|板块|结合|赋能|导向|维度|阶段|专题|抓手)"
)


def is_structural(text: str, value: Value) -> bool:
    """'5个关键词', '四个方面', '3个层级': counts that structure the speech, not measurements;
    '长照2.0', '工业4.0', '数字政府3.0版': version labels glued to a name, not measurements."""
    after = text[value.end:value.end + 4]
    if value.unit in ("个", "大", "项", "条", "") and bool(_STRUCTURAL.match(after)):
        return True
    return bool(value.unit in ("", "版") and _VERSION.fullmatch(text[value.start:value.end])
                and value.start > 0 and _NAME_CHAR.match(text[value.start - 1]))


_VERSION = re.compile(r"[1-9]\.0(?:版)?")
# A version label follows a noun, not a verb or preposition: '系数为2.0' is a measurement.
_NAME_CHAR = re.compile(r"[^\W\d_为是达到至约超近比于由及和与从增降升减的了在有占]")


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


def build_metric(text: str, idx: int, value: Value, sentence: Sentence, values: tuple[Value, ...],
                 periods: list[Period], speaker: str | None, target: bool) -> Metric:
    subject, clause_start = metric_subject(text, sentence, value, values)
    period = metric_period(periods, sentence, value)
    start = min(clause_start, period.start) if period else clause_start
    start = max(start, sentence.start)
    while start < value.start and text[start].isspace():
        start += 1
    span = (start, value.end)
    return Metric(
        id=f"m{idx}", subject=subject, value_text=value.surface, value=float(value.number),
        unit=value.unit, kind=value.kind,  # type: ignore[arg-type]
        qualifier=value.qualifier, period=period.surface if period else None,
        period_start=_iso(period, True) if period else None,
        period_end=_iso(period, False) if period else None,
        role="target" if target else "reported", speaker=speaker,
        quote=text[span[0]:span[1]], span=span, spans=[span],
    )


def _iso(p: Period, first: bool) -> str | None:
    year = p.year_from if first else p.year_to
    month = p.month_from if first else p.month_to
    if year is None:
        return None
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def speaker_for(turns: list[Turn], officials: dict[str, PersonMention], offset: int) -> PersonMention | None:
    name = speaker_at(turns, offset)
    return officials.get(name) if name else None
