#!/usr/bin/env python3
"""Memory: peak RSS of the CLI at 50, 200, 500 articles against the stub (flat in the batch
size). Also run by bench.py.

    python bench/memory.py [--sizes 50,200,500] [--mem-latency 0.05] [--results FILE]
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.stub_llm and an un-installed summarizer

from common import (  # noqa: E402
    TARGETS,
    cli_env,
    cli_startup,
    git_head,
    r,
    run_cli,
    save,
    warn_if_busy,
    write_seed_copies,
)

from tests.stub_llm import StubLLM  # noqa: E402


def bench_memory(work: Path, results: Path, sizes: list[int], latency: float) -> dict[str, Any]:
    """Peak RSS (VmHWM) of the CLI by batch size at the default concurrency (one process), and
    of the CLI plus its workers at 32 in flight (2 processes) on the largest batch."""
    la = warn_if_busy("memory")

    def one(n: int, extra: list[str]) -> dict[str, Any]:
        folder = write_seed_copies(work / f"mem-in-{n}", n)
        out = work / "mem-out"
        shutil.rmtree(out, ignore_errors=True)
        with StubLLM(latency=latency) as stub:
            res = run_cli(["extract", str(folder), "--out", str(out), "--base-url", stub.base_url,
                           "--model", "stub", "--api-key", "x", "--no-cache", *extra],
                          env=cli_env(remote=True))
            reqs = stub.requests
        row = {"articles": n, "requests": reqs, "exit": res["exit"],
               "processes": ((res["run"] or {}).get("run") or {}).get("processes"),
               "outputs": len(list(out.glob("*.json"))), "wall_s": r(res["wall_s"], 2),
               "peak_rss_mib": r(res["tree_hwm_mib"], 1), "cli_rss_mib": r(res["hwm_mib"], 1),
               "wait4_maxrss_mib": r(res["maxrss_mib"], 1), "cli_cpu_s": r(res["cpu_s"], 2)}
        print(f"[bench] memory {n} articles ({row['processes']} process(es)): peak RSS "
              f"{row['peak_rss_mib']} MiB, {reqs} requests, {row['wall_s']} s", file=sys.stderr)
        return row

    rows = [one(n, []) for n in sizes]
    peaks = [x["peak_rss_mib"] for x in rows]
    spread = (max(peaks) - min(peaks)) / min(peaks)
    data = {"when": dt.datetime.now().isoformat(timespec="seconds"), "git": git_head(),
            "loadavg_before": la, "stub_latency_s": latency,
            "command": "summarizer extract DIR --out OUT --base-url <stub> --model stub "
                       "--api-key x --no-cache   (default concurrency 8)",
            "cli_startup": cli_startup(), "sizes": rows, "spread": r(spread, 4),
            "flat": spread <= TARGETS["rss_flat_tolerance"],
            "sharded": one(max(sizes), ["--concurrency", "32"])}
    save("memory", data, results)
    return data




if __name__ == "__main__":
    from bench import main

    main(('memory',))
