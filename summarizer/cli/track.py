"""`summarizer track OUT… -o tracking.json`: pledges linked to their later reports, and people."""

from __future__ import annotations

from pathlib import Path

import typer

from summarizer.outputs.write import write_atomic
from summarizer.track.run import read_outputs, track


def track_command(
    outputs: list[Path] = typer.Argument(..., help="`summarizer extract` outputs: JSON files or directories."),
    output: Path = typer.Option(..., "-o", "--output", help="The tracking JSON to write."),
) -> None:
    """Link each pledge (a target or an event with its deadline) to its later reports across the
    given article outputs, with a status (kept, missed, partly, open), and index the officials.

    Never links across places or units. An unreadable input is reported by name and skipped."""
    missing = [p for p in outputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or directory: {', '.join(map(str, missing))}", param_hint="OUTPUTS")
    if output.resolve() in {p.resolve() for p in outputs}:
        raise typer.BadParameter(f"{output} is one of the inputs; it would be overwritten", param_hint="-o")
    results, errors = read_outputs(outputs)
    for e in errors:
        typer.echo(f"warning: skipping {e.file}: {e.problem}", err=True)
    if not results:
        typer.echo("error: no readable article output", err=True)
        raise typer.Exit(1)
    tracking = track(results, errors)
    try:
        write_atomic(output, tracking.model_dump_json(indent=1))
    except OSError as exc:
        typer.echo(f"error: cannot write {output}: {exc}", err=True)
        raise typer.Exit(1) from exc
    linked = sum(1 for t in tracking.timelines if t.links)
    typer.echo(f"wrote {output} ({len(results)} articles, {len(tracking.timelines)} pledges, {linked} with "
               f"reports, {len(tracking.links)} links, {len(tracking.people)} people)")
