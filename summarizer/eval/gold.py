"""Hand-annotated gold data (`tests/gold/<stem>.json`) and its loader.

The format is described in `tests/gold/GUIDELINES.md`. Every model forbids unknown keys so a
typo in a gold file is an error, not a silently ignored field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import InputError
from summarizer.models import ValueKind


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")

    optional: bool = Field(
        default=False,
        description="Borderline item: matching it is neither a TP nor an FP; missing it is no FN.",
    )
    note: str | None = None


class GoldOfficial(_Gold):
    name: str
    title: str | None = Field(default=None, description="Full title as written.")
    organization: str | None = None


class GoldNonOfficial(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    role: str = Field(description="记者, 通讯员, 编辑, 主持人, 摄影, 总值班, 市民 ...")


class GoldMetric(_Gold):
    subject: str
    value_text: str = Field(description="Value as written, qualifier included: '近9亿元'.")
    value: float
    unit: str = Field(description="Unit after removing the magnitude: '人', '元', '%', '个百分点'.")
    kind: ValueKind = "count"
    qualifier: str | None = None
    period: str | None = Field(default=None, description="Time expression of the same sentence.")
    role: Literal["reported", "target"] = "reported"
    quote: str = Field(description="Exact substring of the article containing value_text.")


class GoldCommitment(_Gold):
    quote: str = Field(description="The committing sentence, exact substring of the article.")
    alt_quotes: list[str] = Field(
        default_factory=list, description="Other places stating the same commitment."
    )
    target: str | None = None
    deadline: str | None = None
    responsible: str | None = None


class GoldArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str = Field(description="Seed file name, e.g. '000_674fb140731dc5ae.txt'.")
    officials: list[GoldOfficial] = Field(default_factory=list)
    non_officials: list[GoldNonOfficial] = Field(default_factory=list)
    metrics: list[GoldMetric] = Field(default_factory=list)
    commitments: list[GoldCommitment] = Field(default_factory=list)


def load_gold(path: Path) -> GoldArticle:
    """Read one gold file; every failure is an `InputError` naming the file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"gold file {path}: cannot read: {exc}") from exc
    try:
        return GoldArticle.model_validate_json(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}" for err in exc.errors()[:5]
        )
        raise InputError(f"gold file {path}: invalid: {problems}") from exc


def load_gold_dir(gold_dir: Path) -> dict[str, GoldArticle]:
    """All `*.json` gold files of a directory, keyed by file stem (sorted)."""
    if not gold_dir.is_dir():
        raise InputError(f"gold directory {gold_dir} does not exist")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"gold directory {gold_dir} holds no *.json files")
    return {path.stem: load_gold(path) for path in files}
