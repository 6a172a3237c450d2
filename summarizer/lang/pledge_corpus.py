"""Labelled sentences for the pledge classifier, from a dev set laid out as `../shared/dev`
(`articles/*.txt`, `gold/*.json`, `splits.json`).

A sentence is the pipeline's unit (`split_sentences(simplified text, max_len=1000,
semicolons=False)`); it counts as a pledge when it holds a gold commitment's keyword. Each row
also carries what the pipeline knows there: the speaker's turn, the rules' decision
(`PlanScope.step`) and the article's year.

`seed_rows` reads the seeds (`../shared/seeds`, gold in `tests/gold`, `GUIDELINES.md`) the same way:
there a sentence is a pledge when it holds a gold commitment's quote or alt_quote (their gold
quotes whole sentences), and a sentence only an optional commitment quotes is left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summarizer.lang.people import find_officials, speaker_at, speaker_turns
from summarizer.lang.pledge_features import PledgeContext, article_contexts
from summarizer.lang.pledges import PlanScope, label_len
from summarizer.text.chunk import Sentence, split_sentences
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


def _read(path: Path) -> tuple[list[Sentence], list[bool], list[PledgeContext]]:
    """An article's sentences (the pipeline's), the rules' decision on each and their contexts."""
    article = load_article(str(path))
    text = simplified_view(article.text)
    sentences = split_sentences(text, max_len=1000, semicolons=False)
    turns = speaker_turns(text, find_officials(text))
    speakers = [speaker_at(turns, s.start) for s in sentences]
    scope = PlanScope(article.year)
    rules = [scope.step(s.text, who, text.count("\n", 0, s.start))[0]
             for s, who in zip(sentences, speakers, strict=True)]
    return sentences, rules, article_contexts(text, sentences, speakers, article.year, rules)


def article_rows(dev: Path, stem: str) -> tuple[list[Row], int]:
    """The article's sentences as rows, and how many gold keywords fell in no sentence."""
    sentences, rules, contexts = _read(dev / "articles" / f"{stem}.txt")
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


def _quotes(sentence: str, quotes: list[str]) -> bool:
    """The sentence holds one of the quotes, or is one (a gold quote leaves out a speaker's label)."""
    body = sentence[label_len(sentence):].strip()
    return any(q in sentence or (len(body) > 4 and body.rstrip("。") in q) for q in quotes)


def seed_rows(gold_dir: Path, seeds_dir: Path) -> list[Row]:
    """The seeds' sentences as rows (article `seed_<stem>`), labelled by their gold commitments'
    quotes; a sentence that only an optional commitment quotes is no row."""
    rows: list[Row] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        sentences, rules, contexts = _read(seeds_dir / gold["file"])
        quoted: dict[bool, list[str]] = {True: [], False: []}  # optional → quotes
        for c in gold.get("commitments", []):
            quoted[bool(c.get("optional"))] += [simplified_view(q) for q in [c["quote"], *c.get("alt_quotes", [])]]
        for s, rule, ctx in zip(sentences, rules, contexts, strict=True):
            label = _quotes(s.text, quoted[False])
            if label or not _quotes(s.text, quoted[True]):
                rows.append(Row(f"seed_{path.stem}", s.text, label, rule, ctx))
    return rows
