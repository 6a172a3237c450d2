"""Requests in flight adapt to a slow endpoint (AIMD), and a timeout spent queued in the server
is not a failed answer. The slow server is a stub that serves one request at a time (as
llama.cpp's server with one slot does; an abandoned request still takes its turn), behind a
"proxy" that answers 30% of requests itself with a fault before they reach it."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from summarizer.llm.adaptive import AdaptiveLimit
from summarizer.llm.client import LLM, Endpoint
from summarizer.llm.label import ChunkLabels
from summarizer.models import Usage

from .test_faults import StubLLM, make_articles, outputs, run, run_summary

TRANSPORT_FAULTS = ("429", "500", "503", "reset", "hang")


def slow_server(service: float, fault_rate: float = 0.0, seed: int = 3) -> Any:
    """A plan for the stub: one request served at a time, `service` seconds each; before that, a
    fault for `fault_rate` of the requests (answered at once, never reaching the server)."""
    slot = threading.Lock()
    rng = random.Random(seed)
    draw = threading.Lock()

    def plan(_n: int, _body: dict[str, Any]) -> str:
        with draw:
            fault = rng.choice(TRANSPORT_FAULTS) if rng.random() < fault_rate else None
        if fault:
            return fault
        with slot:
            time.sleep(service)
        return "ok"

    return plan


# ---------------------------------------------------------------- the limit itself


def test_429_cuts_fast_answers_grow_slow_answers_cut() -> None:
    limit = AdaptiveLimit(16)
    assert limit.limit == 8
    for _ in range(8):  # slow start: one more per fast answer
        limit.release(limit.acquire(), "ok", tokens=100)
    assert limit.limit == 16
    limit.release(limit.acquire(), "overload")  # a 429
    assert limit.limit == 16 * 0.7 and not limit.slow_start
    limit.release(limit.acquire(), "ok", tokens=100)  # then one per window of answers
    assert limit.limit == 11.2 + 1 / 11.2
    before = limit.limit
    a, b = limit.acquire(), limit.acquire()
    time.sleep(0.05)  # an answer far slower per token than the best, sent with another in flight
    limit.release(b, "ok", tokens=1)
    assert limit.limit == before * 0.8
    limit.release(a, "overload")  # sent before that cut: no second cut for the same trouble
    assert limit.limit == before * 0.8
    for _ in range(12):
        limit.release(limit.acquire(), "overload")
    assert limit.limit == 1  # never below one
    limit.release(limit.acquire(), "other")  # a 5xx, a reset: no sign of load
    assert limit.limit == 1


def test_a_timeout_is_queued_only_with_others_in_flight_and_nothing_later_answered() -> None:
    limit = AdaptiveLimit(8, start=8)
    assert not limit.release(limit.acquire(), "timeout")  # alone: an ordinary failure
    assert limit.limit == 8
    first, second = limit.acquire(), limit.acquire()
    assert limit.release(second, "timeout")  # behind `first`: in the queue, and a cut
    assert limit.limit == 8 * 0.7
    lost = limit.acquire()
    time.sleep(0.15)
    later = limit.acquire()
    limit.release(later, "ok", tokens=10_000)  # sent after `lost`, answered promptly
    assert not limit.release(lost, "timeout")  # so `lost` was not waiting in a FIFO queue
    limit.release(first, "ok", tokens=10_000)


def test_acquire_waits_while_the_limit_is_reached() -> None:
    limit = AdaptiveLimit(4)
    held = [limit.acquire(), limit.acquire()]
    got: list[float] = []
    waiter = threading.Thread(target=lambda: got.append(limit.acquire().sent))
    waiter.start()
    time.sleep(0.1)
    assert not got
    limit.release(held[0], "other")
    waiter.join(2)
    assert got and limit.in_flight == 2


# ---------------------------------------------------------------- queued timeouts


def test_a_timeout_spent_queued_is_not_a_failed_answer() -> None:
    """Four requests at once on a one-slot server taking 0.5 s each, timeout 0.8 s, no retries:
    the later ones time out waiting behind the first; they are sent again (not counted) with a
    smaller limit, and all four are answered."""
    with StubLLM(slow_server(0.5)) as stub:
        endpoint = Endpoint(base_url=stub.base_url, api_key="k", model="stub", identity="stub",
                            timeout=0.8, max_retries=0)
        llm = LLM(endpoint, None, max_in_flight=4)
        llm.in_flight = AdaptiveLimit(4, start=4, timeout=0.8)
        usage = Usage()

        def ask(i: int) -> ChunkLabels:
            return llm.ask([{"role": "user", "content": f"第{i}段"}], ChunkLabels, {}, "v", usage)

        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(ask, range(4)))
    assert len(answers) == 4 and usage.llm_calls == 4
    assert stub.requests > 4  # some were sent again after a timeout in the queue
    assert llm.in_flight.limit < 4


def test_a_timeout_alone_still_fails() -> None:
    with StubLLM(lambda _n, _b: "hang", hang=2.0) as stub:
        endpoint = Endpoint(base_url=stub.base_url, api_key="k", model="stub", identity="stub",
                            timeout=0.5, max_retries=1)
        llm = LLM(endpoint, None, max_in_flight=4)
        try:
            llm.ask([{"role": "user", "content": "第1段"}], ChunkLabels, {}, "v", Usage())
        except Exception as exc:
            assert "timed out" in str(exc)
        else:
            raise AssertionError("a request that hangs alone must fail")
    assert stub.requests == 2  # max_retries + 1


# ---------------------------------------------------------------- a batch, default flags


def test_slow_server_behind_faults_loses_no_article(tmp_path: Path) -> None:
    """The CLI with its default flags (8 in flight, retries 4) on a one-slot server taking 0.25 s
    a request, timeout 1.5 s, 30% transport faults in front: 8 requests queued take 2 s, so a
    fixed 8 in flight times out; adapting, no article fails."""
    paths = make_articles(tmp_path / "in", 16)
    out = tmp_path / "out"
    with StubLLM(slow_server(0.25, fault_rate=0.3), hang=3.0) as stub:
        code, stderr, elapsed = run(stub, [str(tmp_path / "in")], out, "--no-cache", "--timeout", "1.5")
    results = outputs(out)
    assert sorted(results) == [p.stem for p in paths]
    assert run_summary(stderr)["failed"] == 0, stderr
    assert code == 0 and all(r.status == "ok" for r in results.values())
    assert stub.outcomes["ok"] >= len(paths) and sum(stub.outcomes.values()) > stub.outcomes["ok"]
    print(f"\n{stub.requests} requests, {dict(stub.outcomes)}, {elapsed:.1f}s")
