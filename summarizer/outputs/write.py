"""Write outputs atomically: a temp file in the target directory, fsync, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from summarizer.errors import OutputError
from summarizer.models import ArticleResult
from summarizer.outputs.formats import ArticleFormat, lookup, register

ARTICLE = "json"  # the format `summarizer extract` writes each article in
register("article", ARTICLE, ArticleFormat(".json", lambda result: result.model_dump_json(indent=2)))


def _current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


# Read once, at import (single-threaded): os.umask can only be read by setting it, process-wide,
# and writer threads must never see the temporary 0.
_UMASK = _current_umask()


def output_path(out_dir: Path, stem: str) -> Path:
    """Where the article read from a file named `stem` is written."""
    return out_dir / f"{stem}{lookup('article', ARTICLE).suffix}"


def dump_article(result: ArticleResult) -> str:
    """The text of an article's output file."""
    text: str = lookup("article", ARTICLE).dump(result)
    return text


def write_atomic(path: Path, content: str) -> None:
    """Write UTF-8 text via a temp file in the same directory and os.replace; the file gets the
    usual permissions (mkstemp alone would leave it 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(target: Path, payload: str) -> None:
    """An article's JSON; a failure is an `OutputError` naming the file."""
    try:
        write_atomic(target, payload)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
