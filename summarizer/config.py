"""What an extraction is run with: `ExtractOptions`, declared once here and used by the CLI
(`summarizer extract`: its options, their defaults and --help come from these fields), the
Python API (`extract`, `Extractor`) and the Ray driver (`pipeline.cluster`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import SummarizerError
from summarizer.models import Profile

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MODEL", "ExtractOptions", "OptionError"]

DEFAULT_MODEL = "qwen2.5-coder-1.5b"  # the embedded model (llm.embedded.MODELS)
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The environment variables an unset endpoint option is read from (as the CLI's envvars).
ENVIRONMENT = {"model": "OPENAI_MODEL", "base_url": "OPENAI_BASE_URL", "api_key": "OPENAI_API_KEY"}


class OptionError(SummarizerError, ValueError):
    """An extraction option has a value it cannot have (an unknown profile, a negative timeout)."""


class ExtractOptions(BaseModel):
    """The options of `summarizer extract`, `extract()` and `Extractor()`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = Field(default=None, description="Model name at the API endpoint.")
    base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint; unset = embedded model.")
    api_key: str | None = Field(default=None, repr=False, description="API key (never logged).")
    embedded_model: str = Field(default=DEFAULT_MODEL, description="Embedded model: {models}.")
    cache_dir: Path | None = Field(default=None, description="LLM answer cache directory (default: "
                                   "~/.cache/summarizer/llm, under $XDG_CACHE_HOME when set).")
    cache: bool = Field(default=True, description="Read and write the LLM answer cache (--no-cache: neither).")
    concurrency: int | None = Field(default=None, ge=1,
                                    description="Requests in flight (default 1 embedded, 8 API).")
    chunk_chars: int = Field(default=2400, ge=200, description="Chunk size budget.")
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, ge=1,
                           description="Input size limit in bytes: a larger file fails.")
    timeout: float = Field(default=120.0, gt=0,
                           description="Seconds per LLM request (at least 600 for the embedded model).")
    max_retries: int = Field(default=4, ge=0, description="Retries of a failed request (429/5xx/connection).")
    strict: bool = Field(default=False,
                         description="Drop rejected (ungrounded) proposals instead of listing them.")
    deterministic: bool = Field(default=False, description="No LLM: patterns and rules only (the baseline).")
    profile: Profile | None = Field(
        default=None, description="What the model is asked per chunk: small (officials, a gist) or full (also "
                          "commitments and what each value counts, verified against the text). Default: "
                          "small for the embedded models, full for any other.")

    @classmethod
    def of(cls, options: ExtractOptions | None = None, **values: Any) -> ExtractOptions:
        """`options` with `values` over it, validated: an invalid one is an `OptionError` naming it."""
        try:
            return cls.model_validate({**(options.model_dump() if options else {}), **values})
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(map(str, first["loc"])) or "options"
            raise OptionError(f"{where}: {first['msg']} (got {first.get('input')!r})") from exc

    def with_environment(self) -> ExtractOptions:
        """The endpoint options left unset read from OPENAI_MODEL, OPENAI_BASE_URL, OPENAI_API_KEY."""
        found = {name: os.environ[var] for name, var in ENVIRONMENT.items()
                 if getattr(self, name) is None and var in os.environ}
        return self.model_copy(update=found) if found else self


DEFAULTS = ExtractOptions()
