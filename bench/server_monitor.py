"""Watching the embedded llama.cpp server the CLI starts (bench/cold.py): its CPU time, the
host's CPU used by other processes, and its own log (llama.cpp's timings per request)."""

from __future__ import annotations

import contextlib
import os
import re
import statistics
import threading
from pathlib import Path
from typing import Any


def r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(x, nd)


CLK = os.sysconf("SC_CLK_TCK")


def _host_busy() -> tuple[float, float, float]:
    """(busy, total, steal) CPU seconds of the host since boot, from /proc/stat."""
    with open("/proc/stat") as fh:
        f = [int(x) for x in fh.readline().split()[1:9]]
    idle = f[3] + f[4]  # idle + iowait
    return (sum(f) - idle) / CLK, sum(f) / CLK, f[7] / CLK


def _proc_cpu(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            f = fh.read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / CLK  # utime + stime
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    """Children of every thread of `pid` (the CLI spawns the server from a helper thread)."""
    kids: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return kids
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                kids += [int(x) for x in fh.read().split()]
        except OSError:
            continue
    return kids


def descendants(pid: int) -> list[int]:
    found, todo = [], _children(pid)
    while todo:
        kid = todo.pop()
        found.append(kid)
        todo += _children(kid)
    return found


class ServerMonitor(threading.Thread):
    """Finds the CLI's `llama_cpp.server` child, keeps its log (a deleted temp file) open
    through /proc/<pid>/fd/2 so it can be read after the server exits, and samples its CPU
    time and the host's busy CPU time (to show how much else was running)."""

    def __init__(self, cli_pid: int) -> None:
        super().__init__(daemon=True)
        self.cli_pid = cli_pid
        self.server_pid: int | None = None
        self.log: Any = None
        self.server_cpu = 0.0
        self.host0 = _host_busy()
        self.host1 = self.host0
        self.loads: list[float] = []
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            if self.server_pid is None:
                for child in _children(self.cli_pid):
                    try:
                        cmd = Path(f"/proc/{child}/cmdline").read_bytes()
                    except OSError:
                        continue
                    if b"llama_cpp.server" in cmd:
                        self.server_pid = child
                        with contextlib.suppress(OSError):
                            self.log = open(f"/proc/{child}/fd/2", "rb")  # noqa: SIM115
            if self.server_pid is not None:
                cpu = _proc_cpu(self.server_pid)
                if cpu is not None:
                    self.server_cpu = cpu
                    self.host1 = _host_busy()
            self.loads.append(os.getloadavg()[0])
            self.done.wait(0.5)

    def finish(self) -> dict[str, Any] | None:
        self.done.set()
        self.join()
        if self.server_pid is None:
            return None
        text = ""
        if self.log is not None:
            self.log.seek(0)
            text = self.log.read().decode("utf-8", "replace")
            self.log.close()
        busy = self.host1[0] - self.host0[0]
        span = self.host1[1] - self.host0[1]
        return {"cpu_s": r(self.server_cpu), "host_busy_cpu_s": r(busy),
                "host_cpu_s": r(span), "other_cpu_s": r(busy - self.server_cpu),
                "steal_s": r(self.host1[2] - self.host0[2]),
                "loadavg1_max": max(self.loads, default=None),
                "loadavg1_mean": r(statistics.mean(self.loads), 2) if self.loads else None,
                "requests": parse_llama_log(text), "log_chars": len(text)}


_PERF = re.compile(r"llama_perf_context_print:\s+(load|prompt eval|eval|total) time =\s+([\d.]+) ms"
                   r"(?: /\s+(\d+) (?:tokens|runs))?")
_PREFIX = re.compile(r"Llama\.generate: (\d+) prefix-match hit, remaining (\d+) prompt tokens")


def parse_llama_log(text: str) -> list[dict[str, Any]]:
    """Per request, from llama.cpp's verbose log: prompt tokens reused from the previous prompt
    (prefix match), prompt tokens evaluated and their ms, generated tokens and their ms, total."""
    out: list[dict[str, Any]] = []
    cur: dict[str, Any] = {}
    for line in text.splitlines():
        if m := _PREFIX.search(line):
            cur["prefix_hit"], cur["prefix_remaining"] = int(m.group(1)), int(m.group(2))
        elif m := _PERF.search(line):
            kind, ms, n = m.group(1), float(m.group(2)), m.group(3)
            if kind == "load":
                continue
            key = {"prompt eval": "prompt", "eval": "gen", "total": "total"}[kind]
            cur[f"{key}_ms"] = ms
            if n is not None:
                cur[f"{key}_tokens"] = int(n)
            if kind == "total":
                out.append(cur)
                cur = {}
    return out

