"""The `--ray` scenarios of tests/test_ray.py, run in one process inside a private network
namespace (loopback only): `python -m tests.ray_scenarios WORKDIR` starts a Ray head with 2 CPUs,
runs the CLI with `--ray` (and without, to compare) against the stub LLM, and writes what it
saw to WORKDIR/report.json for the tests to judge. Not a test module itself."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from summarizer.llm.embedded import DEFAULT_MODEL, MODELS

from .stub_llm import FAULTS, StubLLM, random_plan
from .test_faults import BUDGET, KEY, make_articles

PORT = "6379"  # on the namespace's own loopback: no other cluster can be there
# An explicit address (not "auto"): the client asks for the authentication the head was started with
# (`ray start` below inherits the environment's RAY_AUTH_MODE; asking for "token" from a head started
# without it fails to join: "Token authentication is enabled but no authentication token was found").
BY_ADDRESS = {"RAY_ADDRESS": f"127.0.0.1:{PORT}",
              **({"RAY_AUTH_MODE": os.environ["RAY_AUTH_MODE"]} if "RAY_AUTH_MODE" in os.environ else {})}


def start_cli(stub: StubLLM, src: Path, out: Path, *extra: str, env: dict[str, str] | None = None
              ) -> subprocess.Popen[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RAY_"))}
    args = ["extract", str(src), "--out", str(out), "--base-url", stub.base_url, "--api-key", KEY,
            "--model", "stub", "--chunk-chars", str(BUDGET), *extra]
    if "--cache-dir" not in extra:
        args.append("--no-cache")
    return subprocess.Popen([sys.executable, "-c", "from summarizer.cli.app import main; main()", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**base, **(env or {})})


def run_cli(stub: StubLLM, src: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    before = stub.requests
    started = time.monotonic()
    proc = start_cli(stub, src, out, *extra, env=env)
    stdout, stderr = proc.communicate(timeout=180)
    return {"code": proc.returncode, "stdout": stdout, "stderr": stderr, "requests": stub.requests - before,
            "seconds": round(time.monotonic() - started, 2)}


def worker_pids() -> list[int]:
    """The processes of this cluster's worker actors (named ray::Worker by Ray)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if (proc / "cmdline").read_bytes().startswith(b"ray::Worker"):
                    found.append(int(proc.name))
            except OSError:
                pass
    return found


def wait_for(stub: StubLLM, requests: int, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while stub.requests < requests and time.monotonic() < deadline:
        time.sleep(0.02)


def same(work: Path) -> dict[str, Any]:
    src = work / "same-in"
    make_articles(src, 18)
    with StubLLM() as stub:
        report = {"local": run_cli(stub, src, work / "same-local", "--processes", "1"),
                  "ray": run_cli(stub, src, work / "same-ray", "--ray", "auto", "--processes", "2",
                                 "--concurrency", "4")}
        os.utime(src / "a00.txt")  # newer than its output: run again
        report["rerun"] = run_cli(stub, src, work / "same-ray", "--processes", "2", "--concurrency", "4",
                                  env=BY_ADDRESS)
    return report


def cached(work: Path) -> dict[str, Any]:
    """Twice into two folders with one --cache-dir: the second run is answered by the cache."""
    src = work / "cache-in"
    make_articles(src, 6)
    with StubLLM() as stub:
        return {run: run_cli(stub, src, work / f"cache-{run}", "--ray", "auto", "--cache-dir",
                             str(work / "cache")) for run in ("first", "second")}


def capped(work: Path) -> dict[str, Any]:
    """--concurrency 3 over 2 workers (shares 2 + 1): the most requests the stub ever holds."""
    src = work / "cap-in"
    make_articles(src, 12)
    now = peak = 0
    lock = threading.Lock()

    def plan(_n: int, _body: dict[str, Any]) -> str:
        nonlocal now, peak
        with lock:
            now += 1
            peak = max(peak, now)
        time.sleep(0.2)  # in the plan, so counted as in flight
        with lock:
            now -= 1
        return "ok"

    with StubLLM(plan=plan) as stub:
        run = run_cli(stub, src, work / "cap-out", "--ray", "auto", "--processes", "2", "--concurrency", "3")
    return {**run, "peak": peak}


def faults(work: Path) -> dict[str, Any]:
    src = work / "faults-in"
    make_articles(src, 12)
    (src / "empty.txt").write_text("  \n", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    plan = random_plan(0.3, seed=7, faults=tuple(f for f in FAULTS if f != "hang"))
    with StubLLM(plan=plan) as stub:
        return run_cli(stub, src, work / "faults-out", "--ray", "auto", "--processes", "2",
                       "--concurrency", "4", "--max-retries", "6")


def refused(work: Path) -> dict[str, Any]:
    src = work / "401-in"
    make_articles(src, 10)
    with StubLLM(plan=lambda _n, _b: "401") as stub:
        return run_cli(stub, src, work / "401-out", "--ray", "auto", "--concurrency", "2")


def killed(work: Path) -> dict[str, Any]:
    """SIGKILL one of the two workers once the stub has seen 4 requests."""
    src = work / "kill-in"
    make_articles(src, 16)
    with StubLLM(latency=0.3) as stub:
        before = stub.requests
        proc = start_cli(stub, src, work / "kill-out", "--ray", "auto", "--processes", "2", "--concurrency", "2")
        wait_for(stub, before + 4)
        pids = worker_pids()
        if pids:
            os.kill(pids[0], signal.SIGKILL)
        stdout, stderr = proc.communicate(timeout=180)
        return {"code": proc.returncode, "stdout": stdout, "stderr": stderr, "workers_seen": len(pids),
                "requests": stub.requests - before}


def interrupted(work: Path) -> dict[str, Any]:
    """Ctrl-C (SIGINT to the driver) once the stub has seen 2 requests."""
    src = work / "int-in"
    make_articles(src, 16)
    with StubLLM(latency=0.5) as stub:
        proc = start_cli(stub, src, work / "int-out", "--ray", "auto", "--concurrency", "2")
        wait_for(stub, 2)
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
        stopped = round(time.monotonic() - sent, 2)
        time.sleep(3)  # then Ray has ended the workers of the driver that left
        return {"code": proc.returncode, "stdout": stdout, "stderr": stderr, "stop_seconds": stopped,
                "workers_left": len(worker_pids())}


def no_model(work: Path) -> dict[str, Any]:
    """The embedded model (no --base-url) where the node has none: no model packages, and
    the node's cache directory (XDG_CACHE_HOME of `ray start`) is empty."""
    if importlib.util.find_spec(MODELS[DEFAULT_MODEL].package_prefix + "1") is not None:
        return {"skipped": "the embedded model is installed"}
    src = work / "nomodel-in"
    make_articles(src, 2)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RAY_"))}
    proc = subprocess.run([sys.executable, "-c", "from summarizer.cli.app import main; main()", "extract", str(src),
                           "--out", str(work / "nomodel-out"), "--ray", "auto"],
                          capture_output=True, text=True, env=env, timeout=180)
    return {"code": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}


def main(work: Path, only: list[str]) -> None:
    """Run as the first process of its own PID namespace too: when it exits, the kernel ends every
    Ray process it started (no `ray stop`, which ends Ray processes by name)."""
    temp = tempfile.mkdtemp(prefix="ray-", dir="/tmp")  # short: Ray's socket paths must fit 107 bytes
    report: dict[str, Any] = {}
    try:
        node = {**os.environ, "XDG_CACHE_HOME": str(work / "node-cache")}  # the node's own, empty
        subprocess.run([sys.executable, "-m", "ray.scripts.scripts", "start", "--head", "--num-cpus", "2",
                        "--port", PORT, "--temp-dir", temp, "--disable-usage-stats",
                        "--include-dashboard=false"], check=True, capture_output=True, env=node)
        for name, scenario in (("same", same), ("cached", cached), ("capped", capped), ("faults", faults),
                               ("refused", refused), ("killed", killed), ("interrupted", interrupted),
                               ("no_model", no_model)):
            if only and name not in only:
                continue
            started = time.monotonic()
            try:
                report[name] = scenario(work)
            except Exception:  # the other scenarios still run; this one's test fails with it
                report[name] = {"error": traceback.format_exc()}
            report[name]["scenario_seconds"] = round(time.monotonic() - started, 2)
    finally:
        (work / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
