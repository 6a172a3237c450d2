"""Labelled sentences for the pledge classifier, from a dev set laid out as `../shared/dev`
(`articles/*.txt`, `gold/*.json`, `splits.json`).

A sentence is the pipeline's unit (`split_sentences(simplified text, max_len=1000,
semicolons=False)`); it counts as a pledge when it holds a gold commitment's keyword. Each row
also carries what the pipeline knows there: the speaker's turn, the rules' decision
(`PlanScope.step`) and the article's year.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summarizer.lang.people import find_officials, speaker_at, speaker_turns
from summarizer.lang.pledge_features import PledgeContext, article_contexts
from summarizer.lang.pledges import PlanScope
from summarizer.text.chunk import split_sentences
from summarizer.text.hanzi import simplified_view
from summarizer.text.ingest import load_article


@dataclass(frozen=True)
class Row:
    article: str
    sentence: str
    label: bool
    rules: bool
    context: PledgeContext


def splits(dev: Path) -> tuple[list[str], list[str]]:
    """(build, validation) article stems, sorted: validation is what `splits.json` names."""
    validation = set(json.loads((dev / "splits.json").read_text(encoding="utf-8"))["validation"])
    stems = sorted(p.stem for p in (dev / "gold").glob("*.json") if (dev / "articles" / f"{p.stem}.txt").exists())
    return [s for s in stems if s not in validation], [s for s in stems if s in validation]


def gold_keywords(dev: Path, stem: str) -> list[str]:
    gold = json.loads((dev / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    return [simplified_view(c["keyword"] if isinstance(c, dict) else c) for c in gold.get("commitments", [])]


def article_rows(dev: Path, stem: str) -> tuple[list[Row], int]:
    """The article's sentences as rows, and how many gold keywords fell in no sentence."""
    article = load_article(str(dev / "articles" / f"{stem}.txt"))
    text = simplified_view(article.text)
    sentences = split_sentences(text, max_len=1000, semicolons=False)
    turns = speaker_turns(text, find_officials(text))
    speakers = [speaker_at(turns, s.start) for s in sentences]
    scope = PlanScope(article.year)
    rules = [scope.step(s.text, who, text.count("\n", 0, s.start))[0]
             for s, who in zip(sentences, speakers, strict=True)]
    contexts = article_contexts(text, sentences, speakers, article.year, rules)
    keywords = gold_keywords(dev, stem)
    labels = [any(k in s.text for k in keywords) for s in sentences]
    unplaced = sum(1 for k in keywords if not any(k in s.text for s in sentences))
    rows = [Row(stem, s.text, label, rule, ctx)
            for s, label, rule, ctx in zip(sentences, labels, rules, contexts, strict=True)]
    return rows, unplaced


def corpus(dev: Path, stems: list[str]) -> tuple[list[Row], int]:
    rows: list[Row] = []
    unplaced = 0
    for stem in stems:
        found, missing = article_rows(dev, stem)
        rows += found
        unplaced += missing
    return rows, unplaced
