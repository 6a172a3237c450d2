"""The output-format registry (`summarizer.outputs.formats`): the built-in formats are registered
through the same `register` a new one uses, and the commands read the registry, not a list of their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import ArticleResult, Source
from summarizer.outputs import formats
from summarizer.outputs.export import export
from summarizer.outputs.formats import BriefFormat, ExportFormat, Table, UnknownFormat, lookup, names, register
from summarizer.outputs.write import output_path

RESULT = ArticleResult(source=Source(file="a/x.txt", title="标题"), text="今年将确保城镇新增就业60万人以上。")


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The registry as it is, restored after the test (which may register more)."""
    saved = {kind: dict(items) for kind, items in formats._REGISTRY.items()}
    yield
    monkeypatch.setattr(formats, "_REGISTRY", saved)


def test_the_built_in_formats_are_registered() -> None:
    assert names("export") == ("csv", "jsonl")
    assert names("brief") == ("md", "html")
    assert names("table") == ("metrics", "commitments", "officials")
    assert output_path(Path("out"), "x") == Path("out/x.json") and lookup("article", "json").suffix == ".json"


def test_an_unknown_format_names_the_registered_ones() -> None:
    with pytest.raises(UnknownFormat, match="unknown export format 'xlsx': one of csv, jsonl"):
        lookup("export", "xlsx")
    with pytest.raises(TypeError):
        register("brief", "pdf", ExportFormat("pdf", lambda *_a: ""))  # the wrong kind of item


def test_a_registered_table_and_format_are_exported(tmp_path: Path, registry: None) -> None:
    def rows(result: ArticleResult) -> Iterator[dict[str, Any]]:
        yield {"article": result.source.title, "chars": len(result.text)}

    register("table", "sizes", Table(("article", "chars"), rows, lambda _r: 1))
    register("export", "tsv", ExportFormat("tsv", lambda table, results, _bom: "".join(
        "\t".join(str(v) for v in row.values()) + "\n" for r in results for row in table.rows(r))))
    written = export([RESULT], tmp_path, "tsv")
    assert (tmp_path / "sizes.tsv").read_text(encoding="utf-8") == "标题\t18\n"
    assert written[tmp_path / "sizes.tsv"] == 1 and (tmp_path / "metrics.tsv").exists()


def test_a_registered_brief_format_is_written_by_the_command(tmp_path: Path, registry: None) -> None:
    register("brief", "txt", BriefFormat("txt", lambda results, _tracking: f"{len(results)} articles\n"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "x.json").write_text(RESULT.model_dump_json(), encoding="utf-8")
    res = CliRunner().invoke(app, ["brief", str(out), "--format", "txt", "-o", str(tmp_path / "b.txt")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "1 articles\n"


@pytest.mark.parametrize(("command", "shown"), [("export", "csv, jsonl"), ("brief", "md, html")])
def test_format_help_lists_the_registered_names(command: str, shown: str) -> None:
    help_text = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    assert shown in help_text
    bad = CliRunner().invoke(app, [command, ".", "--format", "nope", "-o", "x"])
    assert bad.exit_code == 2 and shown in bad.output
