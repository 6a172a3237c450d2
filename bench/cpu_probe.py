"""Per-request cost inside the CLI process, one stage at a time, single-threaded.

Run by `bench.py concurrency` in its own process (so the stub's CPU, which lives in the bench
process, is not counted):  python bench/cpu_probe.py BASE_URL ARTICLE N
Prints one JSON object: wall and CPU milliseconds per unit for
  ingest    load_article
  rules     run_article(article, None)  (the deterministic layer)
  extract   LLM.ask (label_chunk) of the article's one chunk against the stub (instructor + openai + httpx)
  article   load_article + run_article(article, llm) + model_dump_json + write_json (the whole
            per-article job of the CLI, with its per-article thread pool)
  write     model_dump_json + write_json (atomic, fsync)
  httpx_post_and_validate / openai_create_and_validate   the same request without instructor
            (plain httpx; the openai client) then ChunkLabels.model_validate_json: the floor
  thread_pool_per_article   the ThreadPoolExecutor run_article makes for an article's chunks
and a cProfile of the `extract` stage: self time by top-level package.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.llm.client import LLM, Endpoint
from summarizer.llm.label import ChunkView, label_chunk
from summarizer.models import Usage
from summarizer.outputs.write import output_path, write_json
from summarizer.pipeline.article import run_article
from summarizer.text.chunk import make_chunks
from summarizer.text.ingest import load_article


def cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def measure(fn: Callable[[int], object], n: int) -> dict[str, float]:
    fn(-1)  # warm up (imports, prompt file, regex compilation)
    c0, t0 = cpu(), time.perf_counter()
    for i in range(n):
        fn(i)
    return {"wall_ms": round(1000 * (time.perf_counter() - t0) / n, 3),
            "cpu_ms": round(1000 * (cpu() - c0) / n, 3)}


def package_of(filename: str) -> str:
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    if "summarizer" in parts:
        return "summarizer"
    if filename.startswith("<") or filename == "~":
        return "builtins"
    return "stdlib:" + Path(filename).stem


def main() -> None:
    base_url, article_path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    endpoint = Endpoint(base_url=base_url, api_key="x", model="stub", identity="stub")
    llm = LLM(endpoint, None, max_in_flight=1)
    article = load_article(article_path)
    chunk = make_chunks(article.text)[0]
    view = ChunkView(chunk, article.text[chunk.start:chunk.end], article.source.title, None)
    out = Path(tempfile.mkdtemp(prefix="cpu-probe-"))
    result = run_article(article, None)
    payload = result.model_dump_json(indent=2)

    def write(i: int) -> None:
        write_json(output_path(out, f"w{i}"), result.model_dump_json(indent=2))

    def whole(i: int) -> None:
        a = load_article(article_path)
        res = run_article(a, llm, 1)
        write_json(output_path(out, f"a{i}"), res.model_dump_json(indent=2))

    import httpx2 as httpx  # what this venv's openai client is built on
    import openai

    from summarizer.llm.label import ChunkLabels, render_user
    from summarizer.llm.prompting import load_prompt

    prompt = load_prompt("extract_chunk")
    messages = [{"role": "system", "content": prompt.text},
                {"role": "user", "content": render_user(view)}]
    body = {"model": "stub", "messages": messages, "temperature": 0.0, "max_tokens": 400,
            "response_format": {"type": "json_object"}}
    raw_client = openai.OpenAI(base_url=base_url, api_key="x")
    http = httpx.Client(base_url=base_url)

    def via_httpx(_i: int) -> None:
        resp = http.post("/chat/completions", json=body, headers={"Authorization": "Bearer x"})
        ChunkLabels.model_validate_json(resp.json()["choices"][0]["message"]["content"])

    def via_openai(_i: int) -> None:
        resp = raw_client.chat.completions.create(**body)  # type: ignore[call-overload]
        ChunkLabels.model_validate_json(resp.choices[0].message.content or "")

    def pool(_i: int) -> None:
        with ThreadPoolExecutor(max_workers=1) as ex:
            list(ex.map(lambda x: x, [0]))

    stages = {
        "httpx_post_and_validate": measure(via_httpx, n),
        "openai_create_and_validate": measure(via_openai, n),
        "thread_pool_per_article": measure(pool, n),
        "ingest": measure(lambda _i: load_article(article_path), n),
        "rules": measure(lambda _i: run_article(article, None), n),
        "extract": measure(lambda _i: label_chunk(llm, view, Usage()), n),
        "write": measure(write, n),
        "article": measure(whole, n),
    }
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(n):
        label_chunk(llm, view, Usage())
    prof.disable()
    stats = pstats.Stats(prof)
    by_pkg: dict[str, float] = {}
    total = 0.0
    for (filename, _line, _name), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_pkg[package_of(filename)] = by_pkg.get(package_of(filename), 0.0) + tt
        total += tt
    top = sorted(by_pkg.items(), key=lambda kv: -kv[1])[:12]
    print(json.dumps({
        "n": n, "payload_bytes": len(payload.encode()), "stages": stages,
        "extract_profile_ms_per_call": {k: round(1000 * v / n, 3) for k, v in top},
        "extract_profile_total_ms_per_call": round(1000 * total / n, 3),
    }))


if __name__ == "__main__":
    main()
