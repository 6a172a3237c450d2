#!/usr/bin/env python3
"""Benchmark of `summarizer extract --ray` on this machine: a script, not a test.

    python bench/ray_bench.py [--articles 1000] [--levels 8 32] [--repeat 2]

1,000 one-chunk articles against the stub LLM (tests/stub_llm.py, 0.2 s per request), each level
of in-flight requests run with `--processes 2` and with `--ray auto --processes 2` (a local Ray
head with 2 CPUs), interleaved; the ratio Ray/processes of wall time and of the stub's window
(first request to last answer) is the overhead. Also: what a cluster-wide semaphore actor would
cost per request (the alternative to dividing --concurrency among the workers). Everything runs
in private network and PID namespaces (loopback only; Ray ends with them): the script re-runs
itself under `unshare` (root). Figures go to stdout and bench/results/ray-<date>.json (a list:
every run of the day).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import (
    REPO,
    STUB_LATENCY,
    Arrivals,
    cli_env,
    git_head,
    loadavg,
    machine,
    run_cli,
    write_one_chunk_articles,
)
from tests.stub_llm import StubLLM

INSIDE = "SUMMARIZER_RAY_BENCH_INSIDE"


def one_run(src: Path, out: Path, n: int, extra: list[str]) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    plan = Arrivals()
    with StubLLM(plan=plan, latency=STUB_LATENCY) as stub:
        run = run_cli(["extract", str(src), "--out", str(out), "--base-url", stub.base_url, "--model", "stub",
                       "--api-key", "x", "--no-cache", "--concurrency", str(n), *extra], env=cli_env(remote=True))
        requests = stub.requests
    times = sorted(plan.times)
    window = times[-1] + STUB_LATENCY - times[0]
    summary = (run["run"] or {}).get("run") or {}
    assert run["exit"] == 0 and summary.get("articles") == requests, run["stderr"][-5:]
    return {"wall_s": round(run["wall_s"], 2), "window_s": round(window, 2),
            "first_request_at_s": round(times[0] - run["started_mono"], 2),
            "ideal_s": round(requests * STUB_LATENCY / n, 2), "requests": requests,
            "driver_cpu_s": round(run["cpu_s"], 2), "loadavg": loadavg()}


def semaphore_actor_cost(calls: int = 2000) -> dict[str, Any]:
    """A Ray actor semaphore (the alternative to dividing --concurrency): the round trip of one
    acquire (sequential calls), and the actor's throughput when calls come all at once."""
    import ray

    ray.init(address="auto", logging_level="ERROR", log_to_driver=False)

    @ray.remote(num_cpus=0)
    class Gate:
        def acquire(self) -> bool:
            return True

    gate = Gate.remote()  # type: ignore[attr-defined]
    ray.get(gate.acquire.remote())
    started = time.monotonic()
    for _ in range(calls // 4):
        ray.get(gate.acquire.remote())
    round_trip = (time.monotonic() - started) / (calls // 4)
    started = time.monotonic()
    ray.get([gate.acquire.remote() for _ in range(calls)])
    rate = calls / (time.monotonic() - started)
    ray.shutdown()
    return {"round_trip_ms": round(1000 * round_trip, 2), "calls_per_s": round(rate)}


def inside(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="ray-bench-"))
    temp = tempfile.mkdtemp(prefix="ray-", dir="/tmp")
    try:
        subprocess.run([sys.executable, "-m", "ray.scripts.scripts", "start", "--head", "--num-cpus", "2",
                        "--temp-dir", temp, "--disable-usage-stats", "--include-dashboard=false"],
                       check=True, capture_output=True)
        src = write_one_chunk_articles(work / "in", args.articles)
        doc: dict[str, Any] = {"when": dt.datetime.now().isoformat(timespec="seconds"), "git": git_head(),
                               "machine": machine(), "articles": args.articles, "stub_latency_s": STUB_LATENCY,
                               "loadavg_before": loadavg(), "levels": {}}
        for n in args.levels:
            rows: dict[str, list[dict[str, Any]]] = {"processes": [], "ray": []}
            for _ in range(args.repeat):  # interleaved: the machine's load changes over minutes
                rows["processes"].append(one_run(src, work / "out", n, ["--processes", "2"]))
                rows["ray"].append(one_run(src, work / "out", n, ["--ray", "auto", "--processes", "2"]))
            med = {k: {f: statistics.median(x[f] for x in v) for f in ("wall_s", "window_s", "first_request_at_s")}
                   for k, v in rows.items()}
            doc["levels"][str(n)] = {"runs": rows, "median": med, "ideal_s": rows["ray"][0]["ideal_s"],
                                     "ratio_wall": round(med["ray"]["wall_s"] / med["processes"]["wall_s"], 3),
                                     "ratio_window": round(med["ray"]["window_s"] / med["processes"]["window_s"], 3)}
            print(f"[ray bench] {n} in flight: ideal {rows['ray'][0]['ideal_s']} s; --processes 2 wall "
                  f"{med['processes']['wall_s']} s (window {med['processes']['window_s']}); --ray wall "
                  f"{med['ray']['wall_s']} s (window {med['ray']['window_s']}, first request at "
                  f"{med['ray']['first_request_at_s']} s); Ray/processes wall {doc['levels'][str(n)]['ratio_wall']}, "
                  f"window {doc['levels'][str(n)]['ratio_window']}", file=sys.stderr)
        doc["semaphore_actor"] = semaphore_actor_cost()
        doc["loadavg_after"] = loadavg()
        results = REPO / "bench" / "results" / f"ray-{dt.date.today()}.json"  # every run of the day
        runs = json.loads(results.read_text(encoding="utf-8"))["runs"] if results.is_file() else []
        results.write_text(json.dumps({"runs": [*runs, doc]}, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
        print(json.dumps({k: doc[k] for k in ("loadavg_before", "loadavg_after", "semaphore_actor")}
                         | {n: {k: v for k, v in lv.items() if k != "runs"} for n, lv in doc["levels"].items()},
                         indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(temp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--levels", type=int, nargs="+", default=[8, 32])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    if os.environ.get(INSIDE):
        inside(args)
        return
    argv = " ".join(f'"{a}"' for a in [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.exit(subprocess.run(["unshare", "-n", "-p", "-f", "--mount-proc", "sh", "-c",
                             f"ip link set lo up && {INSIDE}=1 exec {argv}"]).returncode)


if __name__ == "__main__":
    main()
