"""The briefing's 承诺追踪 section: each pledge beside its reports, both quotes highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from summarizer.tracking import Person, Quote, Timeline, Tracking

STATUS_WORDS = {"kept": "已兑现", "missed": "未兑现", "partly": "部分兑现", "open": "进行中"}


@dataclass(frozen=True)
class Row:
    timeline: Timeline

    @property
    def place(self) -> str:
        return self.timeline.pledge.place or "未知地区"


def linked(t: Tracking) -> list[Timeline]:
    """Pledges that have reports, by place, then deadline."""
    rows = [tl for tl in t.timelines if tl.links]
    return sorted(rows, key=lambda tl: (tl.pledge.place or "", tl.pledge.deadline_end or "", tl.pledge.id))


def people_seen_twice(t: Tracking) -> list[Person]:
    return [p for p in t.people if len(p.files) > 1]


def mark(q: Quote, text: str, cls: str) -> Markup:
    """The quote's sentence with the quote highlighted, escaped."""
    s, e = q.sentence
    a, b = q.span
    if not (s <= a <= b <= e) or text[a:b] != q.quote:
        return Markup(f'<mark class="{cls}">{escape(q.quote)}</mark>')
    return Markup(f'{escape(text[s:a])}<mark class="{cls}">{escape(text[a:b])}</mark>{escape(text[b:e])}')


def md_section(t: Tracking | None) -> list[str]:
    if t is None:
        return []
    out = ["## 承诺追踪", ""]
    rows = linked(t)
    if not rows:
        out += [f"{len(t.timelines)} 项承诺，尚无后续文章的报告。", ""]
    for tl in rows:
        p = tl.pledge
        out.append(f"- **{p.place or '未知地区'}** 【{STATUS_WORDS[tl.status]}】 承诺：「{p.quotes[0].quote}」"
                   f"（{p.file}，期限 {p.deadline or '未定'}）")
        for x in tl.links:
            ratio = f"，完成 {x.ratio:.0%}" if x.ratio is not None else ""
            out.append(f"  - {x.date or ''} {STATUS_WORDS[x.status]}{ratio}：「{x.report.quote}」（{x.report.file} "
                       f"[{x.report.span[0]}, {x.report.span[1]})）")
    people = people_seen_twice(t)
    if people:
        out += ["", "**多篇文章中的官员**：" + "；".join(
            f"{p.name}（{p.place or ''}{p.organization or ''}，{len(p.files)} 篇，"
            f"{p.first_date or '?'}–{p.last_date or '?'}）" for p in people)]
    return [*out, ""]


def glance(t: Tracking) -> str:
    """One line: how many earlier pledges have reports, and what they add up to."""
    rows = linked(t)
    if not rows:
        return f"{len(t.timelines)} 项承诺，尚无后续文章的报告"
    counts = {w: sum(tl.status == s for tl in rows) for s, w in STATUS_WORDS.items()}
    told = "、".join(f"{w} {n}" for w, n in counts.items() if n)
    return f"{len(t.timelines)} 项承诺中 {len(rows)} 项有后续报告：{told}"
