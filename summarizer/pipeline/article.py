"""Pipeline: ingest → chunk → label (the model) → annotate/ground → merge, for one article."""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from dataclasses import field as default
from typing import TypeVar

from summarizer.config import DEFAULTS
from summarizer.errors import LLMError, ModelOutputError
from summarizer.lang.lead import lead
from summarizer.lang.merge import merge_commitments, merge_metrics
from summarizer.lang.nonmetrics import non_metric
from summarizer.lang.officials import build_non_officials, build_officials
from summarizer.lang.people import (
    ROLE,
    Byline,
    PersonMention,
    Turn,
    find_bylines,
    find_officials,
    speaker_at,
    speaker_turns,
)
from summarizer.lang.values import Period, find_periods, find_values
from summarizer.llm.client import LLM
from summarizer.llm.label import ChunkLabels, ChunkView, FullLabels, label_chunk
from summarizer.models import (
    ArticleResult,
    ArticleStatus,
    Commitment,
    Disagreement,
    ErrorItem,
    Grounded,
    Metric,
    NonOfficial,
    Official,
    Profile,
    Rejected,
    Span,
    Usage,
)
from summarizer.pipeline.commitments import select_commitments
from summarizer.pipeline.focus import focus_groups
from summarizer.pipeline.verify import ChunkAnswer, SentenceFacts, apply_model
from summarizer.text.chunk import Chunk, Sentence, make_chunks, split_sentences
from summarizer.text.hanzi import is_traditional, simplified_view, to_traditional
from summarizer.text.ingest import Article


@dataclass
class Reading:
    """What the rules read in an article before the model is asked: its officials, bylines and
    speaker turns, values and periods, and its sentences with the facts each one holds."""

    article: Article
    original: str  # as written
    text: str  # the simplified view the rules read; offsets are shared
    found: list[PersonMention]
    bylines: list[Byline]
    turns: list[Turn]
    people: dict[str, PersonMention]
    periods: list[Period]
    sentences: list[Sentence]
    facts: list[SentenceFacts]

    @property
    def sentence_ids(self) -> dict[int, int]:
        """Each sentence's id (1-based) by its start."""
        return {s.start: i + 1 for i, s in enumerate(self.sentences)}


@dataclass
class Answers:
    """The model's answers, chunk by chunk, sorted into what the article uses."""

    drafts: list[tuple[int, str, str]] = default(default_factory=list)  # (chunk start, name, title)
    gists: list[str] = default(default_factory=list)
    errors: list[ErrorItem] = default(default_factory=list)
    semantic: list[ChunkAnswer] = default(default_factory=list)  # the full profile's, per chunk
    unusable: int = 0  # chunks whose answer the model could not produce: they degrade the article

    @property
    def status(self) -> ArticleStatus:
        # Degraded: every rule-found item is there, only the model's part of some chunk is missing.
        # Any other failure (transport, endpoint) fails the article: a rerun may complete it.
        return "failed" if len(self.errors) > self.unusable else "degraded" if self.errors else "ok"


@dataclass
class Items:
    """An article's items as its result lists them."""

    officials: list[Official]
    non_officials: list[NonOfficial]
    metrics: list[Metric]
    commitments: list[Commitment]
    disagreements: list[Disagreement]


def run_article(article: Article, llm: LLM | None, concurrency: int = 1,
                budget: int = DEFAULTS.chunk_chars, strict: bool = False,
                profile: Profile = "small") -> ArticleResult:
    """Extract one article. With `llm=None` only the deterministic layer runs (the baseline).
    `profile` is what the model is asked per chunk (`extract`): `full` answers are merged into the
    rules' items by `verify`. Proposals that fail grounding go to `rejected` with the reason
    (`strict` drops them)."""
    started = time.monotonic()
    usage = Usage()  # the LLM counts its calls into it
    reading = read(article)
    full = llm is not None and profile == "full"
    # `small` sends the headline, the lead and the sentences that can name an official (none:
    # no call, the lead is the summary); `full` sends every chunk.
    chunks = make_chunks(reading.text, budget) if full or llm is None else focus_groups(reading.sentences, budget)
    answers = sort_answers(reading, chunks, ask_model(reading, chunks, llm, concurrency, usage, profile), full)
    metrics, commitments, origin = select_commitments(
        article, reading.text, reading.sentences, reading.facts, reading.periods, reading.turns,
        reading.people, reading.found, answers.semantic)
    disagreements: list[Disagreement] = []
    model_rejected: list[Rejected] = []
    if answers.semantic:
        verified = apply_model(reading.text, article.year, reading.facts, metrics, commitments, origin,
                               answers.semantic)
        metrics, commitments = verified.metrics, verified.commitments
        disagreements, model_rejected = verified.disagreements, verified.rejected
    officials, rejected = build_officials(reading.text, reading.found, answers.drafts, reading.bylines)
    summary, dropped_gists = article_summary(reading, answers.gists)
    items = merged(reading, officials, metrics, commitments, disagreements)
    usage.seconds = round(time.monotonic() - started, 3)
    return ArticleResult(
        source=article.source, text=reading.original, summary=summary,
        officials=items.officials, non_officials=items.non_officials,
        metrics=items.metrics, commitments=items.commitments,
        rejected=[] if strict else rejected + model_rejected + dropped_gists,
        disagreements=items.disagreements, dropped=article.dropped,
        usage=usage,
        model=llm.endpoint.model if llm else "deterministic", profile=profile if llm else None,
        errors=answers.errors, status=answers.status,
    )


def read(article: Article) -> Reading:
    """The rules' reading of `article` (in its simplified view)."""
    original = article.text
    text = simplified_view(original)  # rules read simplified characters; offsets are shared
    found = find_officials(text)
    values = tuple(find_values(text))
    periods = find_periods(text, article.year)
    sentences = split_sentences(text, max_len=1000, semicolons=False)
    facts = [SentenceFacts(sent, tuple(v for v in values if sent.start <= v.start and v.end <= sent.end
                                       and not non_metric(text, v)),
                           tuple(p for p in periods if sent.start <= p.start and p.end <= sent.end))
             for sent in sentences]
    return Reading(article, original, text, found, find_bylines(text), speaker_turns(text, found),
                   {p.name: p for p in found}, periods, sentences, facts)


def chunk_view(reading: Reading, chunk: Chunk, full: bool) -> ChunkView:
    """What the model is shown of `chunk`: its text, the article's title and the speaker; in the
    `full` profile also its sentence marks and numbered values."""
    article, original, facts = reading.article, reading.original, reading.facts
    name = speaker_at(reading.turns, chunk.start)
    title = reading.people[name].title if name in reading.people else None
    speaker = f"{name}（{title}）" if name and title else name
    chunk_text = original[chunk.start:chunk.end]
    if not full:
        ids = reading.sentence_ids
        excerpt = tuple((ids[s.start], original[s.start:s.end]) for s in chunk.sentences)
        opening = lead(reading.text, original, article.source.title)
        return ChunkView(chunk, chunk_text, article.source.title, None, lead=opening, excerpt=excerpt)
    marks = tuple((max(f.sentence.start, chunk.start) - chunk.start, i + 1) for i, f in enumerate(facts)
                  if f.sentence.start < chunk.end and f.sentence.end > chunk.start)
    numbers = tuple((k + 1, original[v.start:v.end], i + 1) for k, (i, v) in enumerate(
        (i, v) for i, f in enumerate(facts) for v in f.values) if chunk.start <= v.start and v.end <= chunk.end)
    return ChunkView(chunk, chunk_text, article.source.title, speaker, marks, numbers)


def ask_model(reading: Reading, chunks: list[Chunk], llm: LLM | None, concurrency: int, usage: Usage,
              profile: Profile) -> list[ChunkLabels | LLMError]:
    """The model's labels for each chunk (or why there are none), `concurrency` chunks at a time;
    nothing without a model."""
    if llm is None:
        return []
    full = profile == "full"

    def work(chunk: Chunk) -> ChunkLabels | LLMError:
        try:
            return label_chunk(llm, chunk_view(reading, chunk, full), usage, profile)
        except LLMError as exc:
            return exc

    if len(chunks) == 1 or concurrency <= 1:
        return [work(c) for c in chunks]  # no pool (a thread start costs ~6 ms of GIL time)
    with ThreadPoolExecutor(max_workers=min(concurrency, len(chunks))) as pool:
        return list(pool.map(work, chunks))


def sort_answers(reading: Reading, chunks: list[Chunk], answers: list[ChunkLabels | LLMError],
                 full: bool) -> Answers:
    """The officials the model proposes, its gists, its failures per chunk and (full profile) its
    commitments and subjects, with the sentences and values each chunk showed it."""
    out = Answers()
    for chunk, answer in zip(chunks, answers, strict=False):
        if isinstance(answer, LLMError):
            out.unusable += isinstance(answer, ModelOutputError)
            out.errors.append(ErrorItem(stage="extract", chunk=chunk.index,
                                        span=(chunk.start, chunk.end), reason=str(answer)))
            continue
        out.drafts += [(near_name(chunk, simplified_view(d.name)), simplified_view(d.name),
                        simplified_view(d.title)) for d in answer.officials]
        if answer.gist.strip() and (full or not out.gists):  # `small`: every group sees one lead
            out.gists.append(answer.gist.strip())
        if isinstance(answer, FullLabels):
            shown = chunk_view(reading, chunk, full)
            out.semantic.append(ChunkAnswer(frozenset(sid for _, sid in shown.marks),
                                            frozenset(vid for vid, _, _ in shown.numbers),
                                            tuple(answer.commitments), tuple(answer.subjects.items())))
    return out


def article_summary(reading: Reading, gists: list[str]) -> tuple[str, list[Rejected]]:
    """The model's gists joined (in the article's characters), else the article's own lead; and
    the gists dropped."""
    text, original = reading.text, reading.original
    summary, dropped_gists = summarize(gists, text)
    if summary and is_traditional(original, text):
        summary = to_traditional(summary)  # the model may answer in simplified characters
    if not summary:  # no model, no usable answer, or every gist dropped: the article's own lead
        summary = lead(text, original, reading.article.source.title)
    return summary, dropped_gists


def merged(reading: Reading, officials: list[Official], metrics: list[Metric], commitments: list[Commitment],
           disagreements: list[Disagreement]) -> Items:
    """The article's items merged (a repeated fact once), speakers named by official id, and
    every string as the article writes it."""
    text, original = reading.text, reading.original
    before = {m.id: m.span for m in metrics} | {c.id: c.span for c in commitments}
    ids = {o.name: o.id for o in officials}
    metrics = [m.model_copy(update={"speaker": ids.get(m.speaker or "")}) for m in merge_metrics(metrics)]
    commitments = [c.model_copy(update={"speaker": ids.get(c.speaker or "")})
                   for c in merge_commitments(commitments)]
    disagreements = renumber(disagreements, before, [*metrics, *commitments])
    non_officials = build_non_officials(text, reading.bylines)
    if text != original:
        officials = [restore(o, text, original) for o in officials]
        non_officials = [restore(p, text, original) for p in non_officials]
        metrics = [restore(m, text, original) for m in metrics]
        commitments = [restore(c, text, original) for c in commitments]
        spans = {m.id: m.span for m in metrics} | {c.id: c.span for c in commitments}
        disagreements = [restore_disagreement(d, spans[d.id], text, original) for d in disagreements]
    return Items(officials, non_officials, metrics, commitments, disagreements)


def near_name(chunk: Chunk, name: str) -> int:
    """Where the model read `name`: the first sentence sent that holds it (grounding prefers
    the occurrence nearest this), else the chunk's start."""
    return next((s.start for s in chunk.sentences if name and name in s.text), chunk.start)


def renumber(disagreements: list[Disagreement], spans: dict[str, Span],
             items: list[Metric | Commitment]) -> list[Disagreement]:
    """Disagreements name their item by its id before `merge` renumbered it: name it by the id of
    the item that now holds its span (a repeated fact merged into one names that one)."""
    out: list[Disagreement] = []
    for d in disagreements:
        span = spans[d.id]
        kind = Metric if d.type == "metric" else Commitment
        item = next((x for x in items if isinstance(x, kind) and span in x.spans), None)
        if item is not None:
            moved = d.model_copy(update={"id": item.id})
            if moved not in out:
                out.append(moved)
    return out


def restore_disagreement(d: Disagreement, span: Span, view: str, original: str) -> Disagreement:
    """A disagreement's strings (both read in the simplified view) in the article's characters,
    read near its item at `span`."""
    lo, hi = max(0, span[0] - 200), min(len(view), span[1] + 200)
    return d.model_copy(update={"rule": _as_written(d.rule, view, original, lo, hi) if d.rule else d.rule,
                                "model": _as_written(d.model, view, original, lo, hi)})


_T = TypeVar("_T", bound=Grounded)
_AS_WRITTEN = ("quote", "name", "title", "organization", "subject", "value_text", "period", "action",
               "target", "deadline", "responsible")


def restore(item: _T, view: str, original: str) -> _T:
    """Give an item built on the simplified view the characters as written in the article."""
    lo, hi = max(0, item.span[0] - 200), min(len(view), item.span[1] + 200)
    update: dict[str, str] = {}
    for field in _AS_WRITTEN:
        value = getattr(item, field, None)
        if isinstance(value, str) and value:
            update[field] = _as_written(value, view, original, lo, hi)
    return item.model_copy(update=update)


def _as_written(value: str, view: str, original: str, lo: int, hi: int) -> str:
    """`value` in the article's characters, piece by piece: a subject joined from two places
    (「城镇、农村居民人均可支配收入」 → 城镇 + 居民…) is written as the article writes each piece."""
    out: list[str] = []
    i = 0
    while i < len(value):
        for j in range(len(value), i, -1):
            pos = view.find(value[i:j], lo, hi)
            pos = pos if pos >= 0 else view.find(value[i:j])
            if pos >= 0:
                out.append(original[pos:pos + j - i])
                i = j
                break
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def summarize(gists: list[str], text: str, limit: int = 80) -> tuple[str, list[Rejected]]:
    """Join chunk gists. A gist that copies a long passage is cut to its first sentence (or
    dropped); one with a number, or an official's title with a name, that is not in the article
    is dropped and reported."""
    kept: list[str] = []
    rejected: list[Rejected] = []
    for gist in gists:
        gist = re.sub(r"\s+", "", gist)
        if len(gist) > limit:
            end = re.search(r"[。！？!?]", gist[:limit])
            gist = gist[: end.end()] if end else ""
        foreign = [n for n in re.findall(r"\d+(?:\.\d+)?", gist)
                   if not re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", text)]
        if foreign:
            rejected.append(Rejected(type="summary", status="unsupported", item={"gist": gist},
                                     reason=f"numbers not in the article: {', '.join(foreign)}"))
            continue
        people = [gist[m.start():m.end() + 2] for m in re.finditer(ROLE, gist)
                  if gist[m.start():m.end() + 2] not in text]
        if people:
            rejected.append(Rejected(type="summary", status="unsupported", item={"gist": gist},
                                     reason=f"names people not in the article: {', '.join(people)}"))
            continue
        sentence = gist.rstrip("。") + "。"
        if gist and sentence not in kept:  # two chunks may give one gist (「…?」 too)
            kept.append(sentence)
    return "".join(kept), rejected
