"""Write outputs atomically: a temp file in the target directory, fsync, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from summarizer.errors import OutputError


def output_path(out_dir: Path, stem: str) -> Path:
    return out_dir / f"{stem}.json"


def write_json(target: Path, payload: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
