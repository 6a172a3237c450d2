#!/usr/bin/env python3
"""The embedded model on the five seeds: `cold` (fresh --cache-dir; also --deterministic runs,
tokenizer counts and a llama.cpp probe), `warm` (the same again on cold's cache) and `prompt`
(what each request carries besides the article, captured by the stub). Also run by bench.py.

    python bench/cold.py cold|warm|prompt [--work DIR] [--results FILE] [--cli PATH]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.stub_llm and an un-installed summarizer

from common import (  # noqa: E402
    ONE_CHUNK,
    SEEDS,
    cli_env,
    cli_startup,
    git_head,
    items,
    loadavg,
    ntok,
    r,
    read_outputs,
    run_cli,
    save,
    tokenizer,
    warn_if_busy,
)

from tests.stub_llm import StubLLM  # noqa: E402

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




if __name__ == "__main__":
    from bench import main

    main(('cold', 'warm', 'prompt'))
