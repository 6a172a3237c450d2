"""Adaptive in-flight requests against a slow one-slot server behind 30% injected faults.

    python bench/adaptive_bench.py stub [--articles 24] [--service 0.25] [--timeout 1.5]
    python bench/adaptive_bench.py server [--articles 6] [--timeout 120]   # needs '.[local]'

`stub`: the tests' stub serving one request at a time (`service` s each; abandoned requests still
take their turn, as in llama.cpp), with 30% transport faults (429, 500, 503, reset, hang) answered
in front of it. `server`: llama-cpp-python's server with the embedded 1.5B model (one slot), the
faults injected by a proxy in front of it. Each runs the same articles through the pipeline
(`run_article`, threads = the ceiling), with the adaptive limit (ceiling 8, the API default) and
with fixed limits 1, 2, 4, 8, and prints wall time, articles failed, requests sent and the limit's
path. Load average before and after is printed: the machine may be shared. `server` first sends
one other article untimed, so that the server's evaluation of the system message (which it keeps
for the next request) is not charged to the first variant alone.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import random
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.config import DEFAULTS  # noqa: E402
from summarizer.llm import client  # noqa: E402
from summarizer.llm.adaptive import AdaptiveLimit  # noqa: E402
from summarizer.llm.client import LLM, QUEUED_RETRIES, Endpoint, load_sdk  # noqa: E402
from summarizer.pipeline.article import run_article  # noqa: E402
from summarizer.text.ingest import load_article  # noqa: E402
from tests.stub_llm import StubLLM  # noqa: E402
from tests.test_adaptive import TRANSPORT_FAULTS, slow_server  # noqa: E402
from tests.test_faults import make_articles  # noqa: E402


class FixedLimit(AdaptiveLimit):
    """The limit as it was: a fixed number in flight, whatever the endpoint does."""

    def __init__(self, n: int) -> None:
        super().__init__(n, start=n)

    def _cut(self, ticket: Any, factor: float) -> None:
        pass

    def _set(self, limit: float) -> None:
        pass


def run_batch(base_url: str, model: str, paths: list[Path], limit: AdaptiveLimit, timeout: float,
              profile: str, before: bool = False) -> dict[str, Any]:
    """`before`: every timeout counts as a failed attempt (no resend of a timeout in the queue)."""
    client.QUEUED_RETRIES = 0 if before else QUEUED_RETRIES
    endpoint = Endpoint(base_url=base_url, api_key="bench", model=model, identity=model,
                        timeout=timeout, max_retries=4)
    llm = LLM(endpoint, None, max_in_flight=limit.ceiling)
    limit.timeout = timeout
    llm.in_flight = limit
    started = time.monotonic()
    with ThreadPoolExecutor(limit.ceiling) as pool:
        results = list(pool.map(lambda p: run_article(load_article(str(p)), llm, 1, 2400, False, profile),
                                paths))  # type: ignore[arg-type]
    wall = time.monotonic() - started
    path = [f"{t - started:.0f}s:{v:.1f}" for t, v in limit.history[-40:]]
    return {"wall": wall, "failed": sum(r.status == "failed" for r in results),
            "errors": sorted({e.reason for r in results for e in r.errors}),
            "calls": sum(r.usage.llm_calls for r in results), "limit_path": path}


class FaultProxy:
    """Forwards POSTs to `upstream`, answering `rate` of them itself with a transport fault."""

    def __init__(self, upstream: str, rate: float, seed: int = 3, hang: float = 200.0) -> None:
        rng, lock = random.Random(seed), threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_a: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                with lock:
                    fault = rng.choice(TRANSPORT_FAULTS) if rng.random() < rate else None
                    proxy.counts[fault or "forwarded"] = proxy.counts.get(fault or "forwarded", 0) + 1
                if fault in ("429", "500", "503"):
                    return self._send(int(fault), b'{"error": {"message": "injected"}}')
                if fault == "hang":
                    time.sleep(hang)
                if fault in ("hang", "reset"):
                    self.close_connection = True
                    return
                req = urllib.request.Request(upstream + self.path.removeprefix("/v1"), data=body,
                                             headers={"content-type": "application/json"})
                try:
                    with urllib.request.urlopen(req, timeout=3600) as resp:
                        self._send(resp.status, resp.read())
                except urllib.error.HTTPError as err:
                    self._send(err.code, err.read())

            def _send(self, status: int, payload: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass

        self.counts: dict[str, int] = {}
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"


def variants(only: list[int] | None, before: bool = True) -> list[tuple[str, AdaptiveLimit]]:
    fixed = [1, 2, 4, 8] if only is None else only
    return ([("adaptive (ceiling 8)", AdaptiveLimit(8))] + [(f"fixed {n}", FixedLimit(n)) for n in fixed]
            + [("fixed 8, as before", FixedLimit(8))] * before)


def report(name: str, row: dict[str, Any], n: int) -> None:
    print(f"{name:22} wall {row['wall']:7.1f}s  {n / row['wall'] * 60:6.2f} articles/min  "
          f"failed {row['failed']}/{n}  calls {row['calls']}  errors {row['errors'][:2]}  "
          f"limit {' '.join(row['limit_path'])}", flush=True)


def stub_bench(args: argparse.Namespace) -> None:
    paths = make_articles(Path(args.work) / "in", min(args.articles, 24))
    paths = (paths * (args.articles // len(paths) + 1))[: args.articles]  # no cache: each is asked
    for name, limit in variants(args.fixed, not args.no_before):
        with StubLLM(slow_server(args.service, fault_rate=0.3, seed=args.seed), hang=args.timeout * 2) as stub:
            row = run_batch(stub.base_url, "stub", paths, limit, args.timeout, "full", "before" in name)
            report(name, row, len(paths))
            print(f"{'':22} requests {stub.requests} {dict(stub.outcomes)}")


def server_bench(args: argparse.Namespace) -> None:
    from summarizer.llm.embedded import DEFAULT_MODEL, MODELS, EmbeddedServer, ensure_model

    shared = ROOT.parent / "shared" / "dev"
    validation = set(json.loads((shared / "splits.json").read_text())["validation"])  # never read
    dev = sorted(p for p in (shared / "articles").glob("*.txt") if p.stem not in validation)
    paths = sorted(ROOT.glob("seeds/*.txt"))[: args.articles] if args.seeds else dev[: args.articles]
    print(f"articles: {[p.name for p in paths]}, timeout {args.timeout}s", flush=True)
    model = MODELS[DEFAULT_MODEL].name
    with EmbeddedServer(ensure_model(DEFAULT_MODEL)) as server:
        # Untimed, on another article: the system message's evaluation (kept by the server for
        # the next request, ~40 s on one thread) must not fall on the first variant alone.
        warm = run_batch(server.base_url, model, [dev[args.articles]], FixedLimit(1), args.timeout, "small")
        print(f"warm-up (no faults, untimed): {warm['wall']:.1f}s", flush=True)
        for name, limit in variants(args.fixed, not args.no_before):
            print(f"{time.strftime('%H:%M:%S')} {name}: server threads {server.threads}, "
                  f"load average {os.getloadavg()}", flush=True)
            proxy = FaultProxy(server.base_url, 0.3, seed=args.seed, hang=args.timeout * 1.5)
            row = run_batch(proxy.base_url, model, paths, limit, args.timeout, "small", "before" in name)
            report(name, row, len(paths))
            print(f"{'':22} proxy {proxy.counts}")
            proxy.server.shutdown()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("stub", "server"))
    ap.add_argument("--articles", type=int, default=24)
    ap.add_argument("--service", type=float, default=0.25)
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per request: stub 1.5, server the CLI's default (120)")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--fixed", type=lambda s: [int(x) for x in s.split(",") if x], default=None,
                    help="fixed limits to compare (default 1,2,4,8; '' for none)")
    ap.add_argument("--no-before", action="store_true", help="without the 'fixed 8, as before' variant")
    ap.add_argument("--seeds", action="store_true", help="server: the seeds instead of dev articles")
    ap.add_argument("--work", default="/tmp/summarizer-bench-adaptive")
    args = ap.parse_args()
    if args.timeout is None:
        args.timeout = 1.5 if args.mode == "stub" else DEFAULTS.timeout
    print(f"load average before: {os.getloadavg()}", flush=True)
    load_sdk()  # ~1 s (more on a busy machine): not part of the first variant's time
    (stub_bench if args.mode == "stub" else server_bench)(args)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
