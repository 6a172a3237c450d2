"""Versioned prompt files in `summarizer/llm/prompts/` (shipped in the wheel; the repository's
top-level `prompts/` is a symlink to it): `# version: N` header, `#` comment lines, then the body.

The cache key sees a prompt's name, declared version and a digest of its body, never its path:
moving the files changes no key, so recorded cassettes and existing caches still replay."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROMPT_DIR = Path(__file__).resolve().parent / "prompts"


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    text: str

    @property
    def key(self) -> str:
        """Feeds the cache key: name, declared version and a digest of the body."""
        digest = hashlib.sha256(self.text.encode()).hexdigest()[:12]
        return f"{self.name}@{self.version}:{digest}"


@cache
def load_prompt(name: str) -> Prompt:
    path = PROMPT_DIR / f"{name}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"prompt file {name}.txt not found in {PROMPT_DIR}")
    raw = path.read_text(encoding="utf-8")
    version = re.search(r"^#\s*version:\s*(\S+)", raw, re.MULTILINE)
    if not version:
        raise ValueError(f"{path}: missing '# version: N' header")
    body = "\n".join(line for line in raw.splitlines() if not line.startswith("#")).strip()
    return Prompt(name=name, version=version.group(1), text=body)
