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
    speaker_for,
)
from summarizer.chunk import Chunk, make_chunks, split_sentences
from summarizer.errors import LLMError
from summarizer.extract import ChunkLabels, ChunkView, label_chunk
from summarizer.ingest import Article
from summarizer.llm import LLM, Stats
from summarizer.merge import merge_commitments, merge_metrics
from summarizer.models import ArticleResult, Commitment, ErrorItem, Metric, Usage
from summarizer.normalize import find_periods, find_values
from summarizer.people import find_bylines, find_officials, speaker_at, speaker_turns


def run_article(article: Article, llm: LLM | None, concurrency: int = 1,
                budget: int = 1500) -> ArticleResult:
    """Extract one article. With `llm=None` only the deterministic layer runs (the baseline)."""
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
        turn = speaker_at(turns, sent.start) or ("turn", next(
            (i for i, t in enumerate(turns) if t.start <= sent.start < t.end), -1))
        committing, cue = scope.step(sent.text, turn)
        inside = tuple(v for v in values if sent.start <= v.start and v.end <= sent.end)
        targets = []
        for value in inside:
            is_target = committing and cue is not None and value.start >= sent.start + cue
            metrics.append(build_metric(text, len(metrics) + 1, value, sent, inside, periods,
                                        speaker.name if speaker else None, is_target))
            if is_target:
                targets.append(value)
        if committing:
            commitments.append(build_commitment(text, len(commitments) + 1, sent, targets,
                                                periods, speaker))

    officials, rejected = build_officials(text, found, drafts, bylines)
    ids = {o.name: o.id for o in officials}
    metrics = [m.model_copy(update={"speaker": ids.get(m.speaker or "")}) for m in merge_metrics(metrics)]
    commitments = [c.model_copy(update={"speaker": ids.get(c.speaker or "")})
                   for c in merge_commitments(commitments)]
    return ArticleResult(
        source=article.source, text=text, summary=summarize(gists, text),
        officials=officials, non_officials=build_non_officials(text, bylines),
        metrics=metrics, commitments=commitments, rejected=rejected, dropped=article.dropped,
        usage=Usage(llm_calls=stats.llm_calls, cache_hits=stats.cache_hits,
                    prompt_tokens=stats.prompt_tokens, completion_tokens=stats.completion_tokens,
                    seconds=round(time.monotonic() - started, 3)),
        model=llm.endpoint.model if llm else "deterministic", errors=errors,
    )


def summarize(gists: list[str], text: str) -> str:
    """Join chunk gists; a gist with a number that is not in the article is dropped."""
    kept: list[str] = []
    for gist in gists:
        numbers = re.findall(r"\d+(?:\.\d+)?", gist)
        if any(n not in text for n in numbers) or gist in kept:
            continue
        kept.append(gist.rstrip("。") + "。")
    return "".join(kept)
