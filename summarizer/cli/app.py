"""Command-line interface: `summarizer extract | eval | brief | export | schema | track`."""

from __future__ import annotations

import gc
import inspect
from collections.abc import Callable

import typer

from summarizer.cli.extract import extract_command, schema_command
from summarizer.cli.track import track_command
from summarizer.eval.evaluate import eval_command
from summarizer.outputs import hooks
from summarizer.outputs.brief import brief_command
from summarizer.outputs.export import export_command
from summarizer.track.run import track

hooks.tracker = track  # brief and export add the tracking of the outputs they read


def _help(command: Callable[..., object]) -> str:
    """A command's docstring for --help: each paragraph one line, which the help screen wraps at
    its width (typer keeps the docstring's own line breaks, which then wrap a second time)."""
    doc = inspect.cleandoc(command.__doc__ or "")
    return "\n\n".join(" ".join(par.split()) for par in doc.split("\n\n"))


app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
for name, command in (("extract", extract_command), ("eval", eval_command), ("brief", brief_command),
                      ("export", export_command), ("schema", schema_command),
                      ("track", track_command)):
    app.command(name, help=_help(command))(command)


def main() -> None:
    # Everything imported so far lives as long as the process: keep it out of the cyclic GC's
    # walks (and out of the interpreter's teardown walk at exit).
    gc.freeze()
    app()


if __name__ == "__main__":  # python -m summarizer.cli.app
    main()
