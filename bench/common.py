"""Shared helpers of the benchmark scripts in bench/: run the real CLI in a subprocess and
measure it (wall time, stderr lines as they arrive, rusage, peak RSS of its process tree), the
machine, and the results file every part merges its figures into (`bench/results/<date>.json`).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.stub_llm and an un-installed summarizer

from server_monitor import ServerMonitor, descendants, r  # noqa: E402  (bench/; r is shared from here)

SEEDS = REPO / "seeds"
RESULTS = REPO / "bench" / "results"
CLI = DEFAULT_CLI = Path(sys.executable).with_name("summarizer")
STUB_LATENCY = 0.2
TARGETS = {
    "cold_wall_s": 300.0,
    "completion_tokens_per_item": 20.0,
    "prompt_to_article_tokens": 1.3,
    "overhead_share": 0.02,
    "warm_wall_s": 1.0,
    "share_of_ideal_at_32": 0.80,
    "rss_flat_tolerance": 0.10,  # max-min of peak RSS within 10% of the smallest batch's
}



# --------------------------------------------------------------------------- helpers

def set_cli(path: Path) -> None:
    global CLI
    CLI = path


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict[str, Any]:
    model = ""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        model = next((ln.split(":", 1)[1].strip() for ln in out.splitlines()
                      if ln.startswith("Model name")), "")
    except OSError:
        pass
    mem_kib = 0
    with open("/proc/meminfo") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    return {"cpu_model": model, "cores": os.cpu_count(), "mem_gib": round(mem_kib / 2**20, 1),
            "kernel": platform.release(), "python": platform.python_version()}


def git_head() -> str:
    r = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                       text=True, check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "summarizer", "prompts"], cwd=REPO,
                           capture_output=True, text=True, check=False).stdout.strip()
    return r.stdout.strip() + ("+dirty" if dirty else "")


def cli_env(remote: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env["COLUMNS"] = "400"  # rich must not wrap the stderr lines we parse
    if not remote:  # the embedded model must be chosen: no endpoint from the environment
        for k in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL"):
            env.pop(k, None)
    return env


def run_cli(args: list[str], env: dict[str, str] | None = None,
            tap_server: bool = False) -> dict[str, Any]:
    """Run `summarizer <args>`; wall time, exit code, stderr lines with their arrival times,
    and the rusage from wait4 (the CLI plus any children it waited for, e.g. the embedded
    server: peak RSS is the max over them, CPU the sum). With `tap_server`, also the embedded
    server's own log (llama.cpp timings per request), CPU time and the host's CPU use."""
    cmd = [str(CLI), *args]
    t0 = time.monotonic()
    wall0 = time.time()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env or cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    lines: list[tuple[float, str]] = []
    out_chunks: list[bytes] = []

    def read_err() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            lines.append((time.monotonic() - t0, raw.decode("utf-8", "replace").rstrip("\n")))

    def read_out() -> None:
        assert proc.stdout is not None
        out_chunks.append(proc.stdout.read())

    hwm: dict[int, float] = {}  # pid -> VmHWM (MiB) last read, the CLI and its descendants
    stop = threading.Event()

    def poll_hwm() -> None:
        # wait4's ru_maxrss is not enough: Linux carries the pre-exec high-water mark of the
        # forked bench process (GiBs after `cold` loaded a tokenizer) into the child's maxrss.
        # VmHWM belongs to the process's own memory map.
        while not stop.is_set():
            for pid in [proc.pid, *descendants(proc.pid)]:
                with contextlib.suppress(OSError, ValueError):
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            hwm[pid] = int(line.split()[1]) / 1024
            stop.wait(0.02)

    readers = [threading.Thread(target=read_err), threading.Thread(target=read_out),
               threading.Thread(target=poll_hwm, daemon=True)]
    monitor = ServerMonitor(proc.pid) if tap_server else None
    for reader in readers:
        reader.start()
    if monitor:
        monitor.start()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    for reader in readers:
        reader.join()
    server = monitor.finish() if monitor else None
    run_line = next((json.loads(ln) for _, ln in reversed(lines) if ln.startswith('{"run"')), None)
    loaded = next(((t, float(m.group(1))) for t, ln in lines
                   if (m := re.search(r"model loaded in ([\d.]+)s", ln))), None)
    return {
        "cmd": " ".join(["summarizer", *args]), "exit": proc.returncode, "wall_s": wall,
        "started_at": wall0, "started_mono": t0, "stderr": lines, "run": run_line,
        "load_s": loaded[1] if loaded else None, "loaded_at_s": loaded[0] if loaded else None,
        "maxrss_mib": ru.ru_maxrss / 1024, "cpu_s": ru.ru_utime + ru.ru_stime,
        "hwm_mib": hwm.get(proc.pid), "tree_hwm_mib": sum(hwm.values()) if hwm else None,
        "user_s": ru.ru_utime, "sys_s": ru.ru_stime,
        "server": server,
    }



def read_outputs(out: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]


def items(doc: dict[str, Any]) -> int:
    return len(doc["officials"]) + len(doc["metrics"]) + len(doc["commitments"])


def tokenizer() -> Any:
    import llama_cpp

    from summarizer.llm.embedded import DEFAULT_MODEL, ensure_model

    return llama_cpp.Llama(model_path=str(ensure_model(DEFAULT_MODEL)), vocab_only=True,
                           verbose=False)


def ntok(tok: Any, text: str) -> int:
    return len(tok.tokenize(text.encode("utf-8"), add_bos=False, special=False))


def save(part: str, data: dict[str, Any], results: Path) -> None:
    data["cli"] = str(CLI)
    results.parent.mkdir(parents=True, exist_ok=True)
    doc = json.loads(results.read_text()) if results.is_file() else {}
    doc.setdefault("machine", machine())
    doc[part] = data
    if part == "cold":  # every cold run is kept: on a shared machine they differ by contention
        srv = data.get("server") or {}
        doc.setdefault("cold_history", []).append({
            "when": data["when"], "git": data["git"], "wall_s": data["wall_s"],
            "model_load_s": data["model_load_s"], "llm_calls": data["llm_calls"],
            "prompt_tokens": data["prompt_tokens"], "completion_tokens": data["completion_tokens"],
            "llama_total_s": data.get("llm_s_llama_log"),
            "prompt_tok_per_s": (data.get("llama_log") or {}).get("prompt_tok_per_s"),
            "gen_tok_per_s": (data.get("llama_log") or {}).get("gen_tok_per_s"),
            "other_cpu_s": srv.get("other_cpu_s"),
            "other_cpu_share": r(srv["other_cpu_s"] / srv["host_cpu_s"], 3)
            if srv.get("host_cpu_s") else None,
            "loadavg_before": data["loadavg_before"]})
    tmp = results.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    os.replace(tmp, results)


def warn_if_busy(label: str) -> list[float]:
    la = loadavg()
    if la[0] > 0.5 * (os.cpu_count() or 1):
        print(f"[bench] warning: load average {la} before {label}: other work is running, "
              "timings will be inflated", file=sys.stderr)
    return la


def cli_startup(n: int = 3) -> dict[str, float | None]:
    """Interpreter start + imports of the CLI (`summarizer --help`), median of n."""
    walls, rss = [], []
    for _ in range(n):
        res = run_cli(["--help"])
        walls.append(res["wall_s"])
        rss.append(res["maxrss_mib"])
    return {"wall_s": r(statistics.median(walls), 3), "maxrss_mib": r(statistics.median(rss), 1)}


ONE_CHUNK = ("第{n}号民生工作通报\n\n"
             "市民政局副局长张伟在新闻发布会上介绍，今年以来全市新增城镇就业{n}人，"
             "城镇调查失业率控制在5.5%以内。下一步，我市将继续实施就业优先政策，"
             "到2025年底前新建养老服务中心{m}个，持续提升基本公共服务水平。\n")


def write_one_chunk_articles(folder: Path, n: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(ONE_CHUNK.format(n=1000 + i, m=10 + i % 50),
                                               encoding="utf-8")
    from summarizer.text.chunk import make_chunks
    from summarizer.text.ingest import load_article

    art = load_article(str(folder / "a00000.txt"))
    assert len(make_chunks(art.text)) == 1, "bench article must be exactly one chunk"
    return folder


def write_seed_copies(folder: Path, n: int) -> Path:
    """n realistic articles: the five seeds repeated under distinct names."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        shutil.copyfile(seeds[i % len(seeds)], folder / f"s{i:05d}_{seeds[i % len(seeds)].name}")
    return folder
