"""Label: one typed LLM call per chunk for what needs language understanding — the officials it
names, with their titles, and a one-line gist.

Measured on the embedded 1.5B model, asking it to pick commitment sentences or label number
candidates degenerates into enumerating every id in order (see CHANGELOG), so those come from
deterministic rules in `annotate`; the model names officials with titles and writes a gist.
Nothing it returns is trusted before grounding against the article's offsets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from summarizer.chunk import Chunk
from summarizer.errors import ModelOutputError
from summarizer.llm import LLM
from summarizer.models import Usage
from summarizer.prompting import load_prompt


class OfficialDraft(BaseModel):
    name: str
    title: str = ""


class ChunkLabels(BaseModel):
    """What the model returns for one chunk (short keys: output tokens are the cost)."""

    officials: list[OfficialDraft] = Field(default_factory=list)
    gist: str = ""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Compact schema (no titles): it is pasted into every prompt. Built once per class and
        arguments (pydantic takes ~1 ms per build, and every call asks for it twice)."""
        return json.loads(_schema_json(cls, args, tuple(sorted(kwargs.items()))))


@cache
def _schema_json(cls: type[ChunkLabels], args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> str:
    return json.dumps(compact_schema(super(ChunkLabels, cls).model_json_schema(*args, **dict(kwargs))))


def compact_schema(node: Any) -> Any:
    """Drop annotations (a property that is named `title` is a dict: kept)."""
    if isinstance(node, dict):
        return {k: compact_schema(v) for k, v in node.items()
                if not (k in ("title", "default", "description") and not isinstance(v, dict))}
    if isinstance(node, list):
        return [compact_schema(v) for v in node]
    return node


def grammar_schema() -> dict[str, Any]:
    """The grammar for constrained decoding: bounded lists, valid sentence ids, short strings."""
    return {
        "type": "object",
        "properties": {
            "officials": {"type": "array", "maxItems": 12, "items": {
                "type": "object", "required": ["name", "title"],
                "properties": {"name": {"type": "string", "maxLength": 6},
                               "title": {"type": "string", "maxLength": 40}}}},
            "gist": {"type": "string", "maxLength": 60},
        },
        "required": ["officials", "gist"],
    }


@dataclass(frozen=True)
class ChunkView:
    """Everything the prompt shows for one chunk."""

    chunk: Chunk
    chunk_text: str
    title: str | None
    speaker: str | None


def render_user(view: ChunkView) -> str:
    lines = []
    if view.title:
        lines.append(f"标题：{view.title}")
    if view.speaker:
        lines.append(f"当前发言人：{view.speaker}")
    lines.append("正文：")
    lines.append(view.chunk_text)
    return "\n".join(lines)


PARAMS: dict[str, Any] = {"max_tokens": 400}
# The second way of asking for a chunk whose answer the model could not produce (cut at
# max_tokens, or invalid JSON after instructor's re-asks): the embedded 1.5B model looped to
# max_tokens on 1 of 32 unseen articles. `frequency_penalty` is the standard OpenAI parameter;
# llama-cpp-python's server takes it as a field of its own request model and hands it to the
# sampler, next to its llama.cpp `repeat_penalty` (which it already applies to every request,
# default 1.1), so nothing has to go through `extra_body`. Part of the params, so of the cache
# key: the two variants never share a cache entry.
RETRY_PARAMS: dict[str, Any] = {**PARAMS, "frequency_penalty": 0.5}


def label_chunk(llm: LLM, view: ChunkView, usage: Usage) -> ChunkLabels:
    """The model's labels for one chunk. If its answer cannot be used, the chunk is asked once
    more with a repetition penalty; `ModelOutputError` when that fails too (other `LLMError`s,
    transport and endpoint failures, are not retried here: the client already did)."""
    prompt = load_prompt("extract_chunk")
    messages = [{"role": "system", "content": prompt.text},
                {"role": "user", "content": render_user(view)}]
    request = (messages, ChunkLabels, grammar_schema(), prompt.key, usage)
    # Failures are never cached, so a cached retry answer means the plain request failed
    # before: a rerun takes that answer instead of repeating a request known to fail.
    cached = llm.lookup(*request, params=PARAMS) or llm.lookup(*request, params=RETRY_PARAMS)
    if cached is not None:
        return cached
    try:
        return llm.ask(*request, params=PARAMS)
    except ModelOutputError as first:
        try:
            return llm.ask(*request, params=RETRY_PARAMS)
        except ModelOutputError as second:
            again = ("also when asked again with a repetition penalty" if str(second) == str(first)
                     else f"asked again with a repetition penalty: {second}")
            raise ModelOutputError(f"{first}; {again}") from None
