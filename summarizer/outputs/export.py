"""`summarizer export`: flat tables of `summarizer extract` outputs, for spreadsheets, pandas
or DuckDB: `metrics`, `commitments` and `officials` (CSV, or JSON Lines), one row per item, plus
`articles.jsonl` with every article's whole result. The columns are documented in the README
(section "Exports"; tests/test_export.py keeps that list equal to `COLUMNS`).

Tables and formats are registered (`outputs.formats`): another table is one
`register("table", name, Table(columns, rows, count))`, another format one
`register("export", name, ExportFormat(suffix, render))`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from summarizer.models import ArticleResult, Grounded
from summarizer.outputs import tracking_tables as tt
from summarizer.outputs.formats import ExportFormat, Table, UnknownFormat, lookup, names, register
from summarizer.outputs.hooks import tracking_of
from summarizer.outputs.results import results_or_exit
from summarizer.outputs.write import write_atomic
from summarizer.tracking import Tracking

ARTICLE = ("article", "article_title", "article_date")
GROUNDING = ("status", "span_start", "span_end", "spans", "quote")
COLUMNS: dict[str, tuple[str, ...]] = {
    "metrics": (*ARTICLE, "id", "subject", "value_text", "value", "unit", "kind", "qualifier", "period",
                "period_start", "period_end", "role", "speaker", "speaker_name", "source", *GROUNDING),
    "commitments": (*ARTICLE, "id", "action", "target", "deadline", "deadline_year", "responsible",
                    "speaker", "speaker_name", "sector", "source", *GROUNDING),
    "officials": (*ARTICLE, "id", "name", "title", "organization", *GROUNDING),
}


def article_key(result: ArticleResult) -> str:
    """The article's name in every table: the stem of its input file (and of its output JSON)."""
    return "stdin" if result.source.file == "-" else Path(result.source.file).stem


def _items(result: ArticleResult, table: str) -> list[Grounded]:
    return list(getattr(result, table))


def rows(result: ArticleResult, table: str) -> Iterator[dict[str, Any]]:
    """One dict per item of `table`, with the columns of `COLUMNS[table]`."""
    names = {o.id: o.name for o in result.officials}
    article = {"article": article_key(result), "article_title": result.source.title,
               "article_date": result.source.date}
    for item in _items(result, table):
        fields = item.model_dump()
        row = {**article, **fields, "span_start": item.span[0], "span_end": item.span[1],
               "spans": [list(s) for s in item.spans]}
        if "speaker" in fields:
            row["speaker_name"] = names.get(fields["speaker"] or "")
        yield {column: row.get(column) for column in COLUMNS[table]}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list):
        return json.dumps(value)
    return str(value)


def to_csv(table: Table, results: list[ArticleResult], bom: bool = True) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)  # RFC 4180: CRLF line ends, quotes doubled
    writer.writerow(table.columns)
    for result in results:
        for row in table.rows(result):
            writer.writerow([_cell(v) for v in row.values()])
    return ("\ufeff" if bom else "") + buf.getvalue()


def to_jsonl(table: Table, results: list[ArticleResult], bom: bool = False) -> str:
    """One JSON object per line (`bom` does not apply: JSON Lines never starts with one)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for result in results
                   for row in table.rows(result))


def _item_table(name: str) -> Table:
    return Table(COLUMNS[name], lambda result: rows(result, name), lambda result: len(_items(result, name)))


for _name in COLUMNS:
    register("table", _name, _item_table(_name))
register("export", "csv", ExportFormat("csv", to_csv))
register("export", "jsonl", ExportFormat("jsonl", to_jsonl))


def articles_jsonl(results: list[ArticleResult]) -> str:
    """One line per article: `article` (the key of the tables), then the whole result."""
    return "".join(json.dumps({"article": article_key(r), **r.model_dump(mode="json")},
                              ensure_ascii=False) + "\n" for r in results)


def export(results: list[ArticleResult], out_dir: Path, format: str = "csv",
           bom: bool = True, tracking: Tracking | None = None) -> dict[Path, int]:
    """Write the tables and `articles.jsonl` into `out_dir`, each file atomically; returns each
    file written with its number of rows."""
    writer = lookup("export", format)  # an UnknownFormat (a ValueError) names the registered ones
    written: dict[Path, int] = {}
    for name in names("table"):
        table = lookup("table", name)
        path = out_dir / f"{name}.{writer.suffix}"
        write_atomic(path, writer.render(table, results, bom))
        written[path] = sum(table.count(r) for r in results)
    path = out_dir / "articles.jsonl"
    write_atomic(path, articles_jsonl(results))
    written[path] = len(results)
    if tracking is not None:  # pledge_links.<format> and people.csv
        links = tt.link_rows(tracking)
        path = out_dir / f"pledge_links.{format}"
        write_atomic(path, tt.as_csv(tt.LINK_COLUMNS, links, bom) if format == "csv" else tt.as_jsonl(links))
        written[path] = len(links)
        path = out_dir / "people.csv"
        write_atomic(path, tt.as_csv(tt.PEOPLE_COLUMNS, tt.people_rows(tracking), bom))
        written[path] = len(tracking.people)
    return written


def export_command(
    out_dirs: list[Path] = typer.Argument(..., help="Directories holding `summarizer extract` JSON output."),
    format: str = typer.Option("csv", "--format",
                               help=f"The format of the tables: one of {', '.join(names('export'))}."),
    output: Path = typer.Option(..., "-o", "--output", help="Directory to write the files into."),
    bom: bool = typer.Option(True, "--bom/--no-bom",
                             help="Start each CSV with a UTF-8 byte-order mark (spreadsheets need "
                                  "it to read Chinese)."),
) -> None:
    """Write extract outputs as flat tables: metrics, commitments, officials, articles.jsonl.

    One row per item, with its article, span and quote, in OUTPUT/<table>.csv (or .jsonl);
    articles.jsonl holds one whole result per line."""
    try:
        lookup("export", format)
    except UnknownFormat as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    results = results_or_exit(out_dirs)
    try:
        written = export(results, output, format, bom, tracking_of(results))
    except OSError as exc:
        typer.echo(f"error: cannot write into {output}: {exc}", err=True)
        raise typer.Exit(1) from exc
    for path, count in written.items():
        typer.echo(f"wrote {path} ({count} rows)")
