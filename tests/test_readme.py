"""The README's option table of `summarizer extract` is the one `--help` is made from: cog writes
it (`cog -r README.md`), CI checks it (`cog --check README.md`), and so does this test."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.cli.clidoc import options_table

README = Path(__file__).resolve().parent.parent / "README.md"


def cog_block(text: str, generator: str) -> str:
    """The output of the cog block whose code calls `generator`."""
    for code, output in re.findall(r"<!-- \[\[\[cog\n(.*?)\]\]\] -->\n(.*?)<!-- \[\[\[end\]\]\] -->",
                                   text, re.DOTALL):
        if generator in code:
            return str(output)
    raise AssertionError(f"README.md has no cog block calling {generator}")


def test_readme_option_table_is_up_to_date() -> None:
    assert cog_block(README.read_text(encoding="utf-8"), 'options_table("extract")') == \
        options_table("extract"), "README.md is stale: run .venv/bin/cog -r README.md"


def test_the_table_has_every_option_of_the_help_screen() -> None:
    help_text = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "200"}).stdout
    shown = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", help_text)) - {"--help"}
    table = options_table("extract")
    assert shown and all(f"`{flag}`" in table for flag in shown), shown
    assert "`INPUTS…`" in table and ".txt, .html, .htm" in table
