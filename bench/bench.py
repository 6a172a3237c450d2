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

Every part runs the real CLI (`summarizer extract`, next to this interpreter, or --cli) in a
subprocess and merges its figures into `bench/results/<YYYY-MM-DD>.json`, then prints the target
table. The stub is `tests/stub_llm.py` (imported from the repo root) serving on loopback in this
process. Peak RSS and CPU come from `os.wait4` on the CLI's pid: the CLI plus any child it waited
for (so in `cold` that includes the embedded model server; in the stub parts, the CLI alone).
In `cold` the server's own log is read through /proc to time each request inside llama.cpp,
and the host's CPU use by other processes is recorded (the machine may be shared).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.stub_llm and an un-installed summarizer

from tests.stub_llm import StubLLM  # noqa: E402

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
            for pid in [proc.pid, *_descendants(proc.pid)]:
                with contextlib.suppress(OSError, ValueError):
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            hwm[pid] = int(line.split()[1]) / 1024
            stop.wait(0.02)

    readers = [threading.Thread(target=read_err), threading.Thread(target=read_out),
               threading.Thread(target=poll_hwm, daemon=True)]
    monitor = ServerMonitor(proc.pid) if tap_server else None
    for r in readers:
        r.start()
    if monitor:
        monitor.start()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    for r in readers:
        r.join()
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


def _descendants(pid: int) -> list[int]:
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


def r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(x, nd)


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


# --------------------------------------------------------------------------- cold / warm

def prompt_anatomy(tok: Any, seeds: Path, work: Path) -> dict[str, Any]:
    """The exact requests the CLI sends for the seeds (captured by the stub), tokenized:
    how many prompt tokens are the per-call system message vs the article chunk."""
    out = work / "out-anatomy"
    shutil.rmtree(out, ignore_errors=True)
    with StubLLM() as stub:
        run_cli(["extract", str(seeds), "--out", str(out), "--base-url", stub.base_url,
                 "--model", "stub", "--api-key", "x", "--no-cache", "--concurrency", "1"],
                env=cli_env(remote=True))
        bodies = list(stub.bodies)
    system = {b["messages"][0]["content"] for b in bodies}
    sys_tokens = [ntok(tok, s) for s in system]
    user_tokens = [ntok(tok, b["messages"][1]["content"]) for b in bodies]
    base_prompt = next(iter(system)).split("\n\n\n", 1)[0] if system else ""
    users = [b["messages"][1]["content"] for b in bodies]
    label_lines = [ln for u in users for ln in u.split("\n")[:3]
                   if ln.startswith(("标题：", "当前发言人：", "正文："))]
    # a long article (the five seeds end to end): prompt tokens / article tokens when every
    # chunk is full, computed from the captured requests (same formula matched the server's
    # usage exactly on the seeds: system + user + 13 template tokens per call)
    def one_article(name: str, text: str) -> dict[str, Any]:
        folder = work / f"{name}-article"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        with StubLLM() as stub:
            run_cli(["extract", str(folder), "--out", str(folder / "out"), "--base-url",
                     stub.base_url, "--model", "stub", "--api-key", "x", "--no-cache"],
                    env=cli_env(remote=True))
            got = list(stub.bodies)
        kept = json.loads((folder / "out" / f"{name}.json").read_text(encoding="utf-8"))["text"]
        prompt = sum(ntok(tok, m["content"]) for b in got for m in b["messages"]) + 13 * len(got)
        return {"chars": len(kept), "article_tokens": ntok(tok, kept), "calls": len(got),
                "prompt_tokens": prompt, "prompt_to_article": r(prompt / max(1, ntok(tok, kept)), 3)}

    seed_texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    long_case = one_article("long", "\n\n".join(seed_texts))
    short_case = one_article("short", ONE_CHUNK.format(n=1000, m=10))
    return {
        "requests": len(bodies),
        "system_message_tokens": max(sys_tokens) if sys_tokens else 0,
        "system_prompt_file_tokens": ntok(tok, base_prompt),
        "instructor_schema_wrapper_tokens": (max(sys_tokens) - ntok(tok, base_prompt))
        if sys_tokens else 0,
        "user_message_tokens_total": sum(user_tokens),
        "user_label_lines_tokens_total": sum(ntok(tok, ln + "\n") for ln in label_lines),
        "long_article": long_case, "short_article": short_case,
        "chat_template_tokens_per_call": 13,  # <|im_start|>role\n…<|im_end|>\n ×2 + assistant\n
        "system_message_text": next(iter(system)) if system else "",
        "bodies": bodies,
    }


def llama_probe(body: dict[str, Any], tok: Any) -> dict[str, Any]:
    """Replay one captured request in-process on the same GGUF with the server's settings,
    streamed: time to first token = prompt processing, the rest = generation. Once as sent
    (with its response_format, a JSON grammar) and once without, to time the grammar."""
    import llama_cpp

    from summarizer.llm.embedded import DEFAULT_MODEL, ensure_model

    threads = max(1, os.cpu_count() or 1)
    llm = llama_cpp.Llama(model_path=str(ensure_model(DEFAULT_MODEL)), n_ctx=8192,
                          n_threads=threads, n_threads_batch=threads, verbose=False)
    params = {k: v for k, v in body.items() if k in ("temperature", "max_tokens")}
    out: dict[str, Any] = {"max_tokens": params.get("max_tokens")}
    for label, fmt in (("as_sent", body.get("response_format")), ("no_grammar", None)):
        llm.reset()
        t0 = time.monotonic()
        first = None
        parts: list[str] = []
        for ev in llm.create_chat_completion(messages=body["messages"], stream=True,
                                             response_format=fmt, **params):
            delta: Any = ev["choices"][0]["delta"]  # type: ignore[index]
            delta = delta.get("content") if isinstance(delta, dict) else None
            if delta:
                first = first or time.monotonic()
                parts.append(delta)
        end = time.monotonic()
        raw = "".join(parts)
        gen = ntok(tok, raw)
        try:
            compact = json.dumps(json.loads(raw), ensure_ascii=False, separators=(",", ":"))
        except ValueError:
            compact = None
        # message contents + the chat template's 13 tokens (<|im_start|>role\n…<|im_end|>\n)
        prompt = sum(ntok(tok, m["content"]) for m in body["messages"]) + 13
        ttft = (first or end) - t0
        out[label] = {
            "response_format": fmt, "prompt_tokens_approx": prompt,
            "ttft_s": r(ttft), "prompt_tok_per_s": r(prompt / ttft, 1),
            "gen_tokens": gen, "gen_s": r(end - (first or end)),
            "gen_tok_per_s": r((gen - 1) / (end - first), 2) if first and gen > 1 else None,
            "total_s": r(end - t0),
            "raw_output": raw,
            "compact_json_tokens": ntok(tok, compact) if compact else None,
            "gist_tokens": ntok(tok, json.loads(raw).get("gist", "")) if compact else None,
        }
    del llm
    return out


def bench_prompt(work: Path, results: Path) -> dict[str, Any]:
    """Prompt anatomy only (stub, no model): what every call carries besides the article."""
    tok = tokenizer()
    a = prompt_anatomy(tok, SEEDS, work)
    a.pop("bodies")
    data = {"when": dt.datetime.now().isoformat(timespec="seconds"), "git": git_head(), **a}
    save("prompt", data, results)
    return data


def bench_cold(work: Path, results: Path, det_runs: int = 3,
               probe_llama: bool = True) -> dict[str, Any]:
    git_start = git_head()
    la = warn_if_busy("cold")
    cache, out, det_out = work / "cache", work / "out-cold", work / "out-det"
    for d in (cache, out):
        shutil.rmtree(d, ignore_errors=True)
    print(f"[bench] cold: embedded model, 5 seeds, fresh cache {cache} (takes minutes)…",
          file=sys.stderr)
    res = run_cli(["extract", str(SEEDS), "--out", str(out), "--cache-dir", str(cache)],
                  tap_server=True)
    la_after = loadavg()
    srv = res["server"] or {}
    reqs = srv.get("requests", [])
    llama = {
        "requests": len(reqs),
        "prefix_reused_tokens": sum(q.get("prefix_hit", 0) for q in reqs),
        "prompt_eval_tokens": sum(q.get("prompt_tokens", 0) for q in reqs),
        "prompt_eval_s": r(sum(q.get("prompt_ms", 0.0) for q in reqs) / 1000),
        "gen_tokens": sum(q.get("gen_tokens", 0) for q in reqs),
        "gen_s": r(sum(q.get("gen_ms", 0.0) for q in reqs) / 1000),
        "total_s": r(sum(q.get("total_ms", 0.0) for q in reqs) / 1000),
    }
    if llama["prompt_eval_s"]:
        llama["prompt_tok_per_s"] = r(llama["prompt_eval_tokens"] / llama["prompt_eval_s"], 1)
    if llama["gen_s"]:
        llama["gen_tok_per_s"] = r(llama["gen_tokens"] / llama["gen_s"], 1)
    srv_summary = {k: v for k, v in srv.items() if k != "requests"}
    docs = read_outputs(out)
    last_write = max((p.stat().st_mtime for p in out.glob("*.json")), default=res["started_at"])
    shutdown_s = res["started_at"] + res["wall_s"] - last_write

    # pipeline overhead measured on its own: the same seeds with --deterministic (no LLM)
    det_walls, det_pipeline = [], []
    for _ in range(det_runs):
        shutil.rmtree(det_out, ignore_errors=True)
        det = run_cli(["extract", str(SEEDS), "--out", str(det_out), "--deterministic"])
        det_walls.append(det["wall_s"])
        det_pipeline.append(sum(doc["usage"]["seconds"] for doc in read_outputs(det_out)))
    det_wall = statistics.median(det_walls)
    startup = cli_startup()

    tok = tokenizer()
    per_article = []
    for doc in docs:
        u = doc["usage"]
        seed = SEEDS / doc["source"]["file"]
        art_tokens = ntok(tok, doc["text"])
        per_article.append({
            "file": doc["source"]["file"], "chars": len(doc["text"]),
            "article_tokens": art_tokens,
            "raw_file_tokens": ntok(tok, seed.read_text(encoding="utf-8")) if seed.is_file()
            else None,
            "llm_calls": u["llm_calls"], "prompt_tokens": u["prompt_tokens"],
            "completion_tokens": u["completion_tokens"], "seconds": u["seconds"],
            "officials": len(doc["officials"]), "metrics": len(doc["metrics"]),
            "commitments": len(doc["commitments"]), "items": items(doc),
            "prompt_to_article": r(u["prompt_tokens"] / art_tokens, 3) if art_tokens else None,
            "errors": len(doc["errors"]),
        })
    tot = {k: sum(a[k] for a in per_article) for k in
           ("llm_calls", "prompt_tokens", "completion_tokens", "items", "article_tokens",
            "officials", "metrics", "commitments", "errors")}
    wall, load = res["wall_s"], res["load_s"] or 0.0
    llm_s = wall - load - det_wall
    anatomy = prompt_anatomy(tok, SEEDS, work)
    bodies = anatomy.pop("bodies")
    # the one-chunk article's request (the shortest article), replayed in-process
    one = min(bodies, key=lambda b: len(b["messages"][1]["content"]))
    probe = llama_probe(one, tok) if probe_llama else None
    data = {
        "when": dt.datetime.now().isoformat(timespec="seconds"), "git": git_head(),
        "git_start": git_start, "loadavg_before": la, "loadavg_after": la_after,
        "command": res["cmd"], "exit": res["exit"], "articles": len(docs),
        "wall_s": r(wall), "model_load_s": r(load),
        "model_loaded_at_s": r(res["loaded_at_s"]),  # since spawn: imports + load
        "shutdown_after_last_write_s": r(shutdown_s),
        **tot,
        "completion_tokens_per_item": r(tot["completion_tokens"] / max(1, tot["items"])),
        "completion_tokens_per_call": r(tot["completion_tokens"] / max(1, tot["llm_calls"]), 1),
        "prompt_tokens_per_article": r(tot["prompt_tokens"] / max(1, len(docs)), 1),
        "article_tokens_per_article": r(tot["article_tokens"] / max(1, len(docs)), 1),
        "prompt_to_article_tokens": r(tot["prompt_tokens"] / max(1, tot["article_tokens"]), 3),
        "prompt_to_article_worst": max((a["prompt_to_article"] or 0) for a in per_article),
        "deterministic": {"command": f"summarizer extract {SEEDS.name}/ --out OUT --deterministic",
                          "wall_s_runs": [r(x, 3) for x in det_walls], "wall_s": r(det_wall, 3),
                          "pipeline_s_sum": r(statistics.median(det_pipeline), 3)},
        "cli_startup": startup,
        "llm_s_est": r(llm_s), "llm_share": r(llm_s / wall, 4),
        "llama_log": llama, "llama_requests": reqs, "server": srv_summary,
        "llm_s_llama_log": llama["total_s"],
        "overhead_s_direct": r(wall - load - llama["total_s"]) if reqs else None,
        "server_cores_used": r(srv["cpu_s"] / wall, 2) if srv.get("cpu_s") else None,
        "load_share": r(load / wall, 4),
        "overhead_s": r(det_wall, 3), "overhead_share": r(det_wall / wall, 4),
        # wait4 covers the CLI and the server it waited for: max RSS over both, CPU summed
        "cli_and_server_cpu_s": r(res["cpu_s"]),
        "cli_or_server_maxrss_mib": r(res["maxrss_mib"], 1),
        "prompt_anatomy": anatomy, "llama_probe": probe, "per_article": per_article,
        "stderr_tail": [ln for _, ln in res["stderr"][-8:]],
    }
    save("cold", data, results)
    return data


def bench_warm(work: Path, results: Path, runs: int = 3) -> dict[str, Any]:
    la = warn_if_busy("warm")
    cache, cold_out = work / "cache", work / "out-cold"
    if not cache.is_dir():
        sys.exit(f"no cache at {cache}: run `bench.py cold` first (same --work)")
    walls, loads, all_runs = [], [], []
    for i in range(runs):
        out = work / f"out-warm{i}"
        shutil.rmtree(out, ignore_errors=True)
        res = run_cli(["extract", str(SEEDS), "--out", str(out), "--cache-dir", str(cache)])
        docs = read_outputs(out)
        calls = sum(d["usage"]["llm_calls"] for d in docs)
        hits = sum(d["usage"]["cache_hits"] for d in docs)
        walls.append(res["wall_s"])
        loads.append(res["load_s"] or 0.0)
        writes = sorted(p.stat().st_mtime for p in out.glob("*.json"))
        end = res["started_at"] + res["wall_s"]
        all_runs.append({"wall_s": r(res["wall_s"], 3), "load_s": r(res["load_s"]),
                         "model_loaded_at_s": r(res["loaded_at_s"]),
                         "first_output_at_s": r(writes[0] - res["started_at"]) if writes else None,
                         "last_output_at_s": r(writes[-1] - res["started_at"]) if writes else None,
                         "exit_after_last_output_s": r(end - writes[-1]) if writes else None,
                         "llm_calls": calls, "cache_hits": hits, "exit": res["exit"],
                         "cpu_s": r(res["cpu_s"])})
    same = None
    if cold_out.is_dir():
        strip = lambda d: {k: v for k, v in d.items() if k != "usage"}  # noqa: E731
        same = [strip(d) for d in read_outputs(cold_out)] == [strip(d) for d in docs]
    startup = cli_startup()
    data = {
        "when": dt.datetime.now().isoformat(timespec="seconds"), "git": git_head(),
        "loadavg_before": la, "command": res["cmd"], "runs": all_runs,
        "wall_s": r(statistics.median(walls), 3), "model_load_s": r(statistics.median(loads)),
        "llm_calls": max(x["llm_calls"] for x in all_runs),
        "cache_hits": all_runs[-1]["cache_hits"],
        "outputs_equal_cold_except_usage": same,
        "cli_startup": startup,
        "rest_s": r(statistics.median(walls) - statistics.median(loads) - startup["wall_s"], 3),
        "imports": import_profile(),
    }
    save("warm", data, results)
    return data


def import_profile(module: str = "summarizer.cli.app", top: int = 10) -> dict[str, Any]:
    """`python -X importtime -c 'import summarizer.cli.app'`: total, and the self time of every
    imported module summed by top-level package (what each package costs to import)."""
    res = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                         capture_output=True, text=True, cwd=REPO, check=False)
    per_pkg: dict[str, int] = {}
    total = 0
    for line in res.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
        if not m:
            continue
        own, cum, name = int(m.group(1)), int(m.group(2)), m.group(3)
        pkg = name.split(".")[0]
        per_pkg[pkg] = per_pkg.get(pkg, 0) + own
        if name == module:
            total = cum
    ranked = sorted(per_pkg.items(), key=lambda kv: -kv[1])[:top]
    return {"total_s": r(total / 1e6, 3), "by_package_s": {k: r(v / 1e6, 3) for k, v in ranked}}


# --------------------------------------------------------------------------- stub parts

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
    if CLI == DEFAULT_CLI:  # the probe imports this repo's package, not a --cli copy
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


# --------------------------------------------------------------------------- table

def table_rows(doc: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(metric, measured, target, verdict) — verdict PASS / MISS / — (informational)."""
    rows: list[tuple[str, str, str, str]] = []

    def verdict(ok: bool | None) -> str:
        return "—" if ok is None else ("PASS" if ok else "MISS")

    c = doc.get("cold")
    if c:
        hist = [h for h in doc.get("cold_history", []) if h.get("other_cpu_share") is not None]
        best = min(hist, key=lambda h: h["other_cpu_share"]) if hist else None
        share = (c.get("server") or {}).get("other_cpu_s")
        rows += [
            ("cold: wall, 5 seeds, embedded (this run)",
             f"{c['wall_s']:.1f} s" + (f" (other processes used {share:.0f} CPU-s)"
                                        if share is not None else ""), "≤ 300 s",
             verdict(c["wall_s"] <= TARGETS["cold_wall_s"] and c["exit"] == 0)),
        ]
        if best and best["when"] != c["when"]:
            rows.append(("cold: least contended run of the day",
                         f"{best['wall_s']:.1f} s, run ending {best['when'][11:16]} (others "
                         f"{best['other_cpu_share']:.0%} of host CPU)", "≤ 300 s",
                         verdict(best["wall_s"] <= TARGETS["cold_wall_s"])))
        rows += [
            ("cold: model load", f"{c['model_load_s']:.1f} s ({c['load_share']:.1%})", "", "—"),
            ("cold: LLM calls / prompt / completion tokens",
             f"{c['llm_calls']} / {c['prompt_tokens']} / {c['completion_tokens']}", "", "—"),
            ("cold: completion tokens per item",
             f"{c['completion_tokens_per_item']:.1f} ({c['completion_tokens']}/{c['items']})",
             "≤ 20", verdict(c["completion_tokens_per_item"] <= TARGETS[
                 "completion_tokens_per_item"])),
            ("cold: prompt tokens / article tokens",
             f"{c['prompt_to_article_tokens']:.2f}× (worst {c['prompt_to_article_worst']:.2f}×)",
             "≤ 1.3×", verdict(c["prompt_to_article_worst"] <= TARGETS[
                 "prompt_to_article_tokens"])),
            ("cold: time in LLM (wall − load − deterministic)",
             f"{c['llm_s_est']:.1f} s ({c['llm_share']:.1%})", "", "—"),
        ]
        ll = c.get("llama_log") or {}
        if ll.get("requests"):
            other = ll["total_s"] - ll["prompt_eval_s"] - ll["gen_s"]
            rows.append(("cold: inside llama.cpp (its log, 9 requests)",
                         f"{ll['total_s']:.0f} s = prompt {ll['prompt_eval_s']:.0f} s "
                         f"({ll['prompt_eval_tokens']} tok, {ll['prompt_tok_per_s']:.0f}/s) + gen "
                         f"{ll['gen_s']:.0f} s ({ll['gen_tokens']} tok, {ll['gen_tok_per_s']:.0f}/s)"
                         f" + other {other:.0f} s", "", "—"))
            rows.append(("cold: overhead direct (wall − load − llama.cpp)",
                         f"{c['overhead_s_direct']:.2f} s "
                         f"({c['overhead_s_direct'] / c['wall_s']:.2%})", "≤ 2% of wall",
                         verdict(c["overhead_s_direct"] / c["wall_s"] <= TARGETS["overhead_share"])))
        rows += [
            ("cold: pipeline overhead (deterministic run)",
             f"{c['overhead_s']:.2f} s ({c['overhead_share']:.2%})", "≤ 2% of wall",
             verdict(c["overhead_share"] <= TARGETS["overhead_share"])),
        ]
    w = doc.get("warm")
    if w:
        rows += [("warm: wall (median of runs), LLM calls",
                  f"{w['wall_s']:.2f} s, {w['llm_calls']} calls "
                  + (f"(model load {w['model_load_s']:.1f} s, " if w["model_load_s"] else
                     "(no model load, ")
                  + f"`summarizer --help` {w['cli_startup']['wall_s']:.2f} s)",
                  "≤ 1 s, 0 calls",
                  verdict(w["wall_s"] <= TARGETS["warm_wall_s"] and w["llm_calls"] == 0))]
    k = doc.get("concurrency") or {}
    # the target is judged on the CLI as shipped, on its wall time (start-up and exit included)
    for variant, label in (("shipped", "stub 0.2 s"), ("one_process", "stub 0.2 s, --processes 1"),
                           ("long", "stub 0.2 s, longer batch")):
        for lv in k.get(variant, []):
            target = lv["in_flight"] == 32 and variant == "shipped"
            ok = verdict(lv["share_of_ideal_wall"] >= TARGETS["share_of_ideal_at_32"])
            rows.append((
                f"{label}: {lv['in_flight']} in flight ({lv['requests']} req, "
                f"{lv['processes']} proc)",
                f"{lv['rps_wall']:.1f} req/s = {lv['share_of_ideal_wall']:.0%} of "
                f"{lv['ideal_rps']:.0f}"
                + (f" (median of {len(lv['runs'])}: "
                   f"{', '.join(f'{w:.0%}' for w, _ in lv['runs'])})" if len(lv.get('runs', [])) > 1
                   else "")
                + f" (window {lv['share_of_ideal_window']:.0%}; fixed "
                f"{lv['first_request_at_s'] + lv['after_last_response_s']:.2f} s caps wall at "
                f"{lv['wall_share_bound']:.0%}; {lv['cli_cpu_ms_per_request']:.1f} ms CPU/req)",
                "≥ 80% of ideal" if target else "",
                ok if target else "—"))
    pa = doc.get("prompt")
    if pa:
        la_ = pa["long_article"]
        rows.append(("prompt: per call besides the chunk",
                     f"system {pa['system_message_tokens']} (prompt file "
                     f"{pa['system_prompt_file_tokens']} + instructor schema block "
                     f"{pa['instructor_schema_wrapper_tokens']}) + template 13 + labels",
                     "", "—"))
        rows.append(("prompt: long article (seeds end to end) / article tokens",
                     f"{la_['prompt_to_article']:.2f}× ({la_['prompt_tokens']}/"
                     f"{la_['article_tokens']}, {la_['calls']} calls)", "≤ 1.3×",
                     verdict(la_["prompt_to_article"] <= TARGETS["prompt_to_article_tokens"])))
        sa = pa["short_article"]
        rows.append((f"prompt: short article ({sa['chars']} chars) / article tokens",
                     f"{sa['prompt_to_article']:.2f}× ({sa['prompt_tokens']}/"
                     f"{sa['article_tokens']}, {sa['calls']} call)", "≤ 1.3×",
                     verdict(sa["prompt_to_article"] <= TARGETS["prompt_to_article_tokens"])))
    m = doc.get("memory")
    if m:
        peaks = ", ".join(f"{x['articles']}: {x['peak_rss_mib']:.0f}" for x in m["sizes"])
        rows.append(("peak RSS of the CLI (MiB) by articles", f"{peaks} (spread "
                     f"{m['spread']:.1%})", "flat (≤ 10%)", verdict(m["flat"])))
        sh = m.get("sharded")
        if sh:
            rows.append((f"peak RSS, {sh['articles']} articles at 32 in flight",
                         f"{sh['peak_rss_mib']:.0f} MiB: CLI {sh['cli_rss_mib']:.0f} + "
                         f"{sh['processes']} workers", "", "—"))
    return rows


def print_table(doc: dict[str, Any], markdown: bool = False) -> None:
    rows = table_rows(doc)
    head = ("metric", "measured", "target", "")
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(x[i]) for x in [head, *rows]) for i in range(4)]
        for row in [head, *rows]:
            print("  ".join(x.ljust(wd) for x, wd in zip(row, widths, strict=True)))
        return
    t = Table(title="summarizer benchmarks")
    for h in head:
        t.add_column(h)
    for row in rows:
        style = {"PASS": "green", "MISS": "red"}.get(row[3])
        t.add_row(*row[:3], f"[{style}]{row[3]}[/{style}]" if style else row[3])
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(t)


# --------------------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("part", choices=["cold", "warm", "concurrency", "memory", "prompt", "all",
                                     "table"])
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
    ap.add_argument("--cli", type=Path, default=CLI,
                    help="the summarizer executable to measure (e.g. a wrapper around a "
                         "patched copy of the package); default: the one next to this python")
    ap.add_argument("--markdown", action="store_true", help="table: print Markdown")
    a = ap.parse_args()
    set_cli(a.cli)
    if a.part != "table" and not CLI.is_file():
        sys.exit(f"CLI not found at {CLI}: run with the venv's python")
    a.work.mkdir(parents=True, exist_ok=True)
    parts = ["cold", "warm", "concurrency", "memory", "prompt"] if a.part == "all" else [a.part]
    for part in parts:
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
            bench_memory(a.work, a.results, [int(x) for x in a.sizes.split(",")],
                         a.mem_latency)
    if not a.results.is_file():
        sys.exit(f"no results at {a.results}")
    doc = json.loads(a.results.read_text())
    print_table(doc, a.markdown)
    if a.part != "table":
        print(f"[bench] results: {a.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
