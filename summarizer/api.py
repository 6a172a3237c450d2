"""The Python API: `extract(text or path, …) -> ArticleResult`, and `Extractor` to run many
articles on one endpoint (the embedded model server is started once, on the first cache miss).

`summarizer extract` is built from the same pieces: `endpoint_for` (API endpoint or embedded
server), `LLM` (cache + client), `ingest` and `pipeline.run_article`. What differs is only what
the CLI adds around them: files written atomically, progress and exit status.

    >>> from summarizer import extract
    >>> result = extract("市人力社保局副局长夏杨松表示，今年将确保城镇新增就业60万人以上。",
    ...                  deterministic=True)
    >>> [(m.value_text, m.role) for m in result.metrics]
    [('60万人以上', 'target')]
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import TracebackType

from summarizer.llm.embedded import DEFAULT_MODEL, MODELS, EmbeddedServer, default_cache_root, ensure_model
from summarizer.errors import InputError, SummarizerError
from summarizer.text.ingest import DEFAULT_MAX_BYTES, Article, as_text, decode, load_article, parse_article
from summarizer.llm.client import LLM, Endpoint
from summarizer.models import ArticleResult, Profile
from summarizer.pipeline.article import run_article

__all__ = ["Extractor", "default_profile", "endpoint_for", "extract"]

log = logging.getLogger("summarizer")
Source = str | bytes | os.PathLike[str]


@contextmanager
def endpoint_for(base_url: str | None, api_key: str | None, model: str | None,
                 embedded_model: str, timeout: float, max_retries: int,
                 *, say: Callable[[str], None] | None = None) -> Iterator[Endpoint]:
    """A remote OpenAI-compatible endpoint when one is configured, else the embedded server
    (started on the first cache miss, stopped on exit). `say` gets the server's progress lines
    (default: the "summarizer" logger)."""
    if base_url:
        if not model:
            raise SummarizerError("--model (or OPENAI_MODEL) is required with an API endpoint")
        yield Endpoint(base_url=base_url, api_key=api_key or "none", model=model,
                       identity=f"{base_url}|{model}", timeout=timeout, max_retries=max_retries)
        return
    path = ensure_model(embedded_model)
    spec = MODELS[embedded_model]
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


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """An article from a path (`pathlib.Path` or any `os.PathLike`: read as `summarizer extract`
    reads a file), from text (`str`) or from undecoded bytes (any encoding the CLI reads)."""
    if isinstance(source, os.PathLike):
        return load_article(os.fspath(source), max_bytes)
    data = source.encode("utf-8") if isinstance(source, str) else source
    if len(data) > max_bytes:
        raise InputError(f"text: {len(data)} bytes is over the size limit of {max_bytes}")
    return parse_article(*as_text(decode(data, "text"), "text"), path="-")


class Extractor:
    """Extract many articles with one configuration; use it as a context manager (it owns the
    embedded model server, if any, and the cache connection).

    Options are those of `summarizer extract`; `model`, `base_url` and `api_key` default to
    OPENAI_MODEL, OPENAI_BASE_URL and OPENAI_API_KEY. With no endpoint configured the embedded
    model is used (extra `local`); `deterministic=True` runs the rules alone, without any model.
    `profile` ("small" or "full") defaults as `default_profile` says.
    """

    def __init__(self, *, model: str | None = None, base_url: str | None = None,
                 api_key: str | None = None, deterministic: bool = False,
                 embedded_model: str = DEFAULT_MODEL, cache: bool = True,
                 cache_dir: str | os.PathLike[str] | None = None, concurrency: int | None = None,
                 timeout: float = 120.0, max_retries: int = 4, chunk_chars: int = 2400,
                 max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False,
                 profile: str | None = None) -> None:
        if profile is not None:
            default_profile(None, profile)  # an unknown profile fails here, before any work
        self.deterministic = deterministic
        self.profile = profile
        self.settings = (
            base_url if base_url is not None else os.environ.get("OPENAI_BASE_URL"),
            api_key if api_key is not None else os.environ.get("OPENAI_API_KEY"),
            model if model is not None else os.environ.get("OPENAI_MODEL"),
            embedded_model, timeout, max_retries,
        )
        self.cache_dir = None if not cache else Path(cache_dir) if cache_dir else default_cache_root() / "llm"
        self.concurrency = concurrency
        self.chunk_chars, self.max_bytes, self.strict = chunk_chars, max_bytes, strict
        self.llm: LLM | None = None
        self._stack: ExitStack | None = None

    def __enter__(self) -> Extractor:
        self.open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        stack, self._stack, self.llm = self._stack, None, None
        if stack is not None:  # an exception (Ctrl-C in a notebook) stops the server at once
            stack.__exit__(exc_type, exc, tb)

    def open(self) -> None:
        """Set up the endpoint (done by the first `extract` otherwise)."""
        if self._stack is not None:
            return
        stack = ExitStack()
        try:
            if not self.deterministic:
                endpoint = stack.enter_context(endpoint_for(*self.settings))
                workers = self.concurrency or default_concurrency(endpoint)
                self.llm = LLM(endpoint, self.cache_dir, max_in_flight=workers)
                stack.callback(self.llm.close)
        except BaseException:
            stack.close()
            raise
        self._stack = stack

    def close(self) -> None:
        """Stop the embedded server (if it was started) and close the cache."""
        stack, self._stack, self.llm = self._stack, None, None
        if stack is not None:
            stack.close()

    def extract(self, source: Source) -> ArticleResult:
        """Extract one article: `source` is its text (`str`), its bytes, or a path (`Path`).

        An unusable input raises `InputError`; an endpoint that refuses every request (bad key,
        unknown model) raises `EndpointError`. A chunk the model could not answer is recorded as
        with the CLI: in `result.errors`, with `result.status` "degraded" or "failed".
        """
        article = read_source(source, self.max_bytes)
        self.open()
        llm = self.llm
        workers = self.concurrency or default_concurrency(llm.endpoint if llm else None)
        profile = default_profile(llm.endpoint if llm else None, self.profile)
        result = run_article(article, llm, workers, self.chunk_chars, self.strict, profile)
        if llm is not None and llm.fatal is not None:
            raise llm.fatal
        return result


def extract(source: Source, *, model: str | None = None, base_url: str | None = None,
            api_key: str | None = None, deterministic: bool = False,
            embedded_model: str = DEFAULT_MODEL, cache: bool = True,
            cache_dir: str | os.PathLike[str] | None = None, concurrency: int | None = None,
            timeout: float = 120.0, max_retries: int = 4, chunk_chars: int = 2400,
            max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False,
            profile: str | None = None) -> ArticleResult:
    """Extract officials, metrics and commitments from one article: its text (`str`), its bytes
    or a path (`pathlib.Path`), into the pydantic `ArticleResult` that `summarizer extract`
    writes as JSON. Options as for `Extractor` (and the CLI); for many articles use one
    `Extractor`, which starts the embedded model once."""
    with Extractor(model=model, base_url=base_url, api_key=api_key, deterministic=deterministic,
                   embedded_model=embedded_model, cache=cache, cache_dir=cache_dir,
                   concurrency=concurrency, timeout=timeout, max_retries=max_retries,
                   chunk_chars=chunk_chars, max_bytes=max_bytes, strict=strict,
                   profile=profile) as extractor:
        return extractor.extract(source)
