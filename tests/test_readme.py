"""The README's option table of every command is the one its `--help` is made from: cog writes
them (`cog -r README.md`), CI checks them (`cog --check README.md`), and so does this test. The
README is a user's page: the measurements live in docs/quality.md, and every file it links exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.cli.clidoc import commands, options_table

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def cog_block(text: str, generator: str) -> str:
    """The output of the cog block whose code calls `generator`."""
    for code, output in re.findall(r"<!-- \[\[\[cog\n(.*?)\]\]\] -->\n(.*?)<!-- \[\[\[end\]\]\] -->",
                                   text, re.DOTALL):
        if generator in code:
            return str(output)
    raise AssertionError(f"README.md has no cog block calling {generator}")


@pytest.mark.parametrize("command", commands())
def test_readme_option_table_is_up_to_date(command: str) -> None:
    assert cog_block(README.read_text(encoding="utf-8"), f'options_table("{command}")') == \
        options_table(command), "README.md is stale: run .venv/bin/cog -r README.md"


@pytest.mark.parametrize("command", commands())
def test_the_table_has_every_option_of_the_help_screen(command: str) -> None:
    help_text = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    shown = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]+", help_text)) - {"--help"}
    table = options_table(command)
    assert all(f"`{flag}`" in table for flag in shown), shown
    assert all(re.split(r"(?<!\\)\|", row)[4].strip() for row in table.splitlines()[2:]), "an option without help"


def test_the_extract_table_names_the_inputs() -> None:
    table = options_table("extract")
    assert "`INPUTS…`" in table and ".txt, .html, .htm" in table


def test_every_file_the_readme_and_the_quality_page_link_exists() -> None:
    for page in (README, ROOT / "docs" / "quality.md"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:]+)\)", text):
            assert (page.parent / target).exists(), f"{page.name} links {target}, which is missing"
        assert "NOTES.md" not in text, f"{page.name} cites NOTES.md, which is not in the repository"


def test_the_measurements_moved_to_docs_quality() -> None:
    quality = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    for table_head in ("| measure | embedded 1.5B", "| run | officials F1", "| | set 1 before"):
        assert table_head in quality and table_head not in README.read_text(encoding="utf-8")
