"""`summarizer export`: flat tables whose every row points at its article's characters."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import ArticleResult
from summarizer.outputs.export import COLUMNS, export

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "out"
    res = CliRunner().invoke(app, ["extract", str(SEEDS), "--out", str(out), "--deterministic"])
    assert res.exit_code == 0, res.output
    # The same article in traditional characters: quotes are written as the article writes them.
    from summarizer.text.hanzi import to_traditional

    trad = out.parent / "trad" / "t_002.txt"
    trad.parent.mkdir()
    trad.write_text(to_traditional((SEEDS / "002_0b0ffe8503856d79.txt").read_text(encoding="utf-8")),
                    encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(trad), "--out", str(out), "--deterministic"])
    assert res.exit_code == 0, res.output
    return out


def _results(out: Path) -> dict[str, ArticleResult]:
    return {p.stem: ArticleResult.model_validate_json(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def _export(extracted: Path, dest: Path, *flags: str) -> None:
    res = CliRunner().invoke(app, ["export", str(extracted), "-o", str(dest), *flags])
    assert res.exit_code == 0, res.output


def test_csv_rows_quote_the_article_at_their_span(extracted: Path, tmp_path: Path) -> None:
    _export(extracted, tmp_path)
    results = _results(extracted)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "articles.jsonl", "commitments.csv", "metrics.csv", "officials.csv",
        "people.csv", "pledge_links.csv"]  # the CLI adds the tracking tables; no temp file left
    for table, columns in COLUMNS.items():
        raw = (tmp_path / f"{table}.csv").read_bytes()
        assert raw.startswith(BOM)
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
        assert tuple(reader.fieldnames or ()) == columns
        rows = list(reader)
        assert len(rows) == sum(len(getattr(r, table)) for r in results.values()) > 0
        for row in rows:
            text = results[row["article"]].text
            start, end = int(row["span_start"]), int(row["span_end"])
            assert text[start:end] == row["quote"], (table, row["article"], row["id"])
            for s, e in json.loads(row["spans"]):
                assert text[s:e]
        by_id = {(r["article"], r["id"]): r for r in rows}
        for stem, result in results.items():  # every field as in the JSON
            for item in getattr(result, table):
                row = by_id[(stem, item.id)]
                assert row["article_title"] == (result.source.title or "")
                assert row["article_date"] == (result.source.date or "")
                for field, value in item.model_dump(exclude={"span", "spans"}).items():
                    if field in row:
                        expected = "" if value is None else str(value)
                        if isinstance(value, float):
                            assert float(row[field]) == value
                        else:
                            assert row[field] == expected, (table, field)
    metrics = list(csv.DictReader(io.StringIO((tmp_path / "metrics.csv").read_text(encoding="utf-8-sig"))))
    jobs = next(m for m in metrics if m["value_text"] == "54.9万人")
    assert jobs["value"] == "549000" and jobs["kind"] == "count"
    assert any(m["speaker_name"] for m in metrics)
    from summarizer.text.hanzi import simplified_view

    trad = [m["quote"] for m in metrics if m["article"] == "t_002"]
    assert any(simplified_view(q) != q for q in trad)  # traditional characters, as written


def test_no_bom_and_jsonl(extracted: Path, tmp_path: Path) -> None:
    _export(extracted, tmp_path / "csv", "--no-bom")
    _export(extracted, tmp_path / "jsonl", "--format", "jsonl")
    results = _results(extracted)
    for table, columns in COLUMNS.items():
        raw = (tmp_path / "csv" / f"{table}.csv").read_bytes()
        assert not raw.startswith(BOM) and raw.startswith(b"article,")
        lines = (tmp_path / "jsonl" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        csv_rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
        assert len(lines) == len(csv_rows)
        for line, csv_row in zip(lines, csv_rows, strict=True):
            row = json.loads(line)
            assert tuple(row) == columns
            assert results[row["article"]].text[row["span_start"]:row["span_end"]] == row["quote"]
            assert row["quote"] == csv_row["quote"] and row["spans"] == json.loads(csv_row["spans"])
    assert not (tmp_path / "jsonl" / "metrics.csv").exists()


def test_articles_jsonl_holds_every_result(extracted: Path, tmp_path: Path) -> None:
    _export(extracted, tmp_path)
    results = _results(extracted)
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(results)
    for line in lines:
        data = json.loads(line)
        stem = data.pop("article")
        assert ArticleResult.model_validate(data) == results[stem]


def test_bad_arguments(extracted: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["export", str(extracted), "-o", str(tmp_path), "--format", "xlsx"]).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    res = runner.invoke(app, ["export", str(empty), "-o", str(tmp_path / "x")])
    assert res.exit_code == 1 and not (tmp_path / "x").exists()
    with pytest.raises(ValueError):
        export([], tmp_path, "xlsx")


def test_readme_documents_the_columns() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Exports\n(.*?)(?=^## )", readme, re.M | re.S)
    assert section, "README has no Exports section"
    text = section.group(1)
    first = re.search(r"article's columns (.*?), and ends with (.*?) and `quote`", text, re.S)
    assert first
    head = re.findall(r"`(\w+)`", first.group(1))
    tail = [*re.findall(r"`(\w+)`", first.group(2)), "quote"]
    for table, columns in COLUMNS.items():
        line = re.search(rf"^- `{table}`: (.*)$", text, re.M)
        assert line, f"README does not list the columns of {table}"
        assert (*head, *re.findall(r"`(\w+)`", line.group(1)), *tail) == columns, table
