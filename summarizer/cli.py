"""Command-line interface: `summarizer extract | eval | brief | export | schema`."""

from __future__ import annotations

import gc

import typer

from summarizer.brief import brief_command
from summarizer.evaluate import eval_command
from summarizer.export import export_command
from summarizer.extract_cmd import extract_command, schema_command

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
app.command("extract")(extract_command)
app.command("eval")(eval_command)
app.command("brief")(brief_command)
app.command("export")(export_command)
app.command("schema")(schema_command)


def main() -> None:
    # Everything imported so far lives as long as the process: keep it out of the cyclic GC's
    # walks (and out of the interpreter's teardown walk at exit).
    gc.freeze()
    app()
