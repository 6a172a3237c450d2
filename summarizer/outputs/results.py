"""Read `summarizer extract` outputs back: every valid article JSON of some directories (what
`summarizer brief` and `summarizer export` start from)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from pydantic import ValidationError

from summarizer.models import ArticleResult


def _problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        errs = exc.errors()
        first = errs[0]
        where = ".".join(str(p) for p in first["loc"]) or "<root>"
        more = f" (+{len(errs) - 1} more)" if len(errs) > 1 else ""
        return f"not an ArticleResult: {where}: {first['msg']}{more}"
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def load_results(out_dirs: list[Path]) -> list[ArticleResult]:
    """Every valid `*.json` in the dirs (dir order, then file name); one stderr line per skipped file."""
    results = []
    for d in out_dirs:
        if not d.is_dir():
            raise typer.BadParameter(f"not a directory: {d}", param_hint="OUT_DIRS")
        for path in sorted(d.glob("*.json")):
            try:
                results.append(ArticleResult.model_validate(json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError) as exc:  # incl. JSONDecodeError, UnicodeDecodeError, ValidationError
                typer.echo(f"warning: skipping {path}: {_problem(exc)}", err=True)
    return results


def results_or_exit(out_dirs: list[Path]) -> list[ArticleResult]:
    """`load_results`, or a one-line error and exit status 1 when no directory holds a valid output."""
    results = load_results(out_dirs)
    if not results:
        typer.echo(f"error: no valid article JSON in {', '.join(map(str, out_dirs))}", err=True)
        raise typer.Exit(1)
    return results
