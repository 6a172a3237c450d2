"""What the tagger and the pledge classifier cost on the rules-only path: seconds and characters per
second over the seeds and the dev articles, with each switched off in turn (same process, warm).

    python bench/rules_speed.py
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from summarizer.lang import pledge_decision, tagger
from summarizer.pipeline.article import run_article
from summarizer.text.ingest import load_article

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT.parent / "shared" / "dev" / "articles").glob("*.txt"))


def _run(label: str) -> None:
    articles = [load_article(str(p)) for p in FILES]
    chars = sum(len(a.text) for a in articles)
    tagger.entities.cache_clear()
    started = time.monotonic()
    for a in articles:
        run_article(a, None)
    took = time.monotonic() - started
    print(f"{label:40} {len(articles)} articles, {chars} chars: {took:6.1f} s, {chars / took:7.0f} chars/s")


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.2f}")
    started = time.monotonic()
    tagger.available()
    print(f"tagger load: {time.monotonic() - started:.2f} s")
    _run("rules + tagger + classifier (default)")
    available = tagger.available
    tagger.available = lambda: False  # type: ignore[assignment]
    _run("without the tagger")
    tagger.available = available  # type: ignore[assignment]
    pledge_decision.DEFAULT_POLICY = "rules"  # type: ignore[assignment]
    _run("without the classifier")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
