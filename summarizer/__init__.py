"""summarizer: structured, grounded data from Chinese government policy news.

    from summarizer import extract
    result = extract(text_or_path, deterministic=True)   # -> ArticleResult

The API (`summarizer.api`) is imported on first use, so `import summarizer` stays cheap.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ArticleResult", "Extractor", "__version__", "extract"]

if TYPE_CHECKING:
    from summarizer.api import Extractor, extract
    from summarizer.models import ArticleResult


class _Package(types.ModuleType):
    """`summarizer.extract` is the API function, although the submodule `summarizer/extract.py`
    (the model's chunk labelling) has the same name: importing a submodule sets it as an
    attribute of its package, which would replace the function by the module. The submodule
    stays importable by its full name (`from summarizer.extract import …`)."""

    @property
    def extract(self) -> Any:
        from summarizer.api import extract

        return extract

    @extract.setter
    def extract(self, _module: Any) -> None:
        pass


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from summarizer.api import Extractor

        return Extractor
    if name == "ArticleResult":
        from summarizer.models import ArticleResult

        return ArticleResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


sys.modules[__name__].__class__ = _Package
