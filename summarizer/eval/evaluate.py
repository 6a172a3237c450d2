"""`summarizer eval`: score extraction output against hand-annotated gold files.

Matching rules (all one-to-one, greedy by score; see `tests/gold/GUIDELINES.md`):
- officials: same name (whitespace removed) and titles where one contains the other;
  `officials_name` scores the name alone.
- metrics: same normalized value (sign ignored; percent also as a fraction) and the same
  kind family (count / percent+percentage point / ratio) with compatible units.
- commitments: predicted span overlaps a place where the gold quote occurs in the output text.
Gold items marked `optional` are neither rewarded nor penalized. Micro-averaged overall.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel, Field, ValidationError, computed_field
from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from summarizer.errors import SummarizerError
from summarizer.eval.devscore import DevReport, is_dev_gold_dir, render_dev_report, score_dirs
from summarizer.eval.gold import GoldArticle, GoldCommitment, GoldMetric, GoldOfficial, load_gold_dir
from summarizer.models import ArticleResult, Commitment, Metric, Official

_REQUIRED_BONUS = 1e12
_MAGNITUDES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3))
_UNIT_SYNONYMS = {"名": "人", "位": "人"}
_QUAL_PREFIX = re.compile(r"^(?:将近|接近|大约|超过|不到|不足|多于|累计|达到|近|约|超|逾|达|共)+")
_QUAL_SUFFIX = re.compile(r"(?:以上|以下|左右|上下|之多|以内|余|多)+$")
_WS = re.compile(r"\s+")


# --------------------------------------------------------------------------- report model


class PRF(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = Field(default_factory=list, description="Unmatched required gold items.")
    spurious: list[str] = Field(default_factory=list, description="Unmatched predictions.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class Rate(BaseModel):
    ok: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rate(self) -> float | None:
        return self.ok / self.total if self.total else None

    def __add__(self, other: Rate) -> Rate:
        return Rate(ok=self.ok + other.ok, total=self.total + other.total)


class ArticleEval(BaseModel):
    article: str
    error: str | None = None
    officials: PRF = Field(default_factory=PRF)
    officials_name: PRF = Field(default_factory=PRF)
    metrics: PRF = Field(default_factory=PRF)
    metric_subject: Rate = Field(default_factory=Rate, description="On matched metrics.")
    metric_period: Rate = Field(default_factory=Rate, description="On matched metrics.")
    metric_role: Rate = Field(default_factory=Rate, description="On matched metrics.")
    commitments: PRF = Field(default_factory=PRF)
    span_validity: Rate = Field(default_factory=Rate)
    hallucinated: list[str] = Field(default_factory=list, description="value_text not in text.")
    non_officials_as_officials: list[str] = Field(default_factory=list)
    unlocated_gold_quotes: list[str] = Field(default_factory=list)


class EvalReport(BaseModel):
    gold_dir: str
    out_dir: str
    articles: list[ArticleEval]
    overall: ArticleEval
    ungraded_outputs: list[str] = Field(default_factory=list, description="Outputs without gold.")
    failed_thresholds: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- normalisation


def _fold(s: str) -> str:
    """NFKC per character where it maps to one character: offsets are preserved."""
    return "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c for c in s)


def _norm(s: str | None) -> str:
    return _WS.sub("", _fold(s or ""))


def _strip_qualifiers(value_text: str) -> str:
    return _QUAL_SUFFIX.sub("", _QUAL_PREFIX.sub("", _norm(value_text)))


def _find_all(text: str, quote: str) -> list[tuple[int, int]]:
    text, quote = _fold(text), _fold(quote)
    spans, start = [], text.find(quote) if quote else -1
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def _canon(value: float, unit: str, kind: str) -> tuple[float, str, str]:
    """(|value| with magnitude applied, unit family, kind family)."""
    unit = _norm(unit)
    if kind == "count":
        for prefix, factor in _MAGNITUDES:
            if unit.startswith(prefix):
                value, unit = value * factor, unit[len(prefix) :]
                break
    family = {"percent": "pct", "percentage_point": "pct"}.get(kind, kind)
    return abs(value), _UNIT_SYNONYMS.get(unit, unit), family


def _metric_match(pred: Metric, gold: GoldMetric) -> bool:
    if pred.value is None:
        return False
    pv, pu, pk = _canon(pred.value, pred.unit, pred.kind)
    gv, gu, gk = _canon(gold.value, gold.unit, gold.kind)
    if pk != gk or (gk == "count" and pu and gu and pu not in gu and gu not in pu):
        return False
    candidates = (pv, pv * 100) if gk == "pct" else (pv, abs(pred.value))  # magnitude applied twice
    return any(math.isclose(v, gv, rel_tol=1e-9, abs_tol=1e-9) for v in candidates)


def _subject_score(pred: str, gold: str) -> float:
    p, g = _norm(pred), _norm(gold)
    if not p or not g:
        return 0.0
    return 100.0 if p in g or g in p else fuzz.partial_ratio(p, g)


def _period_ok(pred: str | None, gold: str | None) -> bool:
    p, g = _norm(pred), _norm(gold)
    return (not p and not g) or bool(p and g and (p in g or g in p))


def _title_ok(pred: str | None, gold: str | None) -> bool:
    p, g = _norm(pred), _norm(gold)
    return not g or bool(p and (p in g or g in p))


# --------------------------------------------------------------------------- matching


def _greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: highest score first, ties in (gold, pred) order."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in sorted(pairs, key=lambda x: -x[0]):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return out


def _score(
    gold: Sequence[GoldOfficial | GoldMetric | GoldCommitment],
    n_pred: int,
    pairs: Iterable[tuple[float, int, int]],
    gold_label: Sequence[str],
    pred_label: Sequence[str],
) -> tuple[PRF, list[tuple[int, int]]]:
    """PRF over `pairs` (score, gold index, pred index); returns the required matches."""
    matches = _greedy((s + (0 if gold[g].optional else _REQUIRED_BONUS), g, p) for s, g, p in pairs)
    required = [(g, p) for g, p in matches if not gold[g].optional]
    hit_g = {g for g, _ in matches}
    hit_p = {p for _, p in matches}
    prf = PRF(
        tp=len(required),
        fp=n_pred - len(matches),
        fn=sum(not x.optional for x in gold) - len(required),
        missed=[gold_label[i] for i, x in enumerate(gold) if not x.optional and i not in hit_g],
        spurious=[pred_label[i] for i in range(n_pred) if i not in hit_p],
    )
    return prf, required


def _score_officials(gold: GoldArticle, pred: list[Official]) -> tuple[PRF, PRF]:
    g_label = [f"{o.name} ({o.title})" for o in gold.officials]
    p_label = [f"{o.name} ({o.title})" for o in pred]
    same_name = [
        (0.0, gi, pi)
        for gi, g in enumerate(gold.officials)
        for pi, p in enumerate(pred)
        if _norm(p.name) == _norm(g.name)
    ]
    full = [(s, gi, pi) for s, gi, pi in same_name if _title_ok(pred[pi].title, gold.officials[gi].title)]
    by_title, _ = _score(gold.officials, len(pred), full, g_label, p_label)
    by_name, _ = _score(gold.officials, len(pred), same_name, g_label, p_label)
    return by_title, by_name


def _score_metrics(gold: GoldArticle, pred: list[Metric], ev: ArticleEval) -> None:
    pairs = [
        (_subject_score(p.subject, g.subject) + 50 * _period_ok(p.period, g.period), gi, pi)
        for gi, g in enumerate(gold.metrics)
        for pi, p in enumerate(pred)
        if _metric_match(p, g)
    ]
    g_label = [f"{m.value_text} {m.subject}" for m in gold.metrics]
    p_label = [f"{m.value_text} {m.subject}" for m in pred]
    ev.metrics, matched = _score(gold.metrics, len(pred), pairs, g_label, p_label)
    for gi, pi in matched:
        g, p = gold.metrics[gi], pred[pi]
        ev.metric_subject += Rate(ok=int(_subject_score(p.subject, g.subject) >= 60), total=1)
        ev.metric_period += Rate(ok=int(_period_ok(p.period, g.period)), total=1)
        ev.metric_role += Rate(ok=int(p.role == g.role), total=1)


def _score_commitments(gold: GoldArticle, pred: list[Commitment], text: str, ev: ArticleEval) -> None:
    pairs = []
    for gi, g in enumerate(gold.commitments):
        spans = [s for q in (g.quote, *g.alt_quotes) for s in _find_all(text, q)]
        if not spans:
            ev.unlocated_gold_quotes.append(g.quote)
        for pi, p in enumerate(pred):
            overlap = max((min(e, p.span[1]) - max(s, p.span[0]) for s, e in spans), default=0)
            if overlap > 0:
                pairs.append((float(overlap), gi, pi))
    g_label = [c.quote for c in gold.commitments]
    p_label = [c.quote for c in pred]
    ev.commitments, _ = _score(gold.commitments, len(pred), pairs, g_label, p_label)


def evaluate_article(stem: str, gold: GoldArticle, result: ArticleResult) -> ArticleEval:
    """Score one output against its gold annotation."""
    ev = ArticleEval(article=stem)
    text = result.text
    ev.officials, ev.officials_name = _score_officials(gold, result.officials)
    _score_metrics(gold, result.metrics, ev)
    _score_commitments(gold, result.commitments, text, ev)
    items = [*result.officials, *result.non_officials, *result.metrics, *result.commitments]
    ev.span_validity = Rate(
        ok=sum(
            bool(i.quote)
            and 0 <= i.span[0] <= i.span[1] <= len(text)
            and text[i.span[0] : i.span[1]] == i.quote
            for i in items
        ),
        total=len(items),
    )
    folded = _norm(text)
    ev.hallucinated = [
        m.value_text for m in result.metrics if not (s := _strip_qualifiers(m.value_text)) or s not in folded
    ]
    non_officials = {_norm(n.name) for n in gold.non_officials}
    ev.non_officials_as_officials = [o.name for o in result.officials if _norm(o.name) in non_officials]
    return ev


def _error_row(stem: str, gold: GoldArticle, error: str) -> ArticleEval:
    """Missing or unreadable output: every required gold item is a false negative."""

    def lost(items: Sequence[GoldOfficial | GoldMetric | GoldCommitment], label: str) -> PRF:
        missed = [str(getattr(i, label)) for i in items if not i.optional]
        return PRF(fn=len(missed), missed=missed)

    return ArticleEval(
        article=stem,
        error=error,
        officials=lost(gold.officials, "name"),
        officials_name=lost(gold.officials, "name"),
        metrics=lost(gold.metrics, "value_text"),
        commitments=lost(gold.commitments, "quote"),
    )


def _overall(articles: list[ArticleEval]) -> ArticleEval:
    total = ArticleEval(article="overall")
    for a in articles:
        for field in (
            "officials",
            "officials_name",
            "metrics",
            "commitments",
            "metric_subject",
            "metric_period",
            "metric_role",
            "span_validity",
        ):
            setattr(total, field, getattr(total, field) + getattr(a, field))
        for field in ("hallucinated", "non_officials_as_officials", "unlocated_gold_quotes"):
            getattr(total, field).extend(f"{a.article}: {x}" for x in getattr(a, field))
    errors = sum(a.error is not None for a in articles)
    total.error = f"{errors} article(s) without usable output" if errors else None
    return total


def evaluate_dirs(gold_dir: Path, out_dir: Path) -> EvalReport:
    """Compare `out_dir/<stem>.json` with every `gold_dir/<stem>.json`."""
    golds = load_gold_dir(gold_dir)
    articles = []
    for stem, gold in golds.items():
        path = out_dir / f"{stem}.json"
        try:
            result = ArticleResult.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            articles.append(_error_row(stem, gold, f"missing output {path}"))
            continue
        except (OSError, ValidationError) as exc:
            reason = str(exc).splitlines()[0]
            articles.append(_error_row(stem, gold, f"unusable output {path}: {reason}"))
            continue
        articles.append(evaluate_article(stem, gold, result))
    ungraded = sorted(p.name for p in out_dir.glob("*.json") if p.stem not in golds)
    return EvalReport(
        gold_dir=str(gold_dir),
        out_dir=str(out_dir),
        articles=articles,
        overall=_overall(articles),
        ungraded_outputs=ungraded,
    )


def check_thresholds(
    report: EvalReport,
    *,
    min_metrics_f1: float | None = None,
    min_officials_f1: float | None = None,
    min_commitments_f1: float | None = None,
    min_span_validity: float | None = None,
    max_hallucinated: int | None = None,
) -> list[str]:
    """One message per threshold the overall scores do not meet."""
    o = report.overall
    failed = []
    for name, value, minimum in (
        ("metrics F1", o.metrics.f1, min_metrics_f1),
        ("officials F1", o.officials.f1, min_officials_f1),
        ("commitments F1", o.commitments.f1, min_commitments_f1),
        ("span validity", o.span_validity.rate, min_span_validity),
    ):
        if minimum is not None and value is not None and value < minimum:
            failed.append(f"{name} {value:.3f} < {minimum:.3f}")
    if max_hallucinated is not None and len(o.hallucinated) > max_hallucinated:
        failed.append(f"hallucinated values {len(o.hallucinated)} > {max_hallucinated}")
    return failed


# --------------------------------------------------------------------------- rendering


def _prf(x: PRF) -> str:
    return f"{x.precision:.2f}/{x.recall:.2f}/{x.f1:.2f}"


def _rate(x: Rate) -> str:
    return "-" if x.rate is None else f"{x.rate:.2f}"


def render_report(report: EvalReport) -> Table:
    table = Table(title=f"summarizer eval: {report.out_dir} vs {report.gold_dir} (P/R/F1)")
    for header in (
        "article",
        "officials",
        "name F1",
        "metrics",
        "subject",
        "period",
        "commitments",
        "spans ok",
        "halluc.",
        "non-off.",
        "note",
    ):
        table.add_column(header, no_wrap=header != "note")
    for a in [*report.articles, report.overall]:
        last = a is report.overall
        if last:
            table.add_section()
        table.add_row(
            f"[bold]{a.article}[/]" if last else a.article,
            _prf(a.officials),
            f"{a.officials_name.f1:.2f}",
            _prf(a.metrics),
            _rate(a.metric_subject),
            _rate(a.metric_period),
            _prf(a.commitments),
            _rate(a.span_validity),
            str(len(a.hallucinated)),
            str(len(a.non_officials_as_officials)),
            f"[red]{a.error}[/]" if a.error else "",
        )
    return table


# --------------------------------------------------------------------------- command


def eval_command(
    gold: Annotated[Path, typer.Option("--gold", help="Directory of gold <stem>.json files.")],
    out_dir: Annotated[Path, typer.Argument(help="Directory of `summarizer extract` output.")],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the full report as JSON here.")
    ] = None,
    min_metrics_f1: Annotated[float | None, typer.Option(
        "--min-metrics-f1", help="Exit 1 if the metrics F1 is below this (seed-format gold).")] = None,
    min_officials_f1: Annotated[float | None, typer.Option(
        "--min-officials-f1", help="Exit 1 if the officials F1 is below this.")] = None,
    min_commitments_f1: Annotated[float | None, typer.Option(
        "--min-commitments-f1", help="Exit 1 if the commitments F1 is below this.")] = None,
    min_span_validity: Annotated[float | None, typer.Option(
        "--min-span-validity", help="Exit 1 if fewer items than this share have a valid span.")] = None,
    max_hallucinated: Annotated[int | None, typer.Option(
        "--max-hallucinated", help="Exit 1 if more metric values than this are not written in their article.")] = None,
) -> None:
    """Score extraction output against gold annotations; exit 1 if a threshold is missed.

    Gold in the dev-set format (`../shared/dev/gold`) gets the measures of its reference scorer.
    """
    console = Console()
    if not console.is_terminal:
        console.width = 200
    thresholds = (min_metrics_f1, min_officials_f1, min_commitments_f1, min_span_validity, max_hallucinated)
    try:
        if is_dev_gold_dir(gold):
            if any(t is not None for t in thresholds):
                raise SummarizerError("the --min-*/--max-* thresholds apply to the repository gold format only")
            _dev_eval(score_dirs(gold, out_dir), console, json_out)
            return
        report = evaluate_dirs(gold, out_dir)
    except SummarizerError as exc:
        Console(stderr=True).print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    report.failed_thresholds = check_thresholds(
        report,
        min_metrics_f1=min_metrics_f1,
        min_officials_f1=min_officials_f1,
        min_commitments_f1=min_commitments_f1,
        min_span_validity=min_span_validity,
        max_hallucinated=max_hallucinated,
    )
    console.print(render_report(report))
    _write_json(report, json_out)
    for message in report.failed_thresholds:
        console.print(f"[red]FAIL[/] {message}", highlight=False)
    if report.failed_thresholds:
        raise typer.Exit(1)


def _dev_eval(report: DevReport, console: Console, json_out: Path | None) -> None:
    """The dev-set table, then score.py's own lines (diffable with its output)."""
    console.print(render_dev_report(report))
    for line in report.lines():
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    _write_json(report, json_out)


def _write_json(report: BaseModel, json_out: Path | None) -> None:
    if json_out is None:
        return
    try:
        json_out.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    except OSError as exc:
        Console(stderr=True).print(f"[red]error:[/] cannot write {json_out}: {exc}")
        raise typer.Exit(2) from exc
