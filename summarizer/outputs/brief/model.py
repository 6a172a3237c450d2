"""The briefing's view of a batch: facts, sectors, timeline, figures, officials, changes.

Both renderers (Markdown and HTML) read only what this module builds, so they
always agree on what counts as a fact and in which order it appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from summarizer.models import ArticleResult, Commitment, Metric, Official, Span

Kind = Literal["official", "metric", "commitment"]
KINDS: tuple[Kind, ...] = ("official", "metric", "commitment")
KIND_LABELS: dict[Kind, str] = {"official": "官员", "metric": "数据", "commitment": "承诺"}
FACT_STATUSES = frozenset({"verified", "normalized"})

OTHER = "其他"
_KEYWORD_TEXT = {
    "就业": "就业 创业 岗位 招聘 失业 用工 工位 职业技能 人力社保 劳务 稳岗",
    "教育": "教育 学校 学位 教师 幼儿园 公办园 入园 高校 学生 大班额 办学 小学 中学 教委",
    "医疗卫生": "医疗 医院 卫生 健康 中医 疫病 就医 药 疾控 卫健",
    "养老/民政": "养老 民政 救助 低保 托育 老年 特困 慈善 一老一小 困难群众",
    "社会保障": "社保 社会保障 保险 医保 参保 兜底保障 住房保障",
    "乡村振兴": "乡村 农村 返贫 脱贫 农业 农民 帮扶 和美",
    "公共安全": "公安 诈骗 犯罪 治安 安全 案件 破案 消防 应急 刑事",
}
_KEYWORDS = {sector: tuple(words.split()) for sector, words in _KEYWORD_TEXT.items()}
SECTORS: tuple[str, ...] = (*_KEYWORD_TEXT, OTHER)
_SUBJECT_PREFIXES = ("全市", "我市", "全区", "我区", "全县", "我县", "全省", "我省", "本市")
SIMILAR_SUBJECT = 85.0
_YEAR = re.compile(r"(20\d\d)\s*年")


def classify(*texts: str | None) -> str:
    """Keyword sector of a text: the sector whose keywords cover most characters; ties by order."""
    blob = " ".join(t for t in texts if t)
    scores = {s: sum(len(k) * blob.count(k) for k in kws) for s, kws in _KEYWORDS.items()}
    best = max(scores, key=lambda s: scores[s])
    return best if scores[best] else OTHER


def sector_of(commitment: Commitment) -> str:
    """`commitment.sector` when it names (or aliases) a known sector, else the keyword classifier."""
    given = (commitment.sector or "").strip()
    if given in SECTORS:
        return given
    if given and (guess := classify(given)) != OTHER:
        return guess
    if given in ("其它", "其他"):
        return OTHER
    return classify(commitment.action, commitment.target, commitment.responsible, commitment.quote)


def normalize_subject(subject: str) -> str:
    s = re.sub(r"\s+", "", subject)
    for prefix in _SUBJECT_PREFIXES:
        if s.startswith(prefix) and len(s) > len(prefix):
            return s[len(prefix) :]
    return s


@dataclass(frozen=True)
class Article:
    index: int
    result: ArticleResult

    @property
    def label(self) -> str:
        return f"A{self.index + 1}"

    @property
    def name(self) -> str:
        return self.result.source.title or self.result.source.file

    @property
    def short_name(self) -> str:
        return self.name if len(self.name) <= 18 else self.name[:17] + "…"


Item = Official | Metric | Commitment


@dataclass(frozen=True)
class Fact:
    key: str
    """Unique id across the briefing, safe for HTML ids (e.g. 'a1-m-m2')."""
    kind: Kind
    article: Article
    item: Item
    sector: str

    @property
    def span(self) -> Span:
        return self.item.span

    @property
    def extra_spans(self) -> list[Span]:
        return [s for s in self.item.spans if tuple(s) != tuple(self.item.span)]

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.article.index, self.item.span[0], self.item.span[1])


@dataclass(frozen=True)
class Change:
    subject: str
    facts: list[Fact]
    within_article: bool


@dataclass(frozen=True)
class OfficialEntry:
    name: str
    titles: list[str]
    organizations: list[str]
    facts: list[Fact] = field(default_factory=list)


@dataclass(frozen=True)
class Brief:
    articles: list[Article]
    facts: list[Fact]

    def of(self, kind: Kind, article: Article | None = None) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind and (article is None or f.article is article)]

    def by_sector(self) -> list[tuple[str, list[Fact]]]:
        """Commitments per sector (fixed sector order), each sorted as a timeline."""
        groups = [(s, [f for f in self.of("commitment") if f.sector == s]) for s in SECTORS]
        return [(s, sorted(fs, key=timeline_key)) for s, fs in groups if fs]

    def figures(self) -> list[Fact]:
        return self.of("metric")

    def officials(self) -> list[OfficialEntry]:
        entries: dict[str, OfficialEntry] = {}
        for f in self.of("official"):
            o = f.item
            assert isinstance(o, Official)
            e = entries.setdefault(o.name.strip(), OfficialEntry(o.name.strip(), [], []))
            if o.title and o.title not in e.titles:
                e.titles.append(o.title)
            if o.organization and o.organization not in e.organizations:
                e.organizations.append(o.organization)
            e.facts.append(f)
        return list(entries.values())

    def changes(self) -> list[Change]:
        return find_changes(self.of("metric"))


def deadline_year(c: Commitment) -> int | None:
    if c.deadline_year is not None:
        return c.deadline_year
    m = _YEAR.search(c.deadline or "")
    return int(m.group(1)) if m else None


def timeline_key(f: Fact) -> tuple[int, int, tuple[int, int, int]]:
    assert isinstance(f.item, Commitment)
    year = deadline_year(f.item)
    return (year is None, year or 0, f.order)


def _metric_time(f: Fact) -> str:
    assert isinstance(f.item, Metric)
    return f.item.period_start or f.item.period_end or f.article.result.source.date or ""


def find_changes(metrics: list[Fact]) -> list[Change]:
    """Clusters of metrics on the same subject (fuzzy) whose period or value differ."""
    clusters: list[tuple[str, str, list[Fact]]] = []  # (normalized subject, kind, facts)
    for f in metrics:
        m = f.item
        assert isinstance(m, Metric)
        subject = normalize_subject(m.subject)
        for norm, kind, members in clusters:
            if kind == m.kind and fuzz.ratio(norm, subject) >= SIMILAR_SUBJECT:
                members.append(f)
                break
        else:
            clusters.append((subject, m.kind, [f]))
    changes = []
    for norm, _, members in clusters:
        values = {(_m(f).period, _m(f).period_start, _m(f).value, _m(f).value_text) for f in members}
        if len(members) > 1 and len(values) > 1:
            ordered = sorted(members, key=lambda f: (_metric_time(f), f.order))
            changes.append(Change(norm, ordered, len({f.article.index for f in members}) == 1))
    return changes


def _m(f: Fact) -> Metric:
    assert isinstance(f.item, Metric)
    return f.item


def _safe(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", s) or "_"


def collect(results: list[ArticleResult]) -> Brief:
    """Keep only verified/normalized facts, give each a unique key and a sector."""
    articles = [Article(i, r) for i, r in enumerate(results)]
    facts: list[Fact] = []
    seen: set[str] = set()
    for a in articles:
        r = a.result
        groups: list[tuple[Kind, list[Official] | list[Metric] | list[Commitment]]] = [
            ("official", r.officials),
            ("metric", r.metrics),
            ("commitment", r.commitments),
        ]
        for kind, items in groups:
            for item in items:
                if item.status not in FACT_STATUSES:
                    continue
                base = key = f"a{a.index + 1}-{kind[0]}-{_safe(item.id)}"
                n = 1
                while key in seen:
                    n += 1
                    key = f"{base}-{n}"
                seen.add(key)
                if isinstance(item, Commitment):
                    sector = sector_of(item)
                elif isinstance(item, Metric):
                    sector = classify(item.subject, item.quote)
                else:
                    sector = classify(item.organization, item.title)
                facts.append(Fact(key, kind, a, item, sector))
    facts.sort(key=lambda f: (f.order, KINDS.index(f.kind)))
    return Brief(articles, facts)
