"""With stderr not a terminal (a log file, CI, cron), `summarizer extract` writes one line per
article as it finishes instead of the live progress bar: file, status, items, LLM calls, cache
hits, seconds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import ArticleResult

from .stub_llm import StubLLM
from .test_faults import KEY, make_articles, run_summary
from .test_inputs import SIMPLIFIED

LINE = re.compile(r"^\[(\d+)/(\d+)\] (.+): (ok|degraded|failed), (\d+) officials?, (\d+) metrics?, "
                  r"(\d+) commitments?, (\d+) LLM calls?, (\d+) cache hits?, (\d+\.\d) s$")


def article_lines(stderr: str) -> dict[str, tuple[str, ...]]:
    """file -> (status, officials, metrics, commitments, LLM calls, cache hits), checking the
    counters [n/total] run 1..total in order."""
    found = [m.groups() for m in map(LINE.match, stderr.splitlines()) if m]
    assert [int(g[0]) for g in found] == list(range(1, len(found) + 1)), stderr
    assert {int(g[1]) for g in found} <= {len(found)}, stderr
    return {Path(g[2]).name: g[3:9] for g in found}


def test_one_line_per_article_with_its_status_items_and_calls(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (src / "b.txt").write_text("重庆民生工作\n今年全市城镇新增就业60万人以上。\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    args = ["extract", str(src), "--out", str(tmp_path / "out"), "--chunk-chars", "200",
            "--cache-dir", str(tmp_path / "cache"), "--model", "stub", "--api-key", KEY]
    with StubLLM(content={"officials": [{"name": "李为民", "title": "市就业局局长"}],
                          "gist": "重庆就业形势总体稳定。"}) as stub:
        first = CliRunner().invoke(app, [*args, "--base-url", stub.base_url])
        again = CliRunner().invoke(app, [*args, "--base-url", stub.base_url])
    assert first.exit_code == again.exit_code == 1, first.stderr  # the empty file failed

    def counts(stem: str) -> tuple[str, str, str]:
        r = ArticleResult.model_validate_json((tmp_path / "out" / f"{stem}.json").read_text("utf-8"))
        return str(len(r.officials)), str(len(r.metrics)), str(len(r.commitments))

    lines = article_lines(first.stderr)
    assert lines == {"a.txt": ("ok", *counts("a"), "1", "0"),
                     "b.txt": ("ok", *counts("b"), "1", "0"),
                     "empty.txt": ("failed", "0", "0", "0", "0", "0")}, first.stderr
    assert counts("a") == ("1", "4", "1")
    assert run_summary(first.stderr)["run"]["llm_calls"] == 2
    # the rerun is served from the cache: the hits, not calls, are counted
    assert article_lines(again.stderr)["a.txt"] == ("ok", *counts("a"), "0", "1")
    assert "━" not in first.stderr  # no progress bar in a log


def test_rules_only_lines(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(SIMPLIFIED, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "out"),
                                      "--deterministic"])
    assert result.exit_code == 0
    line = next(x for x in result.stderr.splitlines() if LINE.match(x))
    assert line.startswith(f"[1/1] {src}: ok, 1 official, 4 metrics, ") and ", 0 LLM calls, 0 cache hits, " in line


def test_lines_come_as_articles_finish_not_at_the_end(tmp_path: Path) -> None:
    """A real process writing into a pipe: the first article's line is readable while the
    others are still running (stderr is line-buffered, nothing waits for the run's end)."""
    make_articles(tmp_path / "in", 6)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    with StubLLM(latency=0.4) as stub:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from summarizer.cli.app import main; main()", "extract",
             str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--base-url", stub.base_url,
             "--api-key", KEY, "--model", "stub", "--no-cache", "--concurrency", "1",
             "--chunk-chars", "4000"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert proc.stderr is not None
        first = proc.stderr.readline()
        while first and not LINE.match(first):
            first = proc.stderr.readline()
        seen = time.monotonic()
        rest = proc.communicate(timeout=60)[1]
        ended = time.monotonic()
    assert proc.returncode == 0, rest
    assert first.startswith("[1/6] ") and ": ok, " in first
    assert ended - seen > 4 * 0.4  # five more articles of 0.4 s each ran after it was read
    assert len(article_lines(first + rest)) == 6
