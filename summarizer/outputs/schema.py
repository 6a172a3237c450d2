"""JSON Schemas in `schemas/`, generated from the pydantic models (checked for drift in tests)."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.models import ArticleResult

SCHEMAS = {"article.schema.json": ArticleResult}


def render(name: str) -> str:
    schema = SCHEMAS[name].model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in SCHEMAS:
        path = out_dir / name
        path.write_text(render(name), encoding="utf-8")
        paths.append(path)
    return paths
