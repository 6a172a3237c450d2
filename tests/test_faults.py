"""Faults: the CLI against the fault-injecting stub LLM (tests/stub_llm.py), offline on loopback.

A batch under a 30% fault rate ends with every article complete, degraded (bad model output,
even asked again with a repetition penalty) or marked failed (reason in its JSON and on stderr),
retries are bounded, Retry-After is honoured, 4xx are not retried, a bad key stops the run, a
second run resumes from the cache, and SIGKILL leaves nothing corrupt.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import diskcache
import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.llm.label import ChunkLabels
from summarizer.models import ArticleResult
from summarizer.text.chunk import make_chunks
from summarizer.text.ingest import load_article

from .stub_llm import FAULTS, answer, random_plan
from .stub_llm import StubLLM as _StubLLM

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KEY = "sk-test-SECRET123456789"
BUDGET = 200  # --chunk-chars: with paragraphs of 60-280 characters, 1-2 chunks per article
REASKS = 1  # LLM(reasks=1), the CLI's default
VARIANTS = 2  # bad model output: the chunk is asked again once, with a repetition penalty
BAD_OUTPUT = ("truncated", "invalid")  # what the model answered cannot be used


class StubLLM(_StubLLM):
    """The stub, with a "reset" that really resets the connection. (The stub's own closes only
    its socket object while the handler's rfile still holds the descriptor, and the handler
    then waits for the next request: the client sees a hang until its timeout, not a reset.)"""

    def _handler(self) -> type:
        base: Any = super()._handler()

        class Handler(base):
            def _act(self, outcome: str) -> None:
                if outcome != "reset":
                    super()._act(outcome)
                    return
                self.close_connection = True
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))  # close() sends RST
                self.rfile.close()
                self.connection.close()

        return Handler


def seed_paragraphs() -> list[str]:
    paras = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").split("\n"):
            line = line.strip()
            if 60 <= len(line) <= 280 and re.search(r"\d", line):
                paras.append(line)
    return paras


def make_articles(folder: Path, n: int) -> list[Path]:
    """n small articles: a title line and one seed paragraph (every third gets a second one)."""
    paras = seed_paragraphs()
    assert len(paras) >= n + n // 3
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        body = paras[i] + (f"\n{paras[n + i // 3]}" if i % 3 == 0 else "")
        path = folder / f"a{i:02d}.txt"
        path.write_text(f"重庆民生工作第{i + 1}期\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def chunk_count(paths: list[Path]) -> int:
    return sum(len(make_chunks(load_article(str(p)).text, BUDGET)) for p in paths)


def user_message(body: dict[str, Any]) -> str:
    """The chunk a request is about (a re-ask appends messages after it), without the sentence
    ids the `full` profile (the default for these stub endpoints) writes into the text."""
    return re.sub(r"\[\d+\]", "", next(m["content"] for m in body["messages"] if m["role"] == "user"))


def cli_args(stub: _StubLLM, inputs: list[str], out: Path, *extra: str) -> list[str]:
    return ["extract", *inputs, "--out", str(out), "--base-url", stub.base_url, "--api-key", KEY,
            "--model", "stub", "--chunk-chars", str(BUDGET), *extra]


def run(stub: _StubLLM, inputs: list[str], out: Path, *extra: str) -> tuple[int, str, float]:
    started = time.monotonic()
    result = CliRunner().invoke(app, cli_args(stub, inputs, out, *extra))
    elapsed = time.monotonic() - started
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert KEY not in result.stderr
    return result.exit_code, result.stderr, elapsed


def run_summary(stderr: str) -> dict[str, Any]:
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith('{"run"')]
    assert len(lines) == 1, stderr
    return lines[0]


def outputs(out: Path) -> dict[str, ArticleResult]:
    return {p.stem: ArticleResult.model_validate_json(p.read_text(encoding="utf-8"))
            for p in sorted(out.glob("*.json"))}


def script(*outcomes: str):
    """A plan that plays `outcomes` in order, then answers ok."""
    def plan(n: int, _body: dict[str, Any]) -> str:
        return outcomes[n - 1] if n <= len(outcomes) else "ok"
    return plan


# ---------------------------------------------------------------- a batch under 30% faults


def test_batch_under_30_percent_faults(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 24)
    chunks = chunk_count(paths)
    assert 24 < chunks <= 48
    max_retries = 1
    out = tmp_path / "out"
    faults = random_plan(0.3, seed=9)  # every kind appears in its first 23 draws
    log: list[tuple[str, str]] = []  # (chunk, outcome) in request order

    def plan(n: int, body: dict[str, Any]) -> str:
        outcome = faults(n, body)
        log.append((user_message(body), outcome))
        return outcome

    with StubLLM(plan, hang=2.0) as stub:
        code, stderr, elapsed = run(stub, [str(tmp_path / "in")], out, "--no-cache",
                                    "--timeout", "1", "--max-retries", str(max_retries))
        bodies = list(stub.bodies)

    def user_message_of(r: ArticleResult, chunk: int) -> str:
        c = make_chunks(r.text, BUDGET)[chunk]
        return next(m for m in history if r.text[c.start:c.end] in m)

    injected = Counter(o for _, o in log if o != "ok")
    assert set(injected) == set(FAULTS)  # every kind was exercised
    assert sum(injected.values()) >= 0.2 * len(log)

    # A chunk ends ok iff its last request was answered ok; every fault before that survived.
    history: dict[str, list[str]] = {}
    for chunk, outcome in log:
        history.setdefault(chunk, []).append(outcome)
    survived = Counter(o for h in history.values() if h[-1] == "ok" for o in h if o != "ok")
    lost_chunks = [h for h in history.values() if h[-1] != "ok"]
    print(f"\nrequests {len(log)} for {chunks} chunks in {elapsed:.1f}s; per fault kind "
          "injected/survived: " + ", ".join(f"{k} {injected[k]}/{survived[k]}" for k in FAULTS)
          + f"; chunks failed: {len(lost_chunks)} {lost_chunks}")

    results = outputs(out)
    assert sorted(results) == [p.stem for p in paths]  # every article has its JSON
    failed = {stem for stem, r in results.items() if r.status == "failed"}
    degraded = {stem for stem, r in results.items() if r.status == "degraded"}
    assert sum(len(r.errors) for r in results.values()) == len(lost_chunks)
    for stem, r in results.items():
        if r.errors:
            assert all(e.stage == "extract" and e.reason and e.chunk is not None for e in r.errors)
            assert not any("\n" in e.reason for e in r.errors)  # one line each on stderr
            for e in r.errors:  # and the reason is on stderr, naming the file
                assert f"{stem}.txt: chunk {e.chunk}: {e.reason}" in stderr
            # degraded iff every lost chunk lost to bad model output (its last answer was one)
            lost_here = [history[user_message_of(r, e.chunk)] for e in r.errors]
            assert (r.status == "degraded") == all(h[-1] in BAD_OUTPUT for h in lost_here)
        else:
            assert r.status == "ok"
            # one call per chunk, and one more for each asked again with the penalty
            mine = {user_message_of(r, c.index) for c in make_chunks(r.text, BUDGET)}
            penalty_asks = len(mine & {user_message(b) for b in bodies if b.get("frequency_penalty")})
            assert r.usage.llm_calls == len(make_chunks(r.text, BUDGET)) + penalty_asks
        assert r.summary
        assert all(r.text[m.span[0]:m.span[1]] == m.quote for m in r.metrics)
    assert run_summary(stderr)["failed"] == len(failed)
    assert run_summary(stderr)["degraded"] == len(degraded)
    assert run_summary(stderr)["run"]["articles"] == len(paths)
    assert code == (1 if failed else 3 if degraded else 0)

    # retries are bounded, per chunk and in total
    bound = (max_retries + 1) * (REASKS + 1) * VARIANTS
    assert len(history) == chunks
    assert max(len(h) for h in history.values()) <= bound
    assert stub.requests == len(log) <= chunks * bound
    assert elapsed < 60


# ---------------------------------------------------------------- one fault kind at a time


@pytest.mark.parametrize(("fault", "requests", "reason", "status"), [
    ("429", 2, "HTTP 429", "failed"),
    ("500", 2, "HTTP 500", "failed"),
    ("503", 2, "HTTP 503", "failed"),
    ("hang", 2, "timed out", "failed"),
    ("reset", 2, "connect", "failed"),
    ("truncated", 4, "failed validation", "degraded"),
    ("invalid", 4, "failed validation", "degraded"),
    ("length", 2, "max_tokens", "degraded"),
    ("400", 1, "400", "failed"),
])
def test_persistent_fault_is_bounded_and_reported(tmp_path: Path, fault: str, requests: int,
                                                  reason: str, status: str) -> None:
    """Always the same fault: transport faults get max_retries+1 = 2 requests and fail the
    article, a 400 is not retried; bad output gets reasks+1 = 2 (output cut at max_tokens: 1),
    then as many asked again with a repetition penalty, and degrades the article."""
    paths = make_articles(tmp_path / "in", 1)
    assert chunk_count(paths) == 1
    out = tmp_path / "out"
    with StubLLM(lambda _n, _b: fault, hang=2.0) as stub:
        code, stderr, elapsed = run(stub, [str(paths[0])], out, "--no-cache", "--timeout", "1",
                                    "--max-retries", "1")
    assert stub.requests == requests
    penalised = [b.get("frequency_penalty") for b in stub.bodies]
    assert penalised == ([None] * requests if status == "failed" else
                         [None] * (requests // 2) + [0.5] * (requests // 2))
    summary = run_summary(stderr)
    assert (summary["failed"], summary["degraded"]) == ((1, 0) if status == "failed" else (0, 1))
    assert code == (1 if status == "failed" else 3)
    result = outputs(out)[paths[0].stem]
    assert result.status == status and result.summary
    (error,) = result.errors
    assert reason in error.reason and error.chunk == 0 and "\n" not in error.reason
    assert f"{paths[0].name}: chunk 0: {error.reason}\n" in stderr
    assert elapsed < 10


@pytest.mark.parametrize("fault", FAULTS)
def test_single_fault_then_ok_recovers(tmp_path: Path, fault: str) -> None:
    paths = make_articles(tmp_path / "in", 1)
    out = tmp_path / "out"
    with StubLLM(script(fault), hang=2.0) as stub:
        code, stderr, _ = run(stub, [str(paths[0])], out, "--no-cache", "--timeout", "1",
                              "--max-retries", "1")
    assert code == 0, stderr
    assert stub.requests == 2 and stub.outcomes == Counter({fault: 1, "ok": 1})
    r = outputs(out)[paths[0].stem]
    assert not r.errors and r.usage.llm_calls == 1


def test_retry_after_is_honoured(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 1)
    stamps: list[float] = []

    def plan(n: int, _body: dict[str, Any]) -> str:
        stamps.append(time.monotonic())
        return "429" if n == 1 else "ok"

    with StubLLM(plan, retry_after=1.0) as stub:
        code, stderr, elapsed = run(stub, [str(paths[0])], tmp_path / "out", "--no-cache",
                                    "--max-retries", "2")
    assert code == 0, stderr
    assert stub.requests == 2
    assert stamps[1] - stamps[0] >= 0.95  # waited as told, not the default 0.5 s backoff
    assert elapsed >= 1.0


# ---------------------------------------------------------------- fatal endpoint errors


@pytest.mark.parametrize(("status", "words"), [
    ("401", "rejected the API key (401)"),
    ("404", "not found (404)"),
])
def test_auth_and_not_found_stop_the_run_with_one_line(tmp_path: Path, status: str,
                                                       words: str) -> None:
    paths = make_articles(tmp_path / "in", 10)
    out = tmp_path / "out"
    with StubLLM(lambda _n, _b: status) as stub:
        code, stderr, _ = run(stub, [str(tmp_path / "in")], out, "--no-cache", "--concurrency", "1")
    assert stub.requests == 1  # not retried, and no other article is tried
    assert code == 2
    lines = stderr.splitlines()  # one line: no per-article warnings, no run summary
    assert len(lines) == 1 and lines[0].startswith("error ") and words in lines[0]
    assert not out.exists() or not list(out.glob("*.json"))  # no article claims to be done
    assert len(paths) == 10


def test_401_with_concurrency_sends_at_most_one_wave(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 24)
    with StubLLM(lambda _n, _b: "401", latency=0.05) as stub:
        code, stderr, _ = run(stub, [str(tmp_path / "in")], tmp_path / "out", "--no-cache",
                              "--concurrency", "4", "--max-retries", "4")
    assert code == 2
    assert stub.requests <= 4  # the requests already in flight, nothing after the first 401
    assert len(stderr.splitlines()) == 1 and "401" in stderr


# ---------------------------------------------------------------- resume from the cache


def test_second_run_resumes_from_cache(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 8)
    # Doom a03's chunk(s) and the second paragraph of a06 (a two-paragraph article: the chunk
    # with its first paragraph succeeds, so that article is half done after the first run).
    a03 = paths[3].read_text(encoding="utf-8").split("\n")[1]
    a06_second = paths[6].read_text(encoding="utf-8").split("\n")[2]
    markers = (a03[:20], a06_second[:20])
    log: list[tuple[str, str]] = []

    def plan(_n: int, body: dict[str, Any]) -> str:
        msg = user_message(body)
        outcome = "500" if any(m in msg for m in markers) else "ok"
        log.append((msg, outcome))
        return outcome

    cache, out = tmp_path / "cache", tmp_path / "out"
    with StubLLM(plan) as stub:  # one stub for both runs: its URL is part of the cache key
        code, stderr, _ = run(stub, [str(tmp_path / "in")], out, "--cache-dir", str(cache),
                              "--max-retries", "1")
        seen = len(stub.bodies)
        first = outputs(out)
        stub.plan = lambda _n, _b: "ok"  # the endpoint works now
        code2, stderr2, _ = run(stub, [str(tmp_path / "in")], out, "--cache-dir", str(cache))
    first_ok = {msg for msg, outcome in log if outcome == "ok"}
    first_failed = {msg for msg, outcome in log if outcome != "ok"}
    assert code == 1 and first_ok and len(first_failed) >= 2
    assert {s for s, r in first.items() if r.errors} == {"a03", "a06"}
    assert first["a06"].usage.llm_calls == 2  # one chunk failed, its other chunk did succeed
    assert first["a06"].usage.completion_tokens == 10  # tokens only from the answered call
    assert run_summary(stderr)["failed"] == 2

    assert code2 == 0, stderr2
    again = Counter(user_message(b) for b in stub.bodies[seen:])
    assert set(again) == first_failed  # only what failed is asked again…
    assert all(n == 1 for n in again.values())  # …once each
    assert not set(again) & first_ok  # zero repeat requests for chunks that succeeded
    results = outputs(out)
    assert not any(r.errors for r in results.values()) and len(results) == len(paths)
    assert sum(r.usage.cache_hits for r in results.values()) == len(first_ok)
    assert run_summary(stderr2)["run"]["cache_hits"] == len(first_ok)


# ---------------------------------------------------------------- SIGKILL mid-run


def _cli_process(stub: _StubLLM, inputs: list[str], out: Path, cache: Path,
                 *extra: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    code = "from summarizer.cli.app import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, *cli_args(stub, inputs, out, "--cache-dir", str(cache),
                                                "--concurrency", "2", *extra)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )


def test_sigkill_mid_run_leaves_nothing_corrupt_and_the_next_run_completes(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 16)
    out, cache = tmp_path / "out", tmp_path / "cache"
    with StubLLM(latency=0.15) as stub:  # one stub for both runs: its URL is in the cache key
        proc = _cli_process(stub, [str(tmp_path / "in")], out, cache)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 4:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        seen = len(stub.bodies)

        written = [p for p in out.iterdir() if not p.name.startswith(".")]  # '.x.json.*.tmp'
        assert 4 <= len(written) < len(paths), "killed too late to test anything"
        for path in written:  # no truncated output: every visible file is a whole JSON
            assert path.suffix == ".json"
            ArticleResult.model_validate_json(path.read_text(encoding="utf-8"))
        with diskcache.Cache(str(cache)) as dc:  # the cache opens and every entry is whole
            entries = [dc[k] for k in dc.iterkeys()]
        assert len(entries) >= len(written)
        for value in entries:
            ChunkLabels.model_validate_json(value)

        stub.latency = 0.0
        code, stderr, _ = run(stub, [str(tmp_path / "in")], out, "--cache-dir", str(cache))
    assert code == 0, stderr
    results = outputs(out)
    assert sorted(results) == [p.stem for p in paths]
    assert not any(r.errors for r in results.values())
    cached = sum(r.usage.cache_hits for r in results.values())
    assert cached == len(entries)
    # every chunk answered before the kill is served from the cache, the rest asked once
    asked_again = [user_message(b) for b in stub.bodies[seen:]]
    assert len(asked_again) == len(set(asked_again)) == chunk_count(paths) - cached


def assert_complete_or_absent(out: Path) -> int:
    """After an interruption: no temporary or partial file, every output whole and complete
    (an article cut short by the signal has none, not a "failed" one). Returns their number."""
    files = list(out.iterdir()) if out.exists() else []
    assert all(p.suffix == ".json" and not p.name.startswith(".") for p in files), files
    for path in files:
        assert ArticleResult.model_validate_json(path.read_text(encoding="utf-8")).status == "ok"
    return len(files)


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_mid_run_exits_within_a_second(tmp_path: Path, sig: signal.Signals, status: int) -> None:
    """Requests in flight (here: answers that take 30 s, under a 60 s timeout) do not hold the
    exit: the time from the signal to the exit is measured."""
    make_articles(tmp_path / "in", 6)
    out = tmp_path / "out"
    with StubLLM(lambda n, _b: "ok" if n <= 2 else "hang", hang=30.0) as stub:
        proc = _cli_process(stub, [str(tmp_path / "in")], out, tmp_path / "cache",
                            "--timeout", "60")
        wait = time.monotonic() + 30
        while stub.outcomes["hang"] < 2 and time.monotonic() < wait:
            time.sleep(0.02)
        time.sleep(0.1)
        sent = time.monotonic()
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    assert proc.returncode == status
    assert took < 1.5, f"{took:.2f}s from {sig.name} to exit"
    text = stderr.decode()
    assert "interrupted" in text and "Traceback" not in text and KEY not in text
    assert assert_complete_or_absent(out) <= 2


def test_a_bug_in_one_article_fails_that_article_not_the_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.pipeline.batch as batch

    real = batch.run_article

    def flaky(article: Any, *args: Any, **kwargs: Any) -> Any:
        if article.stem == "a01":
            raise ZeroDivisionError("division by zero")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(batch, "run_article", flaky)
    make_articles(tmp_path / "in", 3)
    out = tmp_path / "out"
    with StubLLM() as stub:
        code, stderr, _ = run(stub, [str(tmp_path / "in")], out, "--no-cache")
    assert code == 1
    results = outputs(out)
    assert sorted(results) == ["a00", "a01", "a02"]
    (error,) = results["a01"].errors
    assert error.reason == "internal error: ZeroDivisionError: division by zero"
    assert results["a01"].text  # the article's text is kept for a rerun
    assert not results["a00"].errors and not results["a02"].errors
    assert "a01.txt: internal error: ZeroDivisionError" in stderr
    assert run_summary(stderr)["failed"] == 1


def test_output_cut_at_max_tokens_is_a_chunk_error_not_a_crash(tmp_path: Path) -> None:
    """A model that loops until max_tokens (seen with the 0.5B model), even asked again with a
    repetition penalty, degrades that article: the chunk is an error, the rules' items stay."""
    src = tmp_path / "a.txt"
    src.write_text("市就业局局长李为民介绍，今年1-10月，全市城镇新增就业54.9万人。\n", encoding="utf-8")
    with _LengthStub() as stub:
        result = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "out"),
                                          "--base-url", stub.base_url, "--model", "stub",
                                          "--api-key", "k", "--no-cache", "--max-retries", "0"])
    assert result.exit_code == 3
    assert stub.requests == 2  # once as usual, once with the penalty
    r = json.loads((tmp_path / "out" / "a.json").read_text("utf-8"))
    assert r["status"] == "degraded"
    assert r["errors"] and "max_tokens" in r["errors"][0]["reason"] and r["errors"][0]["stage"] == "extract"
    assert {m["value_text"] for m in r["metrics"]} == {"54.9万人"}  # the rules still ran
    assert r["summary"] == "市就业局局长李为民介绍，今年1-10月，全市城镇新增就业54.9万人。"  # the lead


class _LengthStub(StubLLM):
    def _handler(self):  # type: ignore[no-untyped-def]
        base = super()._handler()

        class Handler(base):  # type: ignore[misc,valid-type]
            def _act(self, outcome: str) -> None:
                body = json.loads(answer({"officials": [], "gist": "重复" * 50}))
                body["choices"][0]["finish_reason"] = "length"
                self._send(200, json.dumps(body, ensure_ascii=False).encode())

        return Handler
