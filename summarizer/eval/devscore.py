"""Dev-set scoring: extraction output against gold in the format of `../shared/dev/gold`.

The gold format and the measures are those of `../shared/dev/README.md`; every counting rule is
that of the reference scorer `../shared/dev/score.py`, so the overall line printed here can be
diffed against the script's. Values are read with the scorer's own deliberately loose reader
(not `summarizer.lang.values`, whose stricter parse would change the counts): every digit run with
its Chinese multipliers and percent-like suffix, a bare continuation added to a multiplied number
(`49万4385` = 494385, `9万8千` = 98000).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rich.markup import escape
from rich.table import Table

from summarizer.errors import InputError
from summarizer.models import ArticleResult, Commitment, Metric, Official

# --------------------------------------------------------------------------- value reading

_T2S = str.maketrans({"萬": "万", "億": "亿", "兩": "两", "％": "%", "餘": "余", "個": "个", "點": "点"})
_MULTIPLIER = {"百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_CN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KIND = {"%": "%", "‰": "‰", "个百分点": "pp", "百分点": "pp", "/10万": "per100k", "/十万": "per100k"}
_TOKEN = re.compile(
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九])?([余多]?)((?:万亿|亿|万|千|百(?!分点))+)?([余多]?)\s*(%|‰|个?百分点|/10万|/十万)?"
)
_MULTIPLIER_RUN = re.compile(r"万亿|亿|万|千|百")
_CN_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_SPACED_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")  # 75 000个 (Hong Kong's thousands)


@dataclass(frozen=True)
class Value:
    number: float
    kind: str  # "" (a count), "%", "‰", "pp" (percentage points) or "per100k"


def norm(s: object) -> str:
    """Traditional number characters folded to simplified ones; None is empty."""
    return str(s or "").translate(_T2S)


def read_values(s: str) -> list[Value]:
    """Every value written in `s` (Arabic digits, or one Chinese digit with a multiplier)."""
    s = _SPACED_THOUSANDS.sub("", norm(s).replace(",", "").replace("，", ""))
    out: list[Value] = []
    last_end, last_multiplied = -1, False
    for m in _TOKEN.finditer(s):
        digits, _, multipliers, _, suffix = m.groups()
        if not digits and (multipliers or "").startswith("百") and m.start() > 0 and s[m.start() - 1] in "超近逾":
            digits = "1"  # 超百万
        if not digits or (digits in _CN_DIGIT and not multipliers):
            continue
        number = float(_CN_DIGIT[digits]) if digits in _CN_DIGIT else float(digits)
        for ch in _MULTIPLIER_RUN.findall(multipliers or ""):
            number *= _MULTIPLIER[ch]
        kind = _KIND.get(suffix or "", "")
        if out and m.start() == last_end and kind == "" and _continues(out[-1], last_multiplied, multipliers, number):
            out[-1] = Value(out[-1].number + number, "")
        else:
            out.append(Value(number, kind))
        last_end, last_multiplied = m.end(), bool(multipliers)
    return out


def _continues(last: Value, last_multiplied: bool, multipliers: str | None, number: float) -> bool:
    """Whether a unitless value right after `last` adds to it: 49万|4385, 9万|8千, 三千|五百.

    A continuation carries a multiplier of its own, or is a smaller bare number after a multiplied
    one; two bare numbers split by a space (「2020 2021」) stay two.
    """
    return (last.kind == "" and bool(multipliers)) or (last_multiplied and not multipliers and number < last.number)


def _cn_numeral(run: str) -> float:
    """Value of a run of Chinese numerals: 十 10, 二十五 25, 三万 30000, 两千五百 2500."""
    total: float = 0
    section = digit = 0
    for ch in run:
        if ch in _CN_DIGIT or ch in "零〇":
            digit = _CN_DIGIT.get(ch, 0)
        elif ch in "十百千":
            section += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
        else:  # 万 亿
            total = (total + section + digit) * (1e4 if ch == "万" else 1e8)
            section = digit = 0
    return total + section + digit


def text_values(text: str) -> list[Value]:
    """Every value in a text, Chinese numerals included (for the hallucination check)."""
    t = norm(text)
    return read_values(t) + [Value(_cn_numeral(m.group()), "") for m in _CN_RUN.finditer(t)]


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def same(gold: Value, pred: Value) -> bool:
    """Same number, and the same kind unless one side has none."""
    return close(gold.number, pred.number) and (gold.kind == pred.kind or "" in (gold.kind, pred.kind))


def first_value(s: str) -> Value | None:
    values = read_values(s)
    return values[0] if values else None


def item_values(item: Metric | Commitment) -> list[Value]:
    """Values of a metric (value_text, then value) or of a commitment (target)."""
    if isinstance(item, Commitment):
        return read_values(item.target) if item.target else []
    values = read_values(item.value_text) if item.value_text else []
    return values + ([Value(item.value, "")] if item.value is not None else [])


def metric_values(metric: Metric) -> list[Value]:
    """The values of value_text; the normalized value only when value_text has none."""
    return read_values(metric.value_text) or item_values(metric)


# --------------------------------------------------------------------------- gold


class _DevGold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DevOfficial(_DevGold):
    name: str
    title_contains: str = Field(description="Must occur in the output's title + organization.")


class DevMetric(_DevGold):
    value: str = Field(description="A gold number, as written.")
    subject_any: list[str] = Field(default_factory=list)
    period_contains: str | None = None


class DevCommitment(_DevGold):
    keyword: str = Field(description="Occurs in the matching commitment's quote/action/target.")
    target: str | None = None
    deadline_contains: str | list[str] | None = Field(default=None, description="Or a list of equally right wordings.")
    responsible_contains: str | None = None


class DevGoldArticle(_DevGold):
    officials: list[DevOfficial]
    not_officials: list[str] = Field(default_factory=list)
    numbers: list[str]
    metrics: list[DevMetric] | None = Field(default=None, description="Absent in old-format gold.")
    non_metrics: list[str] = Field(default_factory=list)
    commitments: list[DevCommitment | str] = Field(default_factory=list)

    @property
    def lists_every_commitment(self) -> bool:
        """New-format gold lists every commitment: only then is commitment precision measured."""
        return self.metrics is not None or any(isinstance(c, DevCommitment) for c in self.commitments)


def _is_dev_gold(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    officials = data.get("officials")
    titled = isinstance(officials, list) and any(isinstance(o, dict) and "title_contains" in o for o in officials)
    return "numbers" in data or titled


def is_dev_gold_dir(gold_dir: Path) -> bool:
    """Whether the gold files of `gold_dir` are in the dev-set format (`numbers`, `title_contains`).

    Unreadable files do not count; the loader of the detected format reports them.
    """
    kinds = set()
    for path in sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []:
        try:
            kinds.add(_is_dev_gold(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
    if len(kinds) > 1:
        raise InputError(f"gold directory {gold_dir} mixes the dev-set and the repository gold formats")
    return kinds == {True}


def load_dev_gold_dir(gold_dir: Path) -> dict[str, DevGoldArticle]:
    """All `*.json` dev-format gold files of a directory, keyed by stem (sorted)."""
    files = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []
    if not files:
        raise InputError(f"gold directory {gold_dir} holds no *.json files")
    golds = {}
    for path in files:
        try:
            golds[path.stem] = DevGoldArticle.model_validate_json(path.read_bytes())
        except (OSError, ValidationError) as exc:
            raise InputError(f"gold file {path}: {str(exc).splitlines()[0]}") from exc
    return golds


# --------------------------------------------------------------------------- report


class Ratio(BaseModel):
    ok: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(ok=self.ok + other.ok, total=self.total + other.total)

    def rate(self) -> str:
        """Two decimals as score.py prints them; `n/a` without a denominator."""
        return f"{self.ok / self.total:.2f}" if self.total else "n/a"

    def fraction(self) -> str:
        """`ok/total` for a table cell; `-` without a denominator."""
        return f"{self.ok}/{self.total}" if self.total else "-"


class DevCounts(BaseModel):
    """The tallies behind score.py's measures; they add up over articles (micro averages)."""

    numbers: Ratio = Field(default_factory=Ratio, description="Gold numbers found as a metric value or target.")
    metric_precision: Ratio = Field(default_factory=Ratio, description="Metrics whose value is a gold number.")
    subject: Ratio = Field(default_factory=Ratio, description="Gold metrics with an acceptable subject.")
    period: Ratio = Field(default_factory=Ratio, description="Gold metrics with the period they require.")
    officials_recall: Ratio = Field(default_factory=Ratio)
    officials_precision: Ratio = Field(default_factory=Ratio)
    journalist_fp: int = Field(default=0, description="Gold not_officials listed as officials.")
    commit_recall: Ratio = Field(default_factory=Ratio)
    commit_precision: Ratio = Field(default_factory=Ratio)
    commit_target: Ratio = Field(default_factory=Ratio)
    commit_deadline: Ratio = Field(default_factory=Ratio)
    commit_responsible: Ratio = Field(default_factory=Ratio)
    hallucinated: int = Field(default=0, description="Metric values written nowhere in the text.")
    grounding_violations: int = Field(default=0, description="Items whose text[span] is not their quote.")
    items: int = Field(default=0, description="Metrics, commitments and officials checked for grounding.")
    missing: int = Field(default=0, description="Gold articles without usable output.")

    def __add__(self, other: DevCounts) -> DevCounts:
        return DevCounts.model_validate(
            {name: getattr(self, name) + getattr(other, name) for name in DevCounts.model_fields}
        )

    def line(self) -> str:
        """The overall line of score.py, `key=value` separated by spaces."""
        return " ".join(
            f"{key}={value}"
            for key, value in (
                ("numbers_recall", self.numbers.rate()),
                ("metric_precision", self.metric_precision.rate()),
                ("subject_acc", self.subject.rate()),
                ("period_acc", self.period.rate()),
                ("officials_recall", self.officials_recall.rate()),
                ("officials_precision", self.officials_precision.rate()),
                ("journalist_fp", self.journalist_fp),
                ("commit_recall", self.commit_recall.rate()),
                ("commit_precision", self.commit_precision.rate()),
                ("commit_target", self.commit_target.rate()),
                ("commit_deadline", self.commit_deadline.rate()),
                ("commit_responsible", self.commit_responsible.rate()),
                ("hallucinated", self.hallucinated),
                ("grounding_violations", f"{self.grounding_violations}/{self.items}"),
                ("missing", self.missing),
            )
        )


class DevArticleScore(BaseModel):
    article: str
    error: str | None = Field(default=None, description="Why the output is missing or unusable.")
    counts: DevCounts = Field(default_factory=DevCounts)
    missed_numbers: list[str] = Field(default_factory=list)
    metric_fp: list[str] = Field(default_factory=list, description="value_text of non-gold metrics.")
    bad_subject: list[str] = Field(default_factory=list, description="'value:subjects of same-value metrics'.")
    commit_missed: list[str] = Field(default_factory=list, description="Gold keywords no commitment contains.")
    commit_fp: list[str] = Field(default_factory=list, description="Actions (24 chars) matching no gold.")

    def line(self) -> str:
        """The per-article line of score.py."""
        if self.error is not None:
            return f"{self.article}: MISSING"
        n = self.counts.numbers
        return (
            f"{self.article}: num {n.ok}/{n.total} missed={self.missed_numbers} metric_fp={self.metric_fp} "
            f"bad_subject={self.bad_subject} commit_missed={self.commit_missed} commit_fp={self.commit_fp}"
        )


class DevReport(BaseModel):
    gold_dir: str
    out_dir: str
    articles: list[DevArticleScore]
    overall: DevCounts

    def lines(self) -> list[str]:
        """What score.py prints for the same output and gold."""
        return [a.line() for a in self.articles] + [self.overall.line()]


# --------------------------------------------------------------------------- scoring


def _count(flags: Iterable[bool]) -> Ratio:
    flags = list(flags)
    return Ratio(ok=sum(flags), total=len(flags))


def _score_values(gold: DevGoldArticle, result: ArticleResult, score: DevArticleScore) -> None:
    """Numbers recall, metric precision, hallucinated values."""
    gold_numbers = [(text, v) for text in gold.numbers if (v := first_value(text)) is not None]
    items: list[Metric | Commitment] = [*result.metrics, *result.commitments]
    predicted = [v for item in items for v in item_values(item)]
    found = [any(same(g, p) for p in predicted) for _, g in gold_numbers]
    score.counts.numbers = _count(found)
    score.missed_numbers = [text for (text, _), ok in zip(gold_numbers, found, strict=True) if not ok]

    gold_values = [v for _, v in gold_numbers]
    in_text = [v.number for v in text_values(result.text)]
    for m in result.metrics:
        values = metric_values(m)
        ok = any(same(g, v) for g in gold_values for v in values)
        score.counts.metric_precision += Ratio(ok=int(ok), total=1)
        if not ok:
            score.metric_fp.append(m.value_text)
        if values and not any(close(v.number, t) for v in values for t in in_text):
            score.counts.hallucinated += 1


def _score_subjects(gold: DevGoldArticle, metrics: Sequence[Metric], score: DevArticleScore) -> None:
    """Subject and period of the predicted metrics carrying each gold metric's value."""
    for gm in gold.metrics or []:
        gv = first_value(gm.value)
        if gv is None:
            continue
        carriers = [m for m in metrics if any(same(gv, v) for v in metric_values(m))]
        if gm.subject_any:
            ok = any(norm(k) in norm(m.subject) for m in carriers for k in gm.subject_any)
            score.counts.subject += Ratio(ok=int(ok), total=1)
            if not ok:
                score.bad_subject.append(f"{gm.value}:{'/'.join(norm(m.subject) for m in carriers) or '-'}")
        if gm.period_contains:
            ok = any(norm(gm.period_contains) in norm(m.period) for m in carriers)
            score.counts.period += Ratio(ok=int(ok), total=1)


def _score_officials(gold: DevGoldArticle, officials: Sequence[Official], score: DevArticleScore) -> None:
    """Recall needs the name and title_contains (in title + organization); precision the name."""
    names = [norm(o.name) for o in officials]
    score.counts.officials_recall = _count(_titled(go, officials) for go in gold.officials)
    gold_names = [norm(go.name) for go in gold.officials]
    extra = sum(1 for x in names if x and x not in gold_names)
    score.counts.officials_precision = Ratio(ok=len(names) - extra, total=len(names))
    score.counts.journalist_fp = sum(1 for n in gold.not_officials if any(norm(n) in x for x in names))


def _titled(gold: DevOfficial, officials: Sequence[Official]) -> bool:
    """Some official with the gold name has title_contains in its title + organization."""
    named = [o for o in officials if norm(gold.name) == norm(o.name)]
    return any(norm(gold.title_contains) in norm(o.title) + norm(o.organization) for o in named)


def _commitment_text(c: Commitment) -> str:
    return norm(c.quote) + norm(c.action) + norm(c.target)


def _score_commitments(gold: DevGoldArticle, commitments: Sequence[Commitment], score: DevArticleScore) -> None:
    """A commitment matches a gold one when its quote/action/target contains the keyword."""
    golds = [c if isinstance(c, DevCommitment) else DevCommitment(keyword=c) for c in gold.commitments]
    counts = score.counts
    for gc in golds:
        hits = [c for c in commitments if norm(gc.keyword) in _commitment_text(c)]
        counts.commit_recall += Ratio(ok=int(bool(hits)), total=1)
        if not hits:
            score.commit_missed.append(gc.keyword)
            continue
        if gc.target:
            gv = first_value(gc.target)
            ok = gv is not None and any(same(gv, v) for c in hits for v in read_values(c.target or ""))
            counts.commit_target += Ratio(ok=int(ok), total=1)
        if gc.deadline_contains:
            wordings = gc.deadline_contains if isinstance(gc.deadline_contains, list) else [gc.deadline_contains]
            ok = any(norm(d) in norm(c.deadline) for d in wordings for c in hits)
            counts.commit_deadline += Ratio(ok=int(ok), total=1)
        if gc.responsible_contains:
            ok = any(norm(gc.responsible_contains) in norm(c.responsible) for c in hits)
            counts.commit_responsible += Ratio(ok=int(ok), total=1)
    if gold.lists_every_commitment:
        for c in commitments:
            ok = any(norm(gc.keyword) in _commitment_text(c) for gc in golds)
            counts.commit_precision += Ratio(ok=int(ok), total=1)
            if not ok:
                score.commit_fp.append(norm(c.action)[:24])


def score_article(stem: str, gold: DevGoldArticle, result: ArticleResult) -> DevArticleScore:
    """Score one output against its dev-format gold."""
    score = DevArticleScore(article=stem)
    text = result.text
    items = [*result.metrics, *result.commitments, *result.officials]
    score.counts.items = len(items)
    score.counts.grounding_violations = sum(text[i.span[0] : i.span[1]] != i.quote for i in items)
    _score_values(gold, result, score)
    _score_subjects(gold, result.metrics, score)
    _score_officials(gold, result.officials, score)
    _score_commitments(gold, result.commitments, score)
    return score


def score_dirs(gold_dir: Path, out_dir: Path) -> DevReport:
    """Score `out_dir/<stem>.json` against every dev-format `gold_dir/<stem>.json`.

    A missing or unusable output counts in `missing` and in no other measure (as in score.py).
    """
    articles = []
    for stem, gold in load_dev_gold_dir(gold_dir).items():
        path = out_dir / f"{stem}.json"
        try:
            result = ArticleResult.model_validate_json(path.read_bytes())
        except (OSError, ValidationError) as exc:
            reason = "missing output" if isinstance(exc, FileNotFoundError) else str(exc).splitlines()[0]
            articles.append(DevArticleScore(article=stem, error=f"{reason}: {path}", counts=DevCounts(missing=1)))
            continue
        articles.append(score_article(stem, gold, result))
    overall = sum((a.counts for a in articles), DevCounts())
    return DevReport(gold_dir=str(gold_dir), out_dir=str(out_dir), articles=articles, overall=overall)


# --------------------------------------------------------------------------- rendering


def render_dev_report(report: DevReport) -> Table:
    """One row of counts per article and their sum; rates are in `DevCounts.line()`."""
    table = Table(title=f"summarizer eval (dev-set gold): {report.out_dir} vs {report.gold_dir}")
    columns = (
        "article", "numbers", "metric prec.", "subject", "period", "officials", "off. prec.", "journ. fp",
        "commits", "commit prec.", "target", "deadline", "responsible", "halluc.", "ungrounded", "note",
    )  # fmt: skip
    for header in columns:
        table.add_column(header, no_wrap=header != "note")
    rows = [(a.article, a.counts, a.error) for a in report.articles]
    for name, c, error in [*rows, ("overall", report.overall, None)]:
        if name == "overall":
            table.add_section()
        table.add_row(
            name,
            c.numbers.fraction(),
            c.metric_precision.fraction(),
            c.subject.fraction(),
            c.period.fraction(),
            c.officials_recall.fraction(),
            c.officials_precision.fraction(),
            str(c.journalist_fp),
            c.commit_recall.fraction(),
            c.commit_precision.fraction(),
            c.commit_target.fraction(),
            c.commit_deadline.fraction(),
            c.commit_responsible.fraction(),
            str(c.hallucinated),
            f"{c.grounding_violations}/{c.items}",
            f"[red]{escape(error)}[/]" if error else "",
        )
    return table
