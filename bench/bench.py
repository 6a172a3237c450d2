#!/usr/bin/env python3
"""Benchmarks for `summarizer extract`: a script, not a test.

    python bench/bench.py cold          # five seeds on the embedded model, fresh --cache-dir
                                        # (+ --deterministic runs, tokenizer counts, a llama.cpp probe)
    python bench/bench.py warm          # the same again on the cold run's cache (run cold first)
    python bench/bench.py concurrency   # stub LLM (0.2 s latency) at 1, 8, 32, 64 in flight,
                                        # as shipped and with --processes 1; 32 on 5000 articles
    python bench/bench.py memory        # peak RSS of the CLI at 50, 200, 500 articles (stub)
    python bench/bench.py prompt        # what each request carries besides the article (stub)
    python bench/bench.py all           # all of the above, in that order
    python bench/bench.py table [--markdown] [--results FILE]   # print the table of a results file

The parts live in scripts by what they measure — `cold.py` (cold, warm, prompt), `throughput.py`
(concurrency), `memory.py`, `table.py` — with their shared helpers in `common.py`; each runs alone
too (`python bench/memory.py`). Every part runs the real CLI (`summarizer extract`, next to this
interpreter, or --cli) in a subprocess and merges its figures into `bench/results/<YYYY-MM-
DD>.json`, then prints the target table. The stub is `tests/stub_llm.py` (imported from the repo
root) serving on loopback in this process. Peak RSS and CPU come from `os.wait4` on the CLI's pid:
the CLI plus any child it waited for (so in `cold` that includes the embedded model server; in the
stub parts, the CLI alone). In `cold` the server's own log is read through /proc to time each
request inside llama.cpp, and the host's CPU use by other processes is recorded (the machine may
be shared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

import common
from cold import bench_cold, bench_prompt, bench_warm
from common import RESULTS
from memory import bench_memory
from table import print_table
from throughput import bench_concurrency

PARTS = ["cold", "warm", "concurrency", "memory", "prompt"]


# --------------------------------------------------------------------------- main

def main(only: tuple[str, ...] | None = None) -> None:
    """Run the parts named on the command line (`only`: the parts a script of bench/ offers; its
    first is the default), merge their figures into the results file and print the table."""
    choices = list(only) if only else [*PARTS, "all", "table"]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("part", choices=choices, nargs="?" if only else None, default=choices[0])
    ap.add_argument("--results", type=Path,
                    default=RESULTS / f"{dt.date.today().isoformat()}.json",
                    help="results JSON to merge into (default bench/results/<today>.json)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "summarizer-bench",
                    help="scratch dir: cache, inputs, outputs (warm reuses cold's cache here)")
    ap.add_argument("--levels", default="1,8,32,64", help="concurrency levels")
    ap.add_argument("--chunks", type=int, default=1000, help="one-chunk articles per level")
    ap.add_argument("--chunks-at-1", type=int, default=100, help="articles at concurrency 1")
    ap.add_argument("--sizes", default="50,200,500", help="memory batch sizes")
    ap.add_argument("--mem-latency", type=float, default=0.05, help="stub latency for memory")
    ap.add_argument("--repeat", type=int, default=3,
                    help="concurrency: runs per level of 32+ in flight (the median is reported)")
    ap.add_argument("--long-chunks", type=int, default=5000,
                    help="concurrency: also 32 in flight on this many articles (0 = skip)")
    ap.add_argument("--cli", type=Path, default=common.CLI,
                    help="the summarizer executable to measure (e.g. a wrapper around a "
                         "patched copy of the package); default: the one next to this python")
    ap.add_argument("--markdown", action="store_true", help="table: print Markdown")
    a = ap.parse_args()
    common.set_cli(a.cli)
    if a.part != "table" and not common.CLI.is_file():
        sys.exit(f"CLI not found at {common.CLI}: run with the venv's python")
    a.work.mkdir(parents=True, exist_ok=True)
    for part in PARTS if a.part == "all" else [a.part]:
        run_part(part, a)
    if not a.results.is_file():
        sys.exit(f"no results at {a.results}")
    doc = json.loads(a.results.read_text())
    print_table(doc, a.markdown)
    if a.part != "table":
        print(f"[bench] results: {a.results}", file=sys.stderr)


def run_part(part: str, a: argparse.Namespace) -> None:
    if part == "cold":
        bench_cold(a.work, a.results)
    elif part == "warm":
        bench_warm(a.work, a.results)
    elif part == "concurrency":
        bench_concurrency(a.work, a.results, [int(x) for x in a.levels.split(",")],
                          a.chunks, a.chunks_at_1, a.long_chunks, a.repeat)
    elif part == "prompt":
        bench_prompt(a.work, a.results)
    elif part == "memory":
        bench_memory(a.work, a.results, [int(x) for x in a.sizes.split(",")], a.mem_latency)


if __name__ == "__main__":
    main()
