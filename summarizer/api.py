"""The Python API: `extract(text or path, …) -> ArticleResult`, and `Extractor` to run many
articles on one endpoint (the embedded model server is started once, on the first cache miss).

`summarizer extract` is built from the same pieces: `ExtractOptions` (config), `endpoint_for`
(API endpoint or embedded server), `LLM` (cache + client), `ingest` and `pipeline.run_article`.
What differs is only what the CLI adds around them: files written atomically, progress and exit
status.

    >>> from summarizer import extract
    >>> result = extract("市人力社保局副局长夏杨松表示，今年将确保城镇新增就业60万人以上。",
    ...                  deterministic=True)
    >>> [(m.value_text, m.role) for m in result.metrics]
    [('60万人以上', 'target')]
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from types import TracebackType
from typing import Any

from summarizer.config import DEFAULT_MAX_BYTES, ExtractOptions, OptionError
from summarizer.errors import InputError
from summarizer.llm.client import LLM
from summarizer.llm.endpoint import Endpoint, answer_cache, default_concurrency, default_profile, endpoint_for
from summarizer.models import ArticleResult
from summarizer.pipeline.article import run_article
from summarizer.text.ingest import Article, as_text, decode, load_article, parse_article

# What users import from here (the endpoint helpers live in llm.endpoint, the options in config).
__all__ = ["Endpoint", "ExtractOptions", "Extractor", "OptionError", "default_concurrency",
           "default_profile", "endpoint_for", "extract"]

Source = str | bytes | os.PathLike[str]


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

    Options are `ExtractOptions` (those of `summarizer extract`), given as one `options` object
    and/or as keywords over it; `model`, `base_url` and `api_key` default to OPENAI_MODEL,
    OPENAI_BASE_URL and OPENAI_API_KEY. With no endpoint configured the embedded model is used
    (extra `local`); `deterministic=True` runs the rules alone, without any model. `profile`
    ("small" or "full") defaults as `llm.endpoint.default_profile` says. An invalid option is an
    `OptionError`, raised here, before any work.
    """

    def __init__(self, options: ExtractOptions | None = None, /, **values: Any) -> None:
        self.options = ExtractOptions.of(options, **values).with_environment()
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
            if not self.options.deterministic:
                endpoint = stack.enter_context(endpoint_for(self.options))
                workers = self.options.concurrency or default_concurrency(endpoint)
                self.llm = LLM(endpoint, answer_cache(self.options), max_in_flight=workers)
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
        options = self.options
        article = read_source(source, options.max_bytes)
        self.open()
        llm = self.llm
        endpoint = llm.endpoint if llm else None
        workers = options.concurrency or default_concurrency(endpoint)
        profile = default_profile(endpoint, options.profile)
        result = run_article(article, llm, workers, options.chunk_chars, options.strict, profile)
        if llm is not None and llm.fatal is not None:
            raise llm.fatal
        return result


def extract(source: Source, options: ExtractOptions | None = None, /, **values: Any) -> ArticleResult:
    """Extract officials, metrics and commitments from one article: its text (`str`), its bytes
    or a path (`pathlib.Path`), into the pydantic `ArticleResult` that `summarizer extract`
    writes as JSON. Options as for `Extractor` (and the CLI); for many articles use one
    `Extractor`, which starts the embedded model once."""
    with Extractor(options, **values) as extractor:
        return extractor.extract(source)
