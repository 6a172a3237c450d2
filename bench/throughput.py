#!/usr/bin/env python3
"""Throughput against an API: a stub LLM (0.2 s latency) at 1, 8, 32, 64 requests in flight, as
shipped and with --processes 1; 32 in flight on 5,000 articles; and the per-stage CPU probe
(bench/cpu_probe.py). Also run by bench.py.

    python bench/throughput.py [--levels 1,8,32,64] [--chunks 1000] [--repeat 3] [--results FILE]
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.stub_llm and an un-installed summarizer

import common  # noqa: E402
from common import (  # noqa: E402
    STUB_LATENCY,
    cli_env,
    cli_startup,
    git_head,
    r,
    run_cli,
    save,
    warn_if_busy,
    write_one_chunk_articles,
)

from tests.stub_llm import StubLLM  # noqa: E402

# --------------------------------------------------------------------------- stub parts

def cpu_probe(stub_cls: type[StubLLM], article: Path, n: int = 200) -> dict[str, Any]:
    """bench/cpu_probe.py in its own process against a 0-latency stub: per-stage cost."""
    with stub_cls() as stub:
        res = subprocess.run([sys.executable, str(REPO / "bench" / "cpu_probe.py"), stub.base_url,
                              str(article), str(n)], capture_output=True, text=True, cwd=REPO,
                             check=False)
    if res.returncode != 0:
        return {"error": res.stderr[-2000:]}
    return json.loads(res.stdout)


def _self_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


class Arrivals:
    """A stub plan that answers ok and records each request's arrival time."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.lock = threading.Lock()

    def __call__(self, _n: int, _body: dict[str, Any]) -> str:
        with self.lock:
            self.times.append(time.monotonic())
        return "ok"


def bench_concurrency(work: Path, results: Path, levels: list[int], chunks: int,
                      chunks_at_1: int, long_chunks: int = 0, repeat: int = 3) -> dict[str, Any]:
    """The CLI as shipped (`--processes` auto) at each level; where auto uses more than one
    process, the same level again with `--processes 1`; optionally 32 in flight on a longer
    batch (fixed start/exit costs amortised); and the per-stage CPU probe."""
    la = warn_if_busy("concurrency")
    data: dict[str, Any] = {
        "when": dt.datetime.now().isoformat(timespec="seconds"), "git": git_head(),
        "loadavg_before": la, "stub_latency_s": STUB_LATENCY,
        "command": "summarizer extract DIR --out OUT --base-url <stub> --model stub "
                   "--api-key x --no-cache --concurrency N [--processes 1]",
        "cli_startup": cli_startup()}
    data["shipped"] = _concurrency_levels(work, levels, chunks, chunks_at_1, repeat=repeat)
    sharded = [row["in_flight"] for row in data["shipped"] if (row["processes"] or 1) > 1]
    if sharded:
        data["one_process"] = _concurrency_levels(work, sharded, chunks, chunks_at_1,
                                                  ["--processes", "1"], repeat)
    if long_chunks:
        data["long"] = _concurrency_levels(work, [32], long_chunks, chunks_at_1)
    if common.CLI == common.DEFAULT_CLI:  # the probe imports this repo's package, not a --cli copy
        data["cpu_probe"] = cpu_probe(StubLLM, work / f"conc-in-{chunks}" / "a00000.txt")
    save("concurrency", data, results)
    return data


def _concurrency_levels(work: Path, levels: list[int], chunks: int, chunks_at_1: int,
                        extra: list[str] | None = None, repeat: int = 1) -> list[dict[str, Any]]:
    """Per level, the median (by wall share) of `repeat` CLI runs (levels of 32 and more: the
    short runs vary most on a shared machine; 1 and 8 run once), each against a fresh stub.
    `wall` is the CLI's whole life (start-up, imports, exit included), `window` the stub's first
    request to its last answer. `runs` keeps every run's (wall share, window share)."""
    rows = []
    for n in levels:
        runs = [_concurrency_run(work, n, chunks, chunks_at_1, extra)
                for _ in range(repeat if n >= 32 else 1)]
        runs.sort(key=lambda row: row["share_of_ideal_wall"])
        row = dict(runs[len(runs) // 2])
        row["runs"] = [(x["share_of_ideal_wall"], x["share_of_ideal_window"]) for x in runs]
        rows.append(row)
    return rows


def _concurrency_run(work: Path, n: int, chunks: int, chunks_at_1: int,
                     extra: list[str] | None) -> dict[str, Any]:
    count = chunks_at_1 if n == 1 else chunks
    folder = work / f"conc-in-{count}"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != count:
        write_one_chunk_articles(folder, count)
    plan = Arrivals()
    out = work / "conc-out"
    shutil.rmtree(out, ignore_errors=True)
    with StubLLM(plan=plan, latency=STUB_LATENCY) as stub:
        c0 = _self_cpu()
        run = run_cli(["extract", str(folder), "--out", str(out), "--base-url", stub.base_url,
                       "--model", "stub", "--api-key", "x", "--no-cache",
                       "--concurrency", str(n), *(extra or [])], env=cli_env(remote=True))
        reqs = stub.requests
        outcomes = dict(stub.outcomes)
        stub_cpu = _self_cpu() - c0  # this process: the stub's threads (+ pipe readers)
    wall = run["wall_s"]
    times = sorted(plan.times)
    t0 = run["started_mono"]
    window = (times[-1] + STUB_LATENCY - times[0]) if times else float("nan")
    first = times[0] - t0 if times else float("nan")
    after = wall - (times[-1] - t0) - STUB_LATENCY if times else float("nan")
    ideal = n / STUB_LATENCY
    ideal_s = reqs / ideal
    row = {
        "in_flight": n, "processes": ((run["run"] or {}).get("run") or {}).get("processes"),
        "chunks": count,
        "requests": reqs, "outcomes": outcomes, "exit": run["exit"], "wall_s": r(wall, 3),
        "first_request_at_s": r(first, 3), "after_last_response_s": r(after, 3),
        "stub_window_s": r(window, 3),
        "rps_wall": r(reqs / wall, 1), "rps_window": r(reqs / window, 1),
        "ideal_rps": ideal, "ideal_s": r(ideal_s, 3),
        "share_of_ideal_wall": r(reqs / wall / ideal, 3),
        "share_of_ideal_window": r(reqs / window / ideal, 3),
        # the most the wall share could be with these fixed costs and a perfect window
        "wall_share_bound": r(ideal_s / (ideal_s + first + after), 3),
        "mean_in_flight": r(reqs * STUB_LATENCY / window, 1),
        "cli_cpu_s": r(run["cpu_s"], 2), "cli_user_s": r(run["user_s"], 2),
        "cli_sys_s": r(run["sys_s"], 2),
        "cli_cpu_ms_per_request": r(1000 * run["cpu_s"] / max(1, reqs), 2),
        "cli_peak_rss_mib": r(run["tree_hwm_mib"], 1),
        "stub_cpu_s": r(stub_cpu, 2),
        "host_cores_busy": r((run["cpu_s"] + stub_cpu) / wall, 2),
    }
    print(f"[bench] concurrency {n} ({row['processes']} process(es)), {reqs} req: wall "
          f"{row['wall_s']} s, {row['share_of_ideal_wall']:.0%} of ideal (wall), "
          f"{row['share_of_ideal_window']:.0%} (stub window); first request at "
          f"{row['first_request_at_s']} s, exit {row['after_last_response_s']} s after the "
          f"last answer", file=sys.stderr)
    return row




if __name__ == "__main__":
    from bench import main

    main(('concurrency',))
