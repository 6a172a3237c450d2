"""schemas/ is generated from the pydantic models: fail when they drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.outputs.schema import SCHEMAS, render

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_file_matches_models(name: str) -> None:
    on_disk = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert on_disk == render(name), f"schemas/{name} is stale: run `summarizer schema schemas/`"
