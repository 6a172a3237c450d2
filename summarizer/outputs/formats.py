"""The output formats, by kind, in one registry: adding a format (or an export table) is one
`register(kind, name, item)` call, and the built-in ones are registered the same way (in the
module that implements them: `write` the article JSON, `export` its tables and formats,
`brief.command` the briefings). The commands' `--format` choices and help list `names(kind)`.

Kinds and what is registered for them:
- "article": `ArticleFormat` — how `summarizer extract` writes one article (suffix, dump).
- "export":  `ExportFormat` — `summarizer export --format NAME`: text of one table, file OUT/<table>.<suffix>.
- "table":   `Table` — a file `summarizer export` writes per format (columns and rows).
- "brief":   `BriefFormat` — `summarizer brief --format NAME`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from summarizer.models import ArticleResult
from summarizer.tracking import Tracking

__all__ = ["ArticleFormat", "BriefFormat", "ExportFormat", "Table", "UnknownFormat", "lookup", "names",
           "register"]


@dataclass(frozen=True)
class ArticleFormat:
    suffix: str  # ".json"
    dump: Callable[[ArticleResult], str]


@dataclass(frozen=True)
class Table:
    """An export table: its columns (in order) and one row dict per item of an article; `count`
    is the number of rows an article gives (the export's report)."""

    columns: tuple[str, ...]
    rows: Callable[[ArticleResult], Iterable[dict[str, Any]]]
    count: Callable[[ArticleResult], int]


@dataclass(frozen=True)
class ExportFormat:
    suffix: str  # "csv"
    render: Callable[[Table, list[ArticleResult], bool], str]  # (table, results, bom) -> text


@dataclass(frozen=True)
class BriefFormat:
    suffix: str  # "md"
    render: Callable[[list[ArticleResult], Tracking | None], str]  # (results, tracking) -> text


KINDS: dict[str, type] = {"article": ArticleFormat, "export": ExportFormat, "table": Table,
                          "brief": BriefFormat}
_REGISTRY: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}


class UnknownFormat(ValueError):
    """A format name nobody registered; the message lists the registered ones."""


def register(kind: str, name: str, item: Any) -> Any:
    """Register `item` (the kind's type, see the module doc) under `name`, replacing any earlier
    one of that name; returns it."""
    if not isinstance(item, KINDS[kind]):
        raise TypeError(f"a {kind} format is a {KINDS[kind].__name__}, not {type(item).__name__}")
    _REGISTRY[kind][name] = item
    return item


def names(kind: str) -> tuple[str, ...]:
    """The registered names of `kind`, in registration order."""
    return tuple(_REGISTRY[kind])


def lookup(kind: str, name: str) -> Any:
    try:
        return _REGISTRY[kind][name]
    except KeyError:
        raise UnknownFormat(f"unknown {kind} format {name!r}: one of {', '.join(names(kind))}") from None
