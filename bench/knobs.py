"""What costs time on the embedded model besides prompt tokens, each measured alone, in-process
on the same GGUF (llama-cpp-python, as its server runs it). Needs the `local` extra.

    python bench/knobs.py [--seed seeds/002_0b0ffe8503856d79.txt]

The request is the one `summarizer extract` sends for the seed in the `small` profile (captured
from the tests' stub, instructor's JSON-mode system block included). Prints, with the load
average before and after (the machine may be shared):

1. grammar: the same request with instructor's `response_format: json_object` and without;
2. pretty vs compact JSON: completion tokens of the answer as the model wrote it, and compacted;
3. instructor's JSON-mode block: its tokens, and its prompt-evaluation time when not reused;
4. prefix reuse: the request evaluated after another sharing its system message, vs cold;
5. n_threads 1/2 and n_batch 128/512 on prompt evaluation (one model load each).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.llm.client import LLM, Endpoint  # noqa: E402
from summarizer.llm.embedded import DEFAULT_MODEL, MODELS, ensure_model, free_cores  # noqa: E402
from summarizer.pipeline.article import run_article  # noqa: E402
from summarizer.text.ingest import load_article  # noqa: E402
from tests.stub_llm import StubLLM  # noqa: E402


def captured_requests(path: Path) -> list[dict[str, Any]]:
    """The bodies the CLI's pipeline sends for `path` (small profile), answered by the stub."""
    with StubLLM() as stub:
        endpoint = Endpoint(base_url=stub.base_url, api_key="k", model=MODELS[DEFAULT_MODEL].name,
                            identity="capture", max_retries=0)
        run_article(load_article(str(path)), LLM(endpoint, None), profile="small")
        return list(stub.bodies)


def timed(llm: Any, messages: list[dict[str, str]], **kw: Any) -> tuple[float, dict[str, Any]]:
    started = time.monotonic()
    out = llm.create_chat_completion(messages=messages, temperature=0.0, max_tokens=kw.pop("max_tokens", 400), **kw)
    return time.monotonic() - started, out


def tokens(llm: Any, text: str) -> int:
    return len(llm.tokenize(text.encode(), add_bos=False, special=False))


def load(n_threads: int | None = None, n_batch: int = 512) -> Any:
    from llama_cpp import Llama

    n_threads = n_threads or free_cores()  # as the embedded server picks them
    return Llama(str(ensure_model(DEFAULT_MODEL)), n_ctx=8192, n_threads=n_threads,
                 n_threads_batch=n_threads, n_batch=n_batch, verbose=False)


def prompt_eval(llm: Any, messages: list[dict[str, str]]) -> tuple[float, int]:
    llm.reset()
    seconds, out = timed(llm, messages, max_tokens=1)
    return seconds, out["usage"]["prompt_tokens"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", default=str(ROOT / "seeds" / "002_0b0ffe8503856d79.txt"))
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()}; threads {free_cores()}", flush=True)
    body = captured_requests(Path(args.seed))[0]
    messages = [{"role": m["role"], "content": m["content"]} for m in body["messages"]]
    system = messages[0]["content"]
    llm = load()

    # 1. grammar (the prompt is evaluated first, alone: the timed request then reuses it)
    answer = ""
    for label, kw in (("json_object grammar", {"response_format": body.get("response_format")}),
                      ("no grammar", {})):
        prompt_eval(llm, messages)
        seconds, out = timed(llm, messages, **{k: v for k, v in kw.items() if v})
        n = out["usage"]["completion_tokens"]
        print(f"1. {label:20} completion {n} tok in {seconds:.1f} s: {n / seconds:.1f} tok/s; "
              f"valid JSON: {_is_json(out)}", flush=True)
        answer = out["choices"][0]["message"]["content"]

    # 2. pretty vs compact
    llm.reset()
    _, out = timed(llm, messages, response_format={"type": "json_object"})
    written = out["choices"][0]["message"]["content"]
    try:
        compact = json.dumps(json.loads(written), ensure_ascii=False, separators=(",", ":"))
        print(f"2. answer as written {tokens(llm, written)} tok, compact {tokens(llm, compact)} tok", flush=True)
    except ValueError:
        print(f"2. answer not JSON: {answer[:80]!r}")

    # 3. instructor's block
    head = system[:system.find("As a genius expert")].rstrip() if "As a genius expert" in system else system
    block = system[len(head):]
    print(f"3. system {tokens(llm, system)} tok = prompt file {tokens(llm, head)} + instructor block "
          f"{tokens(llm, block)}; user {tokens(llm, messages[1]['content'])} tok", flush=True)

    # 4. prefix reuse
    cold_s, n = prompt_eval(llm, messages)
    other = [messages[0], {"role": "user", "content": "标题：测试\n导语：本市召开会议。\n摘录："}]
    llm.reset()
    timed(llm, other, max_tokens=1)  # leaves the shared system prefix in the KV cache
    warm_s, _ = timed(llm, messages, max_tokens=1)
    print(f"4. prompt {n} tok: cold {cold_s:.2f} s, after a request sharing the system message "
          f"{warm_s:.2f} s ({(1 - warm_s / cold_s) * 100:.0f}% saved)", flush=True)
    del llm

    # 5. threads and batch
    for n_threads, n_batch in ((2, 512), (1, 512), (2, 128)):
        llm = load(n_threads, n_batch)
        seconds, n = prompt_eval(llm, messages)
        print(f"5. n_threads {n_threads} n_batch {n_batch}: prompt {n} tok in {seconds:.2f} s "
              f"({n / seconds:.0f} tok/s)", flush=True)
        del llm
    print(f"load average after: {os.getloadavg()}")


def _is_json(out: dict[str, Any]) -> bool:
    try:
        json.loads(out["choices"][0]["message"]["content"])
        return True
    except ValueError:
        return False


if __name__ == "__main__":
    main()
