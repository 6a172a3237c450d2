"""Label: one typed LLM call per chunk for what needs language understanding — the officials it
names, with their titles, and a one-line gist.

Two profiles. `small` (the embedded model's default): officials with titles and a gist —
measured on the embedded 1.5B model, asking it to pick commitment sentences or label number
candidates degenerates into enumerating every id in order (see CHANGELOG), so those come from
deterministic rules. `full` (the default for any other model): the chunk is shown with numbered
sentences and the values the normalizer found, and the model also returns commitments (a sentence
id with target, deadline and responsible body as written) and what each value counts — ids and
short strings, no copied sentences (output tokens are the cost). Nothing the model returns is
trusted before grounding against the article (`verify`); values, units, spans and periods always
come from the normalizer and the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from summarizer.errors import ModelOutputError
from summarizer.llm.client import LLM
from summarizer.llm.prompting import load_prompt
from summarizer.models import Profile, Usage
from summarizer.text.chunk import Chunk

PROFILES: tuple[Profile, ...] = ("small", "full")


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


class CommitmentDraft(BaseModel):
    """A commitment the model sees in sentence `s`, each field as written there ("" when none)."""

    s: int
    target: str = ""
    deadline: str = ""
    responsible: str = ""

    @field_validator("s", mode="before")
    @classmethod
    def _sentence_id(cls, v: Any) -> Any:
        """The id as the model may write it: 3, "3", "[3]", "句3"."""
        if isinstance(v, str) and (digits := "".join(ch for ch in v if ch.isdigit())):
            return int(digits)
        return v

    @field_validator("target", "deadline", "responsible", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        return "" if v is None else str(v) if isinstance(v, int | float) else v


class FullLabels(ChunkLabels):
    """The `full` profile's answer: the small one, plus commitments by sentence id and the subject
    of each numbered value (key: the value's number as shown).

    The commitments and subjects are read leniently: everything in them is checked against the
    text afterwards (`verify`), so an entry in an unexpected shape is dropped rather than failing
    the chunk (a re-ask costs a whole answer: ~30 s on the embedded model). The officials and the
    gist are read as in the small profile."""

    commitments: list[CommitmentDraft] = Field(default_factory=list)
    subjects: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _lenient(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        drafts = data.get("commitments")
        if drafts is None or isinstance(drafts, list | dict):
            data["commitments"] = [d for d in map(_draft, _as_list(drafts)) if d is not None]
        subjects = data.get("subjects")
        if subjects is None or isinstance(subjects, list | dict):
            data["subjects"] = _subjects(subjects)
        return data


def _as_list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v] if isinstance(v, dict) else []


def _draft(item: Any) -> dict[str, Any] | None:
    """A commitment as the model may write it: {"s": 3, …}, a bare id, or fields that are lists."""
    if isinstance(item, int | str) and not isinstance(item, bool):
        item = {"s": item}
    if not isinstance(item, dict):
        return None
    sid = item.get("s")
    if isinstance(sid, list):
        sid = sid[0] if sid else None
    if not isinstance(sid, int | str) or isinstance(sid, bool) or not any(ch.isdigit() for ch in str(sid)):
        return None
    fields = {k: item.get(k) for k in ("target", "deadline", "responsible")}
    return {"s": sid, **{k: v if isinstance(v, str) else str(v) if isinstance(v, int | float) else ""
                          for k, v in fields.items()}}


def _subjects(v: Any) -> dict[str, str]:
    """{"3": "城镇新增就业"}; also a list of {"id": 3, "subject": …} pairs; non-text subjects dropped."""
    if isinstance(v, list):
        pairs = [tuple(x.values())[:2] for x in v if isinstance(x, dict) and len(x) >= 2]
        v = {k: x for k, x in pairs}
    if not isinstance(v, dict):
        return {}
    return {str(k): x for k, x in v.items() if isinstance(x, str)}


def full_grammar_schema() -> dict[str, Any]:
    """The `full` profile's grammar (when the endpoint constrains decoding)."""
    small = grammar_schema()
    return {
        "type": "object",
        "properties": {
            **small["properties"],
            "commitments": {"type": "array", "maxItems": 20, "items": {
                "type": "object", "required": ["s"],
                "properties": {"s": {"type": "integer"},
                               "target": {"type": "string", "maxLength": 20},
                               "deadline": {"type": "string", "maxLength": 16},
                               "responsible": {"type": "string", "maxLength": 20}}}},
            "subjects": {"type": "object", "additionalProperties": {"type": "string", "maxLength": 20}},
        },
        "required": ["officials", "gist", "commitments", "subjects"],
    }


@dataclass(frozen=True)
class ChunkView:
    """Everything the prompt shows for one chunk. The `full` profile also shows `marks` (offset in
    the chunk text, sentence id: the id is written before the sentence) and `numbers` (value id,
    the value as written, its sentence id), listed after the text. The `small` profile shows the
    article's `lead` and an `excerpt` instead of the chunk: (sentence id, sentence) of the
    sentences sent (`pipeline.focus`)."""

    chunk: Chunk
    chunk_text: str
    title: str | None
    speaker: str | None
    marks: tuple[tuple[int, int], ...] = ()
    numbers: tuple[tuple[int, str, int], ...] = ()
    lead: str = ""
    excerpt: tuple[tuple[int, str], ...] = ()


def _header(view: ChunkView) -> list[str]:
    """What both profiles' user messages open with: the title and the current speaker."""
    lines = []
    if view.title:
        lines.append(f"标题：{view.title}")
    if view.speaker:
        lines.append(f"当前发言人：{view.speaker}")
    return lines


def render_user(view: ChunkView) -> str:
    """The `small` user message: headline, lead, then each sentence sent as `[id] sentence`
    (the lead's own sentences are not repeated). Without an excerpt: the chunk's text."""
    if not view.excerpt and not view.lead:
        return "\n".join([*_header(view), "正文：", view.chunk_text])
    lines = [*_header(view), f"导语：{view.lead}", "摘录："]
    lines += [f"[{sid}]{sentence}" for sid, sentence in view.excerpt if sentence not in view.lead]
    return "\n".join(lines)


def render_full(view: ChunkView) -> str:
    """The `full` profile's user message: the chunk with [n] before sentence n, then the values."""
    pieces: list[str] = []
    at = 0
    for offset, sid in view.marks:
        pieces += [view.chunk_text[at:offset], f"[{sid}]"]
        at = offset
    pieces.append(view.chunk_text[at:])
    lines = [*_header(view), "正文：", "".join(pieces)]
    lines.append("数值：")
    lines += [f"{vid}={surface}（句{sid}）" for vid, surface, sid in view.numbers] or ["无"]
    return "\n".join(lines)


PARAMS: dict[str, Any] = {"max_tokens": 400}
# The second way of asking for a chunk whose answer the model could not produce (cut at
# max_tokens, or invalid JSON after instructor's re-asks): the embedded 1.5B model looped to
# max_tokens on 1 of 32 unseen articles. `frequency_penalty` is the standard OpenAI parameter;
# llama-cpp-python's server takes it as a field of its own request model and hands it to the
# sampler, next to its llama.cpp `repeat_penalty` (which it already applies to every request,
# default 1.1), so nothing has to go through `extra_body`. Part of the params, so of the cache
# key: the two variants never share a cache entry. The second ask may also run twice as long: an
# answer cut at max_tokens is not always a loop (a Macao article naming 8 officials with their
# titles needed more than 400 tokens; measured on the embedded model).
RETRY_PARAMS: dict[str, Any] = {"max_tokens": 2 * PARAMS["max_tokens"], "frequency_penalty": 0.5}
# The `full` answer carries a subject per value and a few ids per commitment: ~10 tokens a value.
FULL_PARAMS: dict[str, Any] = {"max_tokens": 1000}
FULL_RETRY_PARAMS: dict[str, Any] = {"max_tokens": 2 * FULL_PARAMS["max_tokens"], "frequency_penalty": 0.5}


def label_chunk(llm: LLM, view: ChunkView, usage: Usage, profile: Profile = "small") -> ChunkLabels:
    """The model's labels for one chunk (a `FullLabels` in the `full` profile). If its answer
    cannot be used, the chunk is asked once more with a repetition penalty; `ModelOutputError`
    when that fails too (other `LLMError`s, transport and endpoint failures, are not retried here:
    the client already did). The `small` request is exactly what it was before profiles existed
    (prompt, schema, cache key); the `full` one has its own prompt file and names its profile in
    the cache key."""
    if profile == "full":
        prompt = load_prompt("extract_chunk_full")
        messages = [{"role": "system", "content": prompt.text},
                    {"role": "user", "content": render_full(view)}]
        request: tuple[list[dict[str, str]], type[ChunkLabels], dict[str, Any], str, Usage] = (
            messages, FullLabels, full_grammar_schema(), f"{prompt.key}|profile:full", usage)
        params, retry_params = FULL_PARAMS, FULL_RETRY_PARAMS
    else:
        prompt = load_prompt("extract_chunk")
        messages = [{"role": "system", "content": prompt.text},
                    {"role": "user", "content": render_user(view)}]
        request = (messages, ChunkLabels, grammar_schema(), prompt.key, usage)
        params, retry_params = PARAMS, RETRY_PARAMS
    # Failures are never cached, so a cached retry answer means the plain request failed
    # before: a rerun takes that answer instead of repeating a request known to fail.
    cached = llm.lookup(*request, params=params) or llm.lookup(*request, params=retry_params)
    if cached is not None:
        return cached
    try:
        return llm.ask(*request, params=params)
    except ModelOutputError as first:
        try:
            return llm.ask(*request, params=retry_params)
        except ModelOutputError as second:
            again = ("also when asked again with a repetition penalty" if str(second) == str(first)
                     else f"asked again with a repetition penalty: {second}")
            # The last answer and its cause are kept (the first failure is in the message).
            raise ModelOutputError(f"{first}; {again}", raw=second.raw or first.raw) from second
