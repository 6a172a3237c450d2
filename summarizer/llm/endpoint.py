"""Where the model answers: an `Endpoint` (an OpenAI-compatible API, or the embedded llama.cpp
server started on the first cache miss), and the defaults that follow from it (requests in
flight, what the model is asked per chunk)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.config import DEFAULTS, ExtractOptions
from summarizer.errors import SummarizerError
from summarizer.llm.embedded import MODELS, EmbeddedServer, default_cache_root, ensure_model
from summarizer.models import Profile

__all__ = ["Endpoint", "answer_cache", "default_concurrency", "default_profile", "endpoint_for"]

log = logging.getLogger("summarizer")


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    api_key: str
    model: str
    identity: str  # what the cache key calls this model: remote name or GGUF sha256
    embedded: bool = False
    # llama.cpp can constrain decoding with the JSON schema as a grammar; measured 3.7x slower
    # on the embedded 1.5B model with the same answers, so it is off unless asked for.
    grammar: bool = False
    # Starts the server and returns its base URL; called once, on the first cache miss.
    start: Callable[[], str] | None = field(default=None, compare=False)
    # Why the embedded server is gone (it died: a crash, a CPU instruction it cannot run), or None.
    died: Callable[[], str | None] | None = field(default=None, compare=False)
    timeout: float = DEFAULTS.timeout
    max_retries: int = DEFAULTS.max_retries

    def __repr__(self) -> str:  # never show the key
        return f"Endpoint(base_url={self.base_url!r}, model={self.model!r})"


@contextmanager
def endpoint_for(options: ExtractOptions, *, say: Callable[[str], None] | None = None) -> Iterator[Endpoint]:
    """A remote OpenAI-compatible endpoint when `options` name one (`base_url`), else the embedded
    server (started on the first cache miss, stopped on exit). `say` gets the server's progress
    lines (default: the "summarizer" logger)."""
    base_url, model, timeout, max_retries = options.base_url, options.model, options.timeout, options.max_retries
    if base_url:
        if not model:
            raise SummarizerError("--model (or OPENAI_MODEL) is required with an API endpoint")
        yield Endpoint(base_url=base_url, api_key=options.api_key or "none", model=model,
                       identity=f"{base_url}|{model}", timeout=timeout, max_retries=max_retries)
        return
    path = ensure_model(options.embedded_model)
    spec = MODELS[options.embedded_model]
    server = EmbeddedServer(path)
    tell = say or log.info

    def start() -> str:  # on the first cache miss: a fully cached rerun never loads the model
        tell(f"embedded model {spec.name}: starting llama.cpp server on 127.0.0.1…")
        server.start()
        tell(f"model loaded in {server.load_seconds:.1f}s")
        return server.base_url

    try:
        yield Endpoint(base_url="", api_key="embedded", model=spec.name,
                       identity=f"gguf:{spec.sha256}", embedded=True, timeout=max(timeout, 600.0),
                       max_retries=max_retries, start=start, died=server.died)
    except BaseException:
        server.stop(grace=0)  # interrupted (Ctrl-C, SIGTERM) or failed: no answer is awaited
        raise
    finally:
        server.stop()  # the run is over: nothing is in flight, the server exits at once


def default_concurrency(endpoint: Endpoint | None) -> int:
    """Requests in flight: 1 for the embedded server (one model, one slot), 8 for an API."""
    return 1 if endpoint is None or endpoint.embedded else 8


def default_profile(endpoint: Endpoint | None, profile: str | None = None) -> Profile:
    """What the model is asked per chunk: `profile` when given; else `small` (officials and a
    gist) for the embedded models — run here or served from elsewhere under their name — and
    `full` (also commitments and subjects, `extract`) for any other model."""
    if profile is not None:
        if profile not in ("small", "full"):
            raise SummarizerError(f"unknown profile {profile!r}: small or full")
        return "full" if profile == "full" else "small"
    small = endpoint is None or endpoint.embedded or endpoint.model in {m.name for m in MODELS.values()}
    return "small" if small else "full"


def answer_cache(options: ExtractOptions) -> Path | None:
    """The directory of the model's answer cache, or None with `cache=False`."""
    if not options.cache:
        return None
    return options.cache_dir or default_cache_root() / "llm"
