"""Output data types: the single source of truth for the per-article JSON.

This module imports no pipeline stage; every stage imports it.
`schemas/article.schema.json` is generated from `ArticleResult`.
"""

from __future__ import annotations

import threading
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Span = tuple[int, int]
"""Half-open character offsets [start, end) into `ArticleResult.text`."""

Status = Literal["verified", "normalized", "conflict", "unsupported"]
Origin = Literal["rule", "model"]
"""Which layer gave an item or a field: the deterministic rules or the model (after grounding)."""
Profile = Literal["small", "full"]
ValueKind = Literal["count", "percent", "percentage_point", "ratio", "rate"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Grounded(_Model):
    """Anything emitted as a fact: `text[span[0]:span[1]] == quote`."""

    quote: str
    span: Span
    spans: list[Span] = Field(
        default_factory=list, description="Every span the same fact was found at (merge)."
    )
    status: Status = "verified"


class Official(Grounded):
    id: str = Field(description="Stable id within the article, e.g. 'p1'.")
    name: str
    title: str | None = None
    organization: str | None = None


class NonOfficial(Grounded):
    name: str
    role: str = Field(description="记者, 通讯员, 编辑, 主持人, 摄影, 总值班 ...")


class Metric(Grounded):
    id: str
    subject: str
    value_text: str = Field(description="The value as written, e.g. '54.9万人'.")
    value: float | None = Field(description="Normalized number, e.g. 549000.")
    unit: str
    kind: ValueKind = "count"
    qualifier: str | None = None
    period: str | None = Field(default=None, description="Period as written, e.g. '1-10月'.")
    period_start: str | None = Field(default=None, description="ISO year or year-month.")
    period_end: str | None = None
    role: Literal["reported", "target"] = "reported"
    speaker: str | None = Field(default=None, description="Official id whose turn this is.")
    source: Origin = Field(
        default="rule", description="rule: every field from the normalizer and the rules (or the model agreed); "
                                    "model: the model gave the subject (see `disagreements`).")


class Commitment(Grounded):
    id: str
    action: str
    target: str | None = Field(default=None, description="Target value as written.")
    deadline: str | None = Field(default=None, description="Deadline as written.")
    deadline_year: int | None = None
    responsible: str | None = Field(default=None, description="Organisation that will act.")
    speaker: str | None = None
    sector: str | None = None
    source: Origin = Field(
        default="rule", description="rule: found by the rules, every field theirs (or the model agreed); "
                                    "model: added by the model, or a field of it is the model's "
                                    "(see `disagreements`).")


class Rejected(_Model):
    """An item the model proposed that could not be grounded or contradicts its span."""

    type: Literal["official", "metric", "commitment", "summary"]
    status: Status
    reason: str
    item: dict[str, object]


class Disagreement(_Model):
    """A field of a metric or commitment the model answered (grounded in the text) differently from
    the rules, and which answer the item keeps. A field the rules left empty and the model filled
    is one too (`rule` null, `source` model)."""

    type: Literal["metric", "commitment"]
    id: str = Field(description="The item's id in this output.")
    field: str
    rule: str | None
    model: str
    source: Origin = Field(description="Which answer the item keeps.")


class Dropped(_Model):
    """Non-article content removed at ingest; offsets index the decoded input file."""

    start: int
    end: int
    reason: str
    excerpt: str


class ErrorItem(_Model):
    """A failure recorded in the output instead of crashing the batch."""

    stage: Literal["ingest", "extract", "write"]
    reason: str
    chunk: int | None = None
    span: Span | None = None


_USAGE_LOCK = threading.Lock()  # one for all: adds are per LLM call, and a model pickles without it


# What an article cost. The LLM counts into it while the article's chunks are labelled (`add`,
# from several threads); `seconds` is the article's time, set when it is done. (A comment, not a
# docstring: the schema stays as it was.)
class Usage(_Model):
    llm_calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def add(self, *, calls: int = 0, hits: int = 0, prompt: int = 0, completion: int = 0) -> None:
        with _USAGE_LOCK:
            self.llm_calls += calls
            self.cache_hits += hits
            self.prompt_tokens += prompt
            self.completion_tokens += completion


class Source(_Model):
    file: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None


ArticleStatus = Literal["ok", "degraded", "failed"]


class ArticleResult(_Model):
    schema_version: Literal[1] = 1
    status: ArticleStatus = Field(
        default="ok",
        description="ok: extracted completely. degraded: the model could not produce a usable "
                    "answer for some chunk(s), even when asked again with a repetition penalty; "
                    "every rule-found item and the summary are there, the chunks are listed under "
                    "`errors`. failed: the article could not be read or extracted (input, "
                    "endpoint or internal error, listed under `errors`); rerun it. Read without "
                    "it, an output from before this field is failed when it has `errors`.",
    )
    source: Source
    text: str
    summary: str = Field(
        default="",
        description="The model's one-line gists of the chunks; when none is usable (no model, no "
                    "answer, every gist dropped as unsupported) the article's own first sentence(s), "
                    "verbatim.",
    )
    officials: list[Official] = Field(default_factory=list)
    non_officials: list[NonOfficial] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    model: str = ""
    profile: Profile | None = Field(
        default=None,
        description="What the model was asked per chunk: small (officials and a gist) or full (also "
                    "commitments by sentence id and the subject of each value); null without a model.")
    errors: list[ErrorItem] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _status_from_errors(cls, data: Any) -> Any:
        """Without an explicit status (outputs written before the field; the batch's records
        of unreadable inputs and internal errors), an article with errors is failed."""
        if isinstance(data, dict) and "status" not in data:
            return {**data, "status": "failed" if data.get("errors") else "ok"}
        return data

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    @property
    def degraded(self) -> bool:
        return self.status == "degraded"
