"""`summarizer brief`: a Chinese cross-article briefing (Markdown or self-contained HTML)."""

from __future__ import annotations

from summarizer.outputs.brief.command import brief_command, write_atomic
from summarizer.outputs.brief.render_html import build_html
from summarizer.outputs.brief.render_md import build_markdown
from summarizer.outputs.results import load_results

__all__ = ["brief_command", "build_html", "build_markdown", "load_results", "write_atomic"]
