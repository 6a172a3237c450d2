"""Computations the CLI hands to the output commands: `outputs` imports no `track`, so the
CLI sets `tracker` (article outputs → `Tracking`) and `brief`/`export` call it when set."""

from __future__ import annotations

from collections.abc import Callable

from summarizer.models import ArticleResult
from summarizer.tracking import Tracking

tracker: Callable[[list[ArticleResult]], Tracking] | None = None


def tracking_of(results: list[ArticleResult]) -> Tracking | None:
    return tracker(results) if tracker is not None else None
