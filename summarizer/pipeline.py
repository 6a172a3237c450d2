"""Pipeline: ingest → chunk → extract → annotate/ground → merge, for one article."""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor

from summarizer.annotate import (
    PlanScope,
    build_commitment,
    build_metric,
    build_non_officials,
    build_officials,
    forward_cue,
    is_structural,
    speaker_for,
)
from summarizer.chunk import Chunk, make_chunks, split_sentences
from summarizer.errors import LLMError
from summarizer.extract import ChunkLabels, ChunkView, label_chunk
from summarizer.ingest import Article
from summarizer.llm import LLM, Stats
from summarizer.merge import merge_commitments, merge_metrics
from summarizer.models import ArticleResult, Commitment, ErrorItem, Metric, Rejected, Usage
from summarizer.normalize import find_periods, find_values
from summarizer.people import find_bylines, find_officials, speaker_at, speaker_turns


def run_article(article: Article, llm: LLM | None, concurrency: int = 1,
                budget: int = 2400, strict: bool = False) -> ArticleResult:
    """Extract one article. With `llm=None` only the deterministic layer runs (the baseline).
    Proposals that fail grounding go to `rejected` with the reason (`strict` drops them)."""
    started = time.monotonic()
    text = article.text
    stats = Stats()
    found = find_officials(text)
    bylines = find_bylines(text)
    turns = speaker_turns(text, found)
    people = {p.name: p for p in found}
    values = tuple(find_values(text))
    periods = find_periods(text, article.year)
    chunks = make_chunks(text, budget)

    def view(chunk: Chunk) -> ChunkView:
        name = speaker_at(turns, chunk.start)
        title = people[name].title if name in people else None
        speaker = f"{name}（{title}）" if name and title else name
        return ChunkView(chunk, text[chunk.start:chunk.end], article.source.title, speaker)

    def work(chunk: Chunk) -> ChunkLabels | LLMError:
        assert llm is not None
        try:
            return label_chunk(llm, view(chunk), stats)
        except LLMError as exc:
            return exc

    answers: list[ChunkLabels | LLMError] = []
    if llm is not None:
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            answers = list(pool.map(work, chunks))

    drafts: list[tuple[int, str, str]] = []
    gists: list[str] = []
    errors: list[ErrorItem] = []
    for chunk, answer in zip(chunks, answers, strict=False):
        if isinstance(answer, LLMError):
            errors.append(ErrorItem(stage="extract", chunk=chunk.index,
                                    span=(chunk.start, chunk.end), reason=str(answer)))
            continue
        drafts += [(chunk.start, d.name, d.title) for d in answer.officials]
        if answer.gist.strip():
            gists.append(answer.gist.strip())

    metrics: list[Metric] = []
    commitments: list[Commitment] = []
    scope = PlanScope()
    for sent in split_sentences(text, max_len=1000, semicolons=False):
        speaker = speaker_for(turns, people, sent.start)
        paragraph = text.count("\n", 0, sent.start)
        committing, _ = scope.step(sent.text, speaker_at(turns, sent.start), paragraph)
        inside = tuple(v for v in values if sent.start <= v.start and v.end <= sent.end
                       and not is_structural(text, v))
        targets = []
        forward = forward_cue(sent.text)
        for value in inside:
            # A target follows a forward cue in its sentence, or sits in an inherited plan item.
            is_target = (forward is not None and value.start >= sent.start + forward) or (
                committing and forward is None)
            metrics.append(build_metric(text, len(metrics) + 1, value, sent, inside, periods,
                                        speaker.name if speaker else None, is_target))
            if is_target:
                targets.append(value)
        if committing:
            commitments.append(build_commitment(text, len(commitments) + 1, sent, targets,
                                                periods, speaker))

    officials, rejected = build_officials(text, found, drafts, bylines)
    summary, dropped_gists = summarize(gists, text)
    ids = {o.name: o.id for o in officials}
    metrics = [m.model_copy(update={"speaker": ids.get(m.speaker or "")}) for m in merge_metrics(metrics)]
    commitments = [c.model_copy(update={"speaker": ids.get(c.speaker or "")})
                   for c in merge_commitments(commitments)]
    return ArticleResult(
        source=article.source, text=text, summary=summary,
        officials=officials, non_officials=build_non_officials(text, bylines),
        metrics=metrics, commitments=commitments, rejected=[] if strict else rejected + dropped_gists,
        dropped=article.dropped,
        usage=Usage(llm_calls=stats.llm_calls, cache_hits=stats.cache_hits,
                    prompt_tokens=stats.prompt_tokens, completion_tokens=stats.completion_tokens,
                    seconds=round(time.monotonic() - started, 3)),
        model=llm.endpoint.model if llm else "deterministic", errors=errors,
    )


def summarize(gists: list[str], text: str, limit: int = 80) -> tuple[str, list[Rejected]]:
    """Join chunk gists. A gist that copies a long passage is cut to its first sentence (or
    dropped); one with a number that is not in the article is dropped and reported."""
    kept: list[str] = []
    rejected: list[Rejected] = []
    for gist in gists:
        gist = re.sub(r"\s+", "", gist)
        if len(gist) > limit:
            end = re.search(r"[。！？!?]", gist[:limit])
            gist = gist[: end.end()] if end else ""
        foreign = [n for n in re.findall(r"\d+(?:\.\d+)?", gist) if n not in text]
        if foreign:
            rejected.append(Rejected(type="summary", status="unsupported", item={"gist": gist},
                                     reason=f"numbers not in the article: {', '.join(foreign)}"))
            continue
        if gist and gist not in kept:
            kept.append(gist.rstrip("。") + "。")
    return "".join(kept), rejected
