"""Markdown briefing: every fact cites article, quoted span and character offsets."""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.models import ArticleResult
from summarizer.outputs.brief import text as t
from summarizer.outputs.brief.digest import Digest, Group, Said, digest
from summarizer.outputs.brief.model import KIND_LABELS, Brief, OfficialEntry, collect
from summarizer.outputs.brief.tracking_view import glance as glance_of
from summarizer.outputs.brief.tracking_view import md_section
from summarizer.tracking import Tracking

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(s: str | None) -> str:
    """Inline-safe Markdown: escape markup characters (incl. HTML brackets), fold newlines."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s*\n\s*", " ", s or "")).strip()


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c or "—" for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]


def build_markdown(results: list[ArticleResult], tracking: Tracking | None = None) -> str:
    """A short first part (glance, 承诺追踪, key promises and figures, officials), then the full
    lists: every fact's sentence once, with its facts after it."""
    b: Brief = collect(results)
    d = digest(b, tracking)
    out: list[str] = _head(b, d, tracking) + md_section(tracking)
    out += _tracked(d) + _saids("承诺：目标与期限", d.promised, "key") + _saids("数据：数值与时期", d.reported, "key")
    out += _people(d.officials)
    for section in MARKDOWN_SECTIONS:
        out += section(b, d)
    return "\n".join(out) + "\n"


def _head(b: Brief, d: Digest, tracking: Tracking | None) -> list[str]:
    counts = "、".join(f"{KIND_LABELS[k]} {len(b.of(k))} 项" for k in KIND_LABELS)
    glance = [f"- **承诺**：写明目标或期限的要点 {d.key(d.promised)} 句，其余 {d.rest(d.promised)} 句见“其余承诺”",
              f"- **数据**：有时期和单位的要点 {d.key(d.reported)} 句，其余 {d.rest(d.reported)} 句见“其余数据”"]
    if tracking is not None:
        glance.append(f"- **追踪**：{glance_of(tracking)}")
    glance.append(f"- **官员**：{len(b.officials())} 位")
    return [
        "# 民生政策跨文章简报",
        "",
        f"共 {len(b.articles)} 篇文章；仅收录核验状态为 verified / normalized 的事实（{counts}）。"
        "每句原文只列一次，[起, 止) 为其字符偏移，句后列出其中的事实。",
        "",
        *glance,
        "",
    ]


def _said(s: Said) -> str:
    facts = "；".join(md(t.chip(f, s.text)) for f in s.facts)
    where = f"{s.article.label}{' ' + s.place if s.place else ''} [{s.start}, {s.end})"
    return f"- 「{md(s.text)}」{where}  \n  {facts}"


def _saids(title: str, groups: list[Group], which: str) -> list[str]:
    out = [f"## {title}", ""]
    sector = None
    for g in groups:
        items: list[Said] = getattr(g, which)
        if not items:
            continue
        if g.sector != sector:
            sector = g.sector
            out += [f"### {g.sector}", ""]
        out += [*([f"**{md(g.place)}**", ""] if g.place else []), *map(_said, items), ""]
    return out if len(out) > 2 else [*out, "（无）", ""]


def _tracked(d: Digest) -> list[str]:
    if not d.tracked:
        return []
    facts = "；".join(md(t.chip(f, s.text)) + f" {f.article.label} {t.offsets(f)}" for s in d.tracked for f in s.facts)
    return [f"承诺追踪所引句子中的事实：{facts}", ""]


def _people(entries: list[OfficialEntry], title: str = "官员") -> list[str]:
    rows = [[md(e.name), md("；".join(e.titles)), md("；".join(e.organizations)),
             "、".join(f"{f.article.label} {t.offsets(f)}" for f in e.facts)] for e in entries]
    return [f"## {title}", "", *(_table(["姓名", "职务", "单位", "出处"], rows) if entries else ["（无）"]), ""]


def _rest(b: Brief, d: Digest) -> list[str]:
    return _saids("其余承诺", d.promised, "rest") + _saids("其余数据", d.reported, "rest")


def _more_people(b: Brief, d: Digest) -> list[str]:
    return _people(d.more_officials, "其余官员") if d.more_officials else []


def _changes(b: Brief, d: Digest) -> list[str]:
    out = ["## 变化", ""]
    changes = b.changes()
    for ch in changes:
        scope = "同篇" if ch.within_article else "跨文章"
        steps = " → ".join(f"{md(t.change_step(f))} {t.offsets(f)}" for f in ch.facts)
        out += [f"- **{md(ch.subject)}**（{scope}）：{steps}"]
    if not changes:
        out += ["未发现同一指标在不同时期或数值上的变化。"]
    return [*out, ""]


def _sources(b: Brief, d: Digest) -> list[str]:
    src = [a.result.source for a in b.articles]
    return ["## 来源", "", *_table(
        ["编号", "标题", "日期", "发布方", "文件", "摘要"],
        [
            [a.label, md(s.title), md(s.date), md(s.publisher), md(s.file), md(a.result.summary)]
            for a, s in zip(b.articles, src, strict=True)
        ],
    )]


# The sections after the first part, in order: each gives its lines (a new section is one more entry).
MARKDOWN_SECTIONS: list[Callable[[Brief, Digest], list[str]]] = [_rest, _more_people, _changes, _sources]
