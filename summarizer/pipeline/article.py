"""Pipeline: ingest → chunk → label (the model) → annotate/ground → merge, for one article."""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from summarizer.lang.metrics import (
    build_metric,
    speaker_for,
)
from summarizer.text.chunk import Chunk, Sentence, make_chunks, split_sentences
from summarizer.errors import LLMError, ModelOutputError
from summarizer.text.hanzi import is_traditional, simplified_view, to_traditional
from summarizer.text.ingest import Article
from summarizer.llm.label import ChunkLabels, ChunkView, FullLabels, label_chunk
from summarizer.lang.lead import lead
from summarizer.llm.client import LLM
from summarizer.lang.merge import merge_commitments, merge_metrics
from summarizer.models import (
    ArticleResult,
    ArticleStatus,
    Commitment,
    Disagreement,
    ErrorItem,
    Grounded,
    Metric,
    Profile,
    Rejected,
    Span,
    Usage,
)
from summarizer.lang.nonmetrics import non_metric
from summarizer.lang.values import find_periods, find_values
from summarizer.lang.officials import build_non_officials, build_officials
from summarizer.lang.people import ROLE, SPEAKING, PersonMention, find_bylines, find_officials, speaker_at, speaker_turns
from summarizer.lang.pledges import (
    Actors,
    PlanScope,
    acting_body,
    build_commitment,
    forward_cue,
    label_len,
    pledge_deadline,
    pledge_pieces,
    report_date,
    reported_in_clause,
    subject_before_cue,
)
from summarizer.pipeline.focus import focus_groups
from summarizer.pipeline.verify import ChunkAnswer, SentenceFacts, apply_model


def run_article(article: Article, llm: LLM | None, concurrency: int = 1,
                budget: int = 2400, strict: bool = False, profile: Profile = "small") -> ArticleResult:
    """Extract one article. With `llm=None` only the deterministic layer runs (the baseline).
    `profile` is what the model is asked per chunk (`extract`): `full` answers are merged into the
    rules' items by `verify`. Proposals that fail grounding go to `rejected` with the reason
    (`strict` drops them)."""
    started = time.monotonic()
    original = article.text
    text = simplified_view(original)  # rules read simplified characters; offsets are shared
    usage = Usage()  # the LLM counts its calls into it
    found = find_officials(text)
    bylines = find_bylines(text)
    turns = speaker_turns(text, found)
    people = {p.name: p for p in found}
    values = tuple(find_values(text))
    periods = find_periods(text, article.year)
    full = llm is not None and profile == "full"
    sentences = split_sentences(text, max_len=1000, semicolons=False)
    # `small` sends the headline, the lead and the sentences that can name an official (none:
    # no call, the lead is the summary); `full` sends every chunk.
    chunks = make_chunks(text, budget) if full or llm is None else focus_groups(sentences, budget)
    sentence_ids = {s.start: i + 1 for i, s in enumerate(sentences)}
    opening = lead(text, original, article.source.title) if llm is not None and not full else ""
    facts = [SentenceFacts(sent, tuple(v for v in values if sent.start <= v.start and v.end <= sent.end
                                       and not non_metric(text, v)),
                           tuple(p for p in periods if sent.start <= p.start and p.end <= sent.end))
             for sent in sentences]

    def view(chunk: Chunk) -> ChunkView:
        name = speaker_at(turns, chunk.start)
        title = people[name].title if name in people else None
        speaker = f"{name}（{title}）" if name and title else name
        chunk_text = original[chunk.start:chunk.end]
        if not full:
            excerpt = tuple((sentence_ids[s.start], original[s.start:s.end]) for s in chunk.sentences)
            return ChunkView(chunk, chunk_text, article.source.title, None, lead=opening, excerpt=excerpt)
        marks = tuple((max(f.sentence.start, chunk.start) - chunk.start, i + 1) for i, f in enumerate(facts)
                      if f.sentence.start < chunk.end and f.sentence.end > chunk.start)
        numbers = tuple((k + 1, original[v.start:v.end], i + 1) for k, (i, v) in enumerate(
            (i, v) for i, f in enumerate(facts) for v in f.values) if chunk.start <= v.start and v.end <= chunk.end)
        return ChunkView(chunk, chunk_text, article.source.title, speaker, marks, numbers)

    def work(chunk: Chunk) -> ChunkLabels | LLMError:
        assert llm is not None
        try:
            return label_chunk(llm, view(chunk), usage, profile)
        except LLMError as exc:
            return exc

    answers: list[ChunkLabels | LLMError] = []
    if llm is not None and (len(chunks) == 1 or concurrency <= 1):
        answers = [work(c) for c in chunks]  # no pool (a thread start costs ~6 ms of GIL time)
    elif llm is not None:
        with ThreadPoolExecutor(max_workers=min(concurrency, len(chunks))) as pool:
            answers = list(pool.map(work, chunks))

    drafts: list[tuple[int, str, str]] = []
    gists: list[str] = []
    errors: list[ErrorItem] = []
    semantic: list[ChunkAnswer] = []  # the full profile's commitments and subjects, per chunk
    unusable = 0  # chunks whose answer the model could not produce: they degrade the article
    for chunk, answer in zip(chunks, answers, strict=False):
        if isinstance(answer, LLMError):
            unusable += isinstance(answer, ModelOutputError)
            errors.append(ErrorItem(stage="extract", chunk=chunk.index,
                                    span=(chunk.start, chunk.end), reason=str(answer)))
            continue
        drafts += [(near_name(chunk, simplified_view(d.name)), simplified_view(d.name), simplified_view(d.title))
                   for d in answer.officials]
        if answer.gist.strip() and (full or not gists):  # `small`: every group sees one lead
            gists.append(answer.gist.strip())
        if isinstance(answer, FullLabels):
            shown = view(chunk)
            semantic.append(ChunkAnswer(frozenset(sid for _, sid in shown.marks),
                                        frozenset(vid for vid, _, _ in shown.numbers),
                                        tuple(answer.commitments), tuple(answer.subjects.items())))
    # Degraded: every rule-found item is there, only the model's part of some chunk is missing.
    # Any other failure (transport, endpoint) fails the article: a rerun may complete it.
    status: ArticleStatus = "failed" if len(errors) > unusable else "degraded" if errors else "ok"

    metrics: list[Metric] = []
    commitments: list[Commitment] = []
    origin: list[int] = []  # the sentence of each commitment
    scope = PlanScope(article.year)
    # when the news was told (李立业12月12日预料…) is no metric's period nor a pledge's deadline; a
    # year already past is no deadline either (二○二二年《施政报告》提出…)
    told_periods = [p for p in periods if not report_date(text, p)]
    deadlines = [p for p in told_periods if not (article.year and p.year_to and p.year_to < article.year)]
    actors = Actors()
    actors.learn_places(text)
    for index, (sent, fact) in enumerate(zip(sentences, facts, strict=True)):
        cue = forward_cue(sent.text, article.year, label_len(sent.text))
        forward = cue.start() if cue else None
        speaker = speaker_for(turns, people, sent.start) or inline_speaker(found, sent, forward)
        fact.speaker = speaker
        paragraph = text.count("\n", 0, sent.start)
        committing, _ = scope.step(sent.text, speaker_at(turns, sent.start), paragraph)
        inside = fact.values
        at = None if forward is None else sent.start + forward
        # A target follows a forward cue in its sentence, or sits in an inherited plan item; with
        # neither, the value in the subject right before the cue (约2 600个单位将于…落成).
        targets = [v for v in inside if ((at is not None and v.start >= at) or (committing and at is None))
                   and not reported_in_clause(text, sent, v, at)]
        if not targets and at is not None:
            targets = [v for v in inside if subject_before_cue(text, v, at, inside)
                       and not reported_in_clause(text, sent, v, at)]
        for value in inside:
            metrics.append(build_metric(text, len(metrics) + 1, value, sent, inside, told_periods,
                                        speaker.name if speaker else None, value in targets))
        if committing:
            head = (sent.start, sent.end)
            for piece in pledge_pieces(text, sent.start, sent.end, targets, article.year):
                piece_cue = forward_cue(text[piece[0]:piece[1]], article.year)
                at = piece[0] + piece_cue.start() if piece_cue else None
                deadline = pledge_deadline(deadlines, piece, head, at)
                responsible = acting_body(text, sent, piece, at, periods, actors, speaker)
                commitments.append(build_commitment(text, len(commitments) + 1, piece, targets, deadline,
                                                    responsible, speaker))
                origin.append(index)
        elif semantic:  # what the rules would make of it, should the model find a pledge here
            piece = (sent.start, sent.end)
            at = sent.start + forward if forward is not None else None
            fact.shadow = build_commitment(
                text, 0, piece, targets, pledge_deadline(deadlines, piece, piece, at),
                acting_body(text, sent, piece, at, periods, actors, speaker), speaker)
        actors.observe(text, sent, paragraph)

    disagreements: list[Disagreement] = []
    model_rejected: list[Rejected] = []
    if semantic:
        verified = apply_model(text, article.year, facts, metrics, commitments, origin, semantic)
        metrics, commitments = verified.metrics, verified.commitments
        disagreements, model_rejected = verified.disagreements, verified.rejected
    before = {m.id: m.span for m in metrics} | {c.id: c.span for c in commitments}

    officials, rejected = build_officials(text, found, drafts, bylines)
    summary, dropped_gists = summarize(gists, text)
    if summary and is_traditional(original, text):
        summary = to_traditional(summary)  # the model may answer in simplified characters
    if not summary:  # no model, no usable answer, or every gist dropped: the article's own lead
        summary = lead(text, original, article.source.title)
    ids = {o.name: o.id for o in officials}
    metrics = [m.model_copy(update={"speaker": ids.get(m.speaker or "")}) for m in merge_metrics(metrics)]
    commitments = [c.model_copy(update={"speaker": ids.get(c.speaker or "")})
                   for c in merge_commitments(commitments)]
    disagreements = renumber(disagreements, before, [*metrics, *commitments])
    non_officials = build_non_officials(text, bylines)
    if text != original:
        officials = [restore(o, text, original) for o in officials]
        non_officials = [restore(p, text, original) for p in non_officials]
        metrics = [restore(m, text, original) for m in metrics]
        commitments = [restore(c, text, original) for c in commitments]
        spans = {m.id: m.span for m in metrics} | {c.id: c.span for c in commitments}
        disagreements = [restore_disagreement(d, spans[d.id], text, original) for d in disagreements]
    usage.seconds = round(time.monotonic() - started, 3)
    return ArticleResult(
        source=article.source, text=original, summary=summary,
        officials=officials, non_officials=non_officials,
        metrics=metrics, commitments=commitments,
        rejected=[] if strict else rejected + model_rejected + dropped_gists,
        disagreements=disagreements, dropped=article.dropped,
        usage=usage,
        model=llm.endpoint.model if llm else "deterministic", profile=profile if llm else None,
        errors=errors, status=status,
    )


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


_SPEECH = re.compile(SPEAKING)


def inline_speaker(found: list[PersonMention], sent: Sentence, forward: int | None) -> PersonMention | None:
    """Outside a speaker's turn: an official named in this sentence (introduced here or earlier)
    with a verb of speech before what they announce (「副局长刘芳在回答记者提问时说，明年将…」,
    「张建国表示，今年以来…」)."""
    stop = forward if forward is not None else len(sent.text)
    best: tuple[int, PersonMention] | None = None
    for p in found:
        at = sent.text.find(p.name, 0, stop)
        if at >= 0 and _SPEECH.search(sent.text, at + len(p.name), stop) and (best is None or at < best[0]):
            best = (at, p)
    return best[1] if best else None


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
