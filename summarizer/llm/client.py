"""LLM access: one openai+instructor code path (`llm_sdk`) for every endpoint, with a diskcache
in front; the SDKs are imported only on a cache miss.

Retries live in exactly one layer per failure kind: the openai client retries transport errors,
408/409/429 (honouring Retry-After) and 5xx; instructor re-asks (through tenacity) only when the
model's output fails JSON parsing or validation; an answer still unusable after that (or cut at
max_tokens) is a `ModelOutputError`, and the caller may ask once more with other sampling
parameters (`label.label_chunk`: a repetition penalty). Failures are never cached. A rejected
key or an unknown endpoint/model (401/403/404) fails every later call too: the first one makes
the `LLM` refuse all further calls (`LLM.fatal`), so a batch stops instead of retrying per article.
"""

from __future__ import annotations

import gc
import hashlib
import json
import random
import sys
import threading
import time
from pathlib import Path
from typing import Any, TypeVar

import diskcache
from pydantic import BaseModel, ValidationError

from summarizer.errors import EndpointError, LLMError
from summarizer.llm.adaptive import AdaptiveLimit, Ticket
from summarizer.llm.endpoint import Endpoint
from summarizer.models import Usage

T = TypeVar("T", bound=BaseModel)

__all__ = ["LLM", "Endpoint", "EndpointError"]


_sdk_lock = threading.Lock()


def load_sdk() -> Any:
    """Import `llm_sdk` (openai + instructor: ~1 s) on first use. The import allocates ~10^5
    long-lived objects: the cyclic GC is paused meanwhile (import 25% faster) and they are then
    frozen out of it, so later collections, and the interpreter's exit (0.45 s otherwise),
    do not walk them again."""
    with _sdk_lock:
        if "summarizer.llm.sdk" not in sys.modules:
            gc.disable()
            try:
                import summarizer.llm.sdk  # noqa: F401
            finally:
                gc.enable()
                gc.freeze()
    return sys.modules["summarizer.llm.sdk"]


def schema_hash(schema: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:16]


class LLM:
    def __init__(self, endpoint: Endpoint, cache_dir: Path | None, reasks: int = 1,
                 max_in_flight: int = 1) -> None:
        self.endpoint = endpoint
        self.in_flight = AdaptiveLimit(max_in_flight, timeout=endpoint.timeout)
        self.cache = diskcache.Cache(str(cache_dir)) if cache_dir else None
        self.reasks = reasks
        self.fatal: EndpointError | None = None
        self._client: Any = None
        self._client_lock = threading.Lock()

    @property
    def client(self) -> Any:
        """The instructor client, made (and the embedded server started) on first use."""
        llm_sdk = load_sdk()
        with self._client_lock:
            if self._client is None:
                e = self.endpoint
                self._client = llm_sdk.make_client(e, e.start() if e.start else e.base_url)
            return self._client

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()

    def cache_key(self, messages: list[dict[str, str]], schema: dict[str, Any],
                  params: dict[str, Any], prompt_version: str) -> str:
        material = json.dumps(
            {"model": self.endpoint.identity, "prompt": prompt_version,
             "schema": schema_hash(schema), "messages": messages, "params": params},
            sort_keys=True, ensure_ascii=False,
        )
        return hashlib.sha256(material.encode()).hexdigest()

    def _request(self, messages: list[dict[str, str]], response_model: type[BaseModel],
                 grammar_schema: dict[str, Any], prompt_version: str,
                 params: dict[str, Any] | None) -> tuple[dict[str, Any], str]:
        """The request's full sampling parameters and its cache key (which covers them all)."""
        params = {"temperature": 0.0, "max_tokens": 1200, **(params or {})}
        schemas = {"response": response_model.model_json_schema(), "grammar": grammar_schema}
        return params, self.cache_key(messages, schemas, params, prompt_version)

    def _cached(self, key: str, response_model: type[T], usage: Usage) -> T | None:
        if self.cache is None:
            return None
        hit = self.cache.get(key)
        if not isinstance(hit, str):
            return None
        try:
            cached = response_model.model_validate_json(hit)
        except ValidationError:
            return None  # an entry the current schema no longer accepts: ask again
        usage.add(hits=1)
        return cached

    def lookup(self, messages: list[dict[str, str]], response_model: type[T],
               grammar_schema: dict[str, Any], prompt_version: str, usage: Usage,
               params: dict[str, Any] | None = None) -> T | None:
        """The cached answer to exactly this request (same messages, schemas and parameters),
        or None; never calls the model (and, like `ask`, refuses once the endpoint did)."""
        if self.fatal is not None:
            raise self.fatal.again()
        if self.cache is None:
            return None
        _, key = self._request(messages, response_model, grammar_schema, prompt_version, params)
        return self._cached(key, response_model, usage)

    def ask(self, messages: list[dict[str, str]], response_model: type[T],
                grammar_schema: dict[str, Any], prompt_version: str, usage: Usage,
                params: dict[str, Any] | None = None) -> T:
        """Return a validated `response_model`, from the cache when possible. Every sampling
        parameter is part of the cache key: two variants of one request never share an entry."""
        if self.fatal is not None:
            raise self.fatal.again()
        params, key = self._request(messages, response_model, grammar_schema, prompt_version, params)
        cached = self._cached(key, response_model, usage)
        if cached is not None:
            return cached
        extra: dict[str, Any] = {}
        if self.endpoint.grammar:
            extra["extra_body"] = {
                "response_format": {"type": "json_object", "schema": grammar_schema}
            }
        llm_sdk = load_sdk()  # the SDKs take ~1 s to import: only on a cache miss

        result, completion = self._send(llm_sdk, messages, response_model, params, extra, usage)
        tokens = getattr(completion, "usage", None)
        usage.add(calls=1, prompt=getattr(tokens, "prompt_tokens", 0) or 0,
                  completion=getattr(tokens, "completion_tokens", 0) or 0)
        if self.cache is not None:
            self.cache.set(key, result.model_dump_json())
        return result

    def _send(self, llm_sdk: Any, messages: list[dict[str, str]], response_model: type[T],
              params: dict[str, Any], extra: dict[str, Any], usage: Usage) -> tuple[T, Any]:
        """One answer, with the retries of transport failures, 408/409/429 and 5xx (this is
        their one layer: the openai client's own are off), paced by the adaptive limit. A
        timeout spent queued behind our other requests is sent again without counting."""
        attempt = queued = 0
        while True:
            ticket: Ticket | None = self.in_flight.acquire()
            outcome, tokens, retry = "other", None, None
            try:
                # The fatal check and the mapping of errors (which may set `fatal`) happen while
                # this call holds its slot, so no waiting call starts after a 401 has come back.
                if self.fatal is not None:
                    raise self.fatal.again()
                # A resend after a timeout in the queue may wait longer: the server may still be
                # working through what was abandoned (llama.cpp finishes a request nobody awaits).
                patience = {"timeout": self.endpoint.timeout * 2 ** queued} if queued else {}
                try:
                    result, completion = llm_sdk.call(self.client, self.endpoint, messages, response_model,
                                                      params, {**extra, **patience}, self.reasks)
                except LLMError as exc:
                    retry = llm_sdk.transient(exc)
                    outcome = retry[0] if retry else "other"
                    # a timeout in the queue, or the resend of one (what was abandoned may still
                    # be ahead of it in the server): sent again, not counted
                    in_queue = False
                    if outcome == "timeout" and ticket is not None:
                        in_queue = self.in_flight.release(ticket, outcome) or queued > 0
                        ticket = None  # released
                    again = in_queue and queued < QUEUED_RETRIES
                    queued += again
                    attempt += not again
                    if retry is None or (not again and attempt > self.endpoint.max_retries):
                        usage.add(calls=1)  # failed calls count too
                        failure = self._failed(exc)
                        if failure is exc:
                            raise
                        raise failure from exc
                else:
                    outcome, tokens = "ok", getattr(completion, "usage", None)
                    return result, completion
            finally:
                if ticket is not None:
                    self.in_flight.release(ticket, outcome, weighted_tokens(tokens))
            assert retry is not None  # else raised above
            time.sleep(retry[1] if retry[1] is not None else backoff(attempt))

    def _failed(self, exc: LLMError) -> LLMError:
        reason = self.endpoint.died() if self.endpoint.died else None
        if reason:  # every later call would fail the same way: stop the run with the cause
            self.fatal = EndpointError(reason)
            return self.fatal
        if isinstance(exc, EndpointError):
            self.fatal = exc
        return exc


def backoff(attempt: int) -> float:
    """The openai client's own schedule: 0.5 s doubling to 8 s, less up to a quarter of jitter."""
    return min(0.5 * 2 ** max(0, attempt - 1), 8.0) * (1 - 0.25 * random.random())


# Resends of a request that timed out while queued behind ours, each with twice the timeout
# before (and the limit cut): 1 + 2 + 4 + 8 = 15 timeouts in all before a timeout counts.
QUEUED_RETRIES = 3


def weighted_tokens(tokens: Any) -> int:
    """What an answer's latency is measured against: generated tokens, plus prompt tokens at a
    quarter (a prompt is read 4-8x faster than an answer is written)."""
    prompt = getattr(tokens, "prompt_tokens", 0) or 0
    return prompt // 4 + (getattr(tokens, "completion_tokens", 0) or 0)
