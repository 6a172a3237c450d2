"""The `brief` command: read result JSONs, render in a registered brief format, write atomically."""

from __future__ import annotations

from pathlib import Path

import typer

from summarizer.outputs.brief.render_html import build_html
from summarizer.outputs.brief.render_md import build_markdown
from summarizer.outputs.formats import BriefFormat, UnknownFormat, lookup, names, register
from summarizer.outputs.hooks import tracking_of
from summarizer.outputs.results import results_or_exit
from summarizer.outputs.write import write_atomic

register("brief", "md", BriefFormat("md", build_markdown))
register("brief", "html", BriefFormat("html", build_html))


def brief_command(
    out_dirs: list[Path] = typer.Argument(..., help="Directories holding `summarizer extract` JSON output."),
    format: str = typer.Option("md", "--format", help=f"One of: {', '.join(names('brief'))}."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
) -> None:
    """Write a Chinese cross-article briefing (facts with status verified/normalized only)."""
    try:
        render = lookup("brief", format).render
    except UnknownFormat as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    results = results_or_exit(out_dirs)
    content = render(results, tracking_of(results))
    try:
        write_atomic(output, content)
    except OSError as exc:
        typer.echo(f"error: cannot write {output}: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"wrote {output} ({len(results)} articles)")
