"""Batches split over worker processes (`--processes`, summarizer/pipeline/batch.py): the same outputs as
one process, faults, a fatal endpoint error, a worker that dies, Ctrl-C. The CLI runs as a real
subprocess (it forks), against the fault-injecting stub."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer.models import ArticleResult
from summarizer.pipeline.batch import IN_FLIGHT_PER_PROCESS, auto_processes, cpu_count

from .stub_llm import FAULTS, random_plan
from .test_faults import (
    BUDGET,
    KEY,
    StubLLM,
    assert_complete_or_absent,
    chunk_count,
    make_articles,
    outputs,
    run_summary,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


def start_cli(stub: StubLLM, src: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    args = ["extract", str(src), "--out", str(out), "--base-url", stub.base_url, "--api-key", KEY,
            "--model", "stub", "--chunk-chars", str(BUDGET), "--no-cache", *extra]
    return subprocess.Popen([sys.executable, "-c", "from summarizer.cli.app import main; main()", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def run_cli(stub: StubLLM, src: Path, out: Path, *extra: str) -> tuple[int, str]:
    proc = start_cli(stub, src, out, *extra)
    stdout, stderr = proc.communicate(timeout=120)
    assert stdout == "" and "Traceback" not in stderr and KEY not in stderr
    return proc.returncode, stderr


def start_and_wait(stub: StubLLM, src: Path, out: Path, concurrency: int
                   ) -> tuple[subprocess.Popen[str], list[int]]:
    """The CLI on 2 processes, once the stub has seen 2 requests; with its workers' pids."""
    proc = start_cli(stub, src, out, "--processes", "2", "--concurrency", str(concurrency))
    deadline = time.monotonic() + 30
    while stub.requests < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    return proc, children(proc.pid)


def comparable(result: ArticleResult) -> dict[str, Any]:
    doc = result.model_dump()
    doc["usage"].pop("seconds")
    return doc


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(x) for x in text]
    return found


def test_auto_processes_follow_in_flight_cores_and_batch_size() -> None:
    cores = cpu_count()
    assert auto_processes(8, 1000) == 1
    assert auto_processes(IN_FLIGHT_PER_PROCESS * 2, 1000) == min(cores, 2)
    assert auto_processes(10 * IN_FLIGHT_PER_PROCESS, 1000) == min(cores, 10)
    assert auto_processes(64, 10) == 1  # too few articles to be worth a fork


def test_two_processes_write_what_one_process_writes(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 18)
    with StubLLM() as stub:
        code1, err1 = run_cli(stub, tmp_path / "in", tmp_path / "one", "--processes", "1")
        after_one = stub.requests
        code2, err2 = run_cli(stub, tmp_path / "in", tmp_path / "two", "--processes", "2",
                              "--concurrency", "4")
        after_two = stub.requests - after_one
    assert code1 == code2 == 0
    assert after_one == after_two == chunk_count(paths)
    one, two = run_summary(err1)["run"], run_summary(err2)["run"]
    assert (one["processes"], two["processes"]) == (1, 2)
    for key in ("articles", "llm_calls", "prompt_tokens", "completion_tokens"):
        assert one[key] == two[key], key
    a, b = outputs(tmp_path / "one"), outputs(tmp_path / "two")
    assert sorted(a) == sorted(b) == [p.stem for p in paths]
    assert all(comparable(a[k]) == comparable(b[k]) for k in a)


def test_faults_and_bad_input_under_two_processes(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 20)
    (tmp_path / "in" / "empty.txt").write_text("  \n", encoding="utf-8")
    with StubLLM(plan=random_plan(0.3, seed=7, faults=tuple(f for f in FAULTS if f != "hang")),
                 hang=1.0) as stub:
        code, stderr = run_cli(stub, tmp_path / "in", tmp_path / "out", "--processes", "2",
                               "--concurrency", "6", "--max-retries", "6")
    summary = run_summary(stderr)
    results = outputs(tmp_path / "out")
    assert summary["run"]["articles"] == len(paths) + 1
    assert sorted(results) == sorted([p.stem for p in paths] + ["empty"])
    failed = [k for k, r in results.items() if r.status == "failed"]
    degraded = [k for k, r in results.items() if r.status == "degraded"]
    assert [k for k, r in results.items() if r.errors] == sorted(failed + degraded)
    assert summary["failed"] == len(failed) and summary["degraded"] == len(degraded)
    assert code == (1 if failed else 3 if degraded else 0)
    assert "empty" in failed and "empty.txt" in stderr
    for r in results.values():
        assert all(e.reason for e in r.errors)


def test_a_rejected_key_stops_every_process_with_one_line(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 24)
    with StubLLM(plan=lambda _n, _b: "401", latency=0.05) as stub:
        started = time.monotonic()
        code, stderr = run_cli(stub, tmp_path / "in", tmp_path / "out", "--processes", "2",
                               "--concurrency", "4")
        took = time.monotonic() - started
    assert code == 2
    assert stderr.count("the API rejected the API key (401)") == 1
    assert stub.requests <= 4  # at most one round of the in-flight budget
    assert took < 20
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.json"))


def test_a_worker_that_dies_fails_its_unfinished_articles_only(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 24)
    with StubLLM(latency=0.3) as stub:
        proc, workers = start_and_wait(stub, tmp_path / "in", tmp_path / "out", 2)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in stderr
    lost = [line for line in stderr.splitlines() if "its worker process stopped" in line]
    assert lost and all("exit code -9" in line for line in lost)
    summary = run_summary(stderr)
    assert summary["run"]["articles"] == len(paths)
    assert summary["failed"] == len(lost)
    results = outputs(tmp_path / "out")
    assert len(results) == len(paths) - len(lost)  # the other worker finished its whole shard
    assert not any(r.errors for r in results.values())


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_the_workers_too_within_a_second(tmp_path: Path, sig: signal.Signals,
                                                      status: int) -> None:
    make_articles(tmp_path / "in", 24)
    with StubLLM(latency=5.0) as stub:  # every answer takes 5 s: the signal comes mid-request
        proc, workers = start_and_wait(stub, tmp_path / "in", tmp_path / "out", 4)
        time.sleep(0.2)
        sent = time.monotonic()
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    assert proc.returncode == status
    assert took < 1.5, f"{took:.2f}s from {sig.name} to exit"
    assert "interrupted" in stderr and "Traceback" not in stderr
    time.sleep(0.2)
    assert workers and not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert assert_complete_or_absent(tmp_path / "out") == 0


def test_rules_only_batches_split_too(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 12)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    summaries = {}
    for procs in ("1", "2"):
        res = subprocess.run(
            [sys.executable, "-c", "from summarizer.cli.app import main; main()", "extract",
             str(tmp_path / "in"), "--out", str(tmp_path / procs), "--deterministic",
             "--processes", procs], capture_output=True, text=True, env=env, timeout=120)
        assert res.returncode == 0, res.stderr
        summaries[procs] = run_summary(res.stderr)["run"]
    assert (summaries["1"]["processes"], summaries["2"]["processes"]) == (1, 2)
    a, b = outputs(tmp_path / "1"), outputs(tmp_path / "2")
    assert sorted(a) == sorted(b) == [p.stem for p in paths]
    assert all(comparable(a[k]) == comparable(b[k]) for k in a)


def test_processes_never_exceed_the_in_flight_budget(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 12)
    with StubLLM() as stub:
        code, stderr = run_cli(stub, tmp_path / "in", tmp_path / "out", "--processes", "4",
                               "--concurrency", "2")
    assert code == 0
    assert run_summary(stderr)["run"]["processes"] == 2
