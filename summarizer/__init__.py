"""summarizer: structured, grounded data from Chinese government policy news.

    from summarizer import extract
    result = extract(text_or_path, deterministic=True)   # -> ArticleResult

The API (`summarizer.api`) is imported on first use, so `import summarizer` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ArticleResult", "ExtractOptions", "Extractor", "__version__", "extract"]

if TYPE_CHECKING:
    from summarizer.api import Extractor, extract
    from summarizer.config import ExtractOptions
    from summarizer.models import ArticleResult


def __getattr__(name: str) -> Any:
    if name in ("extract", "Extractor"):
        from summarizer import api

        return getattr(api, name)
    if name == "ExtractOptions":
        from summarizer.config import ExtractOptions

        return ExtractOptions
    if name == "ArticleResult":
        from summarizer.models import ArticleResult

        return ArticleResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
