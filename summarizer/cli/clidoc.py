"""The README's reference of every command's inputs and options, made from the command itself (the
definitions its `--help` prints), so that the two cannot disagree: `cog -r README.md` writes it,
`cog --check README.md` (.ci/run) and tests/test_readme.py fail when the README is stale."""

from __future__ import annotations

from typing import Any

import typer.main

from summarizer.cli.app import app


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _default(param: Any) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "show_default", True) is False:
        return ""
    value = param.default
    return "" if value is None or callable(value) else f"`{value}`"


def commands() -> list[str]:
    """The names of the CLI's commands, in --help order (each has its table in the README)."""
    return list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def options_table(command: str) -> str:
    """A Markdown table of `summarizer COMMAND`'s arguments and options, in --help order."""
    cmd: Any = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    rows = ["| argument or option | environment | default | what it does |", "|---|---|---|---|"]
    for param in cmd.params:
        if param.param_type_name == "argument":
            name = f"`{param.name.upper()}{'…' if param.nargs == -1 else ''}`"
        else:
            name = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
        envvar = getattr(param, "envvar", None)
        env = f"`{envvar}`" if isinstance(envvar, str) else ""
        rows.append(f"| {name} | {env} | {_default(param)} | {_cell(getattr(param, 'help', '') or '')} |")
    return "\n".join(rows) + "\n"
