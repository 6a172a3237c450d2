"""Markdown briefing: every fact cites article, quoted span and character offsets."""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.models import ArticleResult, Metric
from summarizer.outputs.brief import text as t
from summarizer.outputs.brief.model import KIND_LABELS, Brief, Fact, Kind, collect
from summarizer.outputs.brief.tracking_view import md_section
from summarizer.tracking import Tracking

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(s: str | None) -> str:
    """Inline-safe Markdown: escape markup characters (incl. HTML brackets), fold newlines."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s*\n\s*", " ", s or "")).strip()


def cite(f: Fact, article: bool = True) -> str:
    where = f"{f.article.label}《{md(f.article.short_name)}》" if article else ""
    return f"{where}「{md(f.item.quote)}」{t.offsets(f)}"


def _bullet(f: Fact, lead: str = "") -> str:
    return f"- {lead}{md(t.headline(f))}  \n  出处：{cite(f)}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c or "—" for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]


def build_markdown(results: list[ArticleResult], tracking: Tracking | None = None) -> str:
    b: Brief = collect(results)
    out: list[str] = _head(b) + md_section(tracking)  # the first screen: what became of the pledges
    for section in MARKDOWN_SECTIONS:
        out += section(b)
    return "\n".join(out) + "\n"


def _head(b: Brief) -> list[str]:
    counts = "、".join(f"{KIND_LABELS[k]} {len(b.of(k))} 项" for k in KIND_LABELS)
    return [
        "# 民生政策跨文章简报",
        "",
        f"共 {len(b.articles)} 篇文章；仅收录核验状态为 verified / normalized 的事实（{counts}）。"
        "出处中的 [起, 止) 为原文字符偏移。",
        "",
    ]


def _sources(b: Brief) -> list[str]:
    src = [a.result.source for a in b.articles]
    return ["## 来源", "", *_table(
        ["编号", "标题", "日期", "发布方", "文件"],
        [
            [a.label, md(s.title), md(s.date), md(s.publisher), md(s.file)]
            for a, s in zip(b.articles, src, strict=True)
        ],
    )]


def _per_article(b: Brief) -> list[str]:
    out = ["", "## 分篇摘要"]
    for a in b.articles:
        out += ["", f"### {a.label} {md(a.name)}", "", f"> {md(a.result.summary) or '（无摘要）'}", ""]
        sections: tuple[tuple[Kind, str], ...] = (("commitment", "承诺"), ("metric", "关键数据"))
        for kind, label in sections:
            facts = b.of(kind, a)
            out += [f"**{label}**", ""]
            lines = [_bullet(f, f"【{f.sector}】" if kind == "commitment" else "") for f in facts]
            out += [*(lines or ["- （无）"]), ""]
        out.pop()
    return out


def _timeline(b: Brief) -> list[str]:
    out = ["", "## 分领域承诺时间线", ""]
    if not b.of("commitment"):
        out += ["（无）"]
    for sector, facts in b.by_sector():
        out += [f"### {sector}", "", *(_bullet(f, f"**{t.deadline(f)}** ") for f in facts), ""]
    return out


def _figures(b: Brief) -> list[str]:
    rows = []
    for f in b.figures():
        m = f.item
        assert isinstance(m, Metric)
        rows.append([md(m.subject), md(m.value_text), t.fmt_value(m.value), md(m.unit), md(t.period(m)),
                     t.role(m), f.article.label, cite(f, article=False)])
    header = ["指标", "数值", "标准值", "单位", "时期", "类型", "文章", "出处"]
    return ["## 关键数据", "", *(_table(header, rows) if rows else ["（无）"])]


def _officials(b: Brief) -> list[str]:
    entries = b.officials()
    rows = [[md(e.name), md("；".join(e.titles)), md("；".join(e.organizations)),
             "<br>".join(cite(f) for f in e.facts)] for e in entries]
    return ["", "## 官员索引", "", *(_table(["姓名", "职务", "单位", "文章"], rows) if entries else ["（无）"])]


def _changes(b: Brief) -> list[str]:
    out = ["", "## 变化", ""]
    changes = b.changes()
    for ch in changes:
        scope = "同篇" if ch.within_article else "跨文章"
        steps = " → ".join(md(t.change_step(f)) for f in ch.facts)
        out += [f"- **{md(ch.subject)}**（{scope}）：{steps}", *(f"  - {cite(f)}" for f in ch.facts)]
    if not changes:
        out += ["未发现同一指标在不同时期或数值上的变化。"]
    return out


# The briefing's sections after its head and the tracking section, in order: each gives its lines
# (a new section is one more entry).
MARKDOWN_SECTIONS: list[Callable[[Brief], list[str]]] = [
    _sources, _per_article, _timeline, _figures, _officials, _changes,
]
