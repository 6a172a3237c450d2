"""A fault-injecting OpenAI-compatible stub server on loopback — for tests and benchmarks only.

Each POST /v1/chat/completions gets one behaviour, chosen by `plan(request_number, body)`:
"ok" (a valid chunk answer), "429" (with Retry-After), "500", "503", "hang" (sleeps past the
client's timeout), "reset" (closes the connection), "truncated" (cut-off JSON), "invalid" (JSON
that fails the response schema), "length" (a looping answer cut at max_tokens: finish_reason
"length", as the embedded model gives), "401", "400", "404". `latency` is added to every request.
"""

from __future__ import annotations

import json
import random
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAULTS = ("429", "500", "503", "hang", "reset", "truncated", "invalid")
Plan = Callable[[int, dict[str, Any]], str]


def answer(content: dict[str, Any] | str, model: str = "stub", finish_reason: str = "stop") -> bytes:
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    return json.dumps({
        "id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
    }, ensure_ascii=False).encode()


DEFAULT_CONTENT: dict[str, Any] = {"officials": [], "gist": "本段介绍民生工作安排。"}


def random_plan(rate: float, seed: int = 0, faults: tuple[str, ...] = FAULTS) -> Plan:
    rng = random.Random(seed)
    lock = threading.Lock()

    def plan(_n: int, _body: dict[str, Any]) -> str:
        with lock:
            return rng.choice(faults) if rng.random() < rate else "ok"

    return plan


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # the client gave up on a hung or slow answer: what the stub is there to cause
        super().handle_error(request, client_address)


class StubLLM:
    def __init__(self, plan: Plan | None = None, latency: float = 0.0, hang: float = 5.0,
                 retry_after: float = 0.05, content: dict[str, Any] | str | None = None) -> None:
        self.plan = plan or (lambda _n, _b: "ok")
        self.latency, self.hang, self.retry_after = latency, hang, retry_after
        self.content = DEFAULT_CONTENT if content is None else content
        self.requests = 0
        self.outcomes: Counter[str] = Counter()
        self.bodies: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> StubLLM:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else each answer waits ~40 ms for a delayed ACK

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._send(200, json.dumps({"object": "list", "data": [{"id": "stub"}]}).encode())

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with stub._lock:
                    stub.requests += 1
                    n = stub.requests
                    stub.bodies.append(body)
                    stub.headers.append(dict(self.headers))
                outcome = stub.plan(n, body)
                with stub._lock:
                    stub.outcomes[outcome] += 1
                if stub.latency:
                    time.sleep(stub.latency)
                self._act(outcome)

            def _act(self, outcome: str) -> None:
                if outcome == "ok":
                    self._send(200, answer(stub.content, "stub"))
                elif outcome == "429":
                    self._send(429, b'{"error": {"message": "rate limited"}}',
                               {"Retry-After": str(stub.retry_after)})
                elif outcome in ("500", "503", "400", "401", "404"):
                    self._send(int(outcome), json.dumps(
                        {"error": {"message": f"stub {outcome}"}}).encode())
                elif outcome == "hang":
                    time.sleep(stub.hang)
                    self._send(200, answer(stub.content))
                elif outcome == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                               b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    self.connection.close()
                elif outcome == "truncated":
                    self._send(200, answer(stub.content)[:40])
                elif outcome == "invalid":
                    self._send(200, answer({"officials": "nobody", "gist": 42}))
                elif outcome == "length":
                    self._send(200, answer('{"officials": [], "gist": "' + "重复" * 200, "stub", "length"))
                else:
                    raise ValueError(f"unknown outcome {outcome}")

            def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass

        return Handler
