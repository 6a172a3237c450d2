"""Requests in flight that adapt to the endpoint, as TCP adapts its window (AIMD).

A slow server queues what it cannot serve: past some number in flight every extra request only
waits longer, until timeouts turn waiting into failed articles. `AdaptiveLimit` keeps the number
in flight where answers still come back quickly:

- start at half the ceiling and add one per fast answer (slow start) until the first sign of congestion, then
  one per window of answers (additive increase), never above the ceiling (`--concurrency`);
- cut by 30% on a timeout in the queue or a 429 (CUBIC's factor: TCP's halving lost a fifth of
  the throughput on the bench's slow server behind random faults), and by 20% when an answer's
  latency per token rises above three times the best seen, or its latency above 60% of the
  timeout (it waited in the server's queue, and more waiting would time out): multiplicative
  decrease, at most once per window (requests sent before the last cut do not cut again).

A timeout is a queue timeout when others of ours were in flight with the request and no
request sent after it came back promptly (a FIFO server answers nothing sent later first): it
may have spent its time waiting behind ours rather than being served, so the client sends it
again without counting a failed attempt (`client.QUEUED_RETRIES`, each with a longer timeout and
after the cut). A request that was alone, or lost while later ones came back (an injected hang,
a dropped connection), is an ordinary failure and no sign of congestion; nor are 5xx and resets.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

START = 0.5  # of the ceiling
SLOW_FACTOR = 3.0  # an answer this many times slower per token than the best seen: queued
DECREASE, SLOW_DECREASE = 0.7, 0.8
LATE = 0.6  # of the timeout


@dataclass(frozen=True)
class Ticket:
    """One request's slot: when it was sent, how many of ours were in flight with it, the epoch
    (number of cuts so far) it was sent in, and its number among all sent."""

    sent: float
    others: int
    epoch: int
    seq: int = 0


class AdaptiveLimit:
    def __init__(self, ceiling: int, start: float | None = None, timeout: float | None = None) -> None:
        self.ceiling = max(1, ceiling)
        self.timeout = timeout
        self.limit = min(float(self.ceiling), max(1.0, START * self.ceiling if start is None else start))
        self.in_flight = 0
        self.sent = 0
        self.epoch = 0
        self.slow_start = True
        self.best: float | None = None  # the fastest latency per token seen
        self.newest_prompt = 0.0  # when the latest request answered promptly was sent
        self.history: list[tuple[float, float]] = []  # (time, limit) at each change, for benches
        self._cond = threading.Condition()

    def acquire(self) -> Ticket:
        with self._cond:
            while self.in_flight >= int(self.limit):
                self._cond.wait()
            self.in_flight += 1
            self.sent += 1
            return Ticket(time.monotonic(), self.in_flight - 1, self.epoch, self.sent)

    def release(self, ticket: Ticket, outcome: str, tokens: int = 0) -> bool:
        """`outcome`: "ok", "timeout", "overload" (429) or "other" (no signal). True for a
        timeout in the queue (see the module's note)."""
        with self._cond:
            self.in_flight -= 1
            overlapped = ticket.others > 0 or self.sent > ticket.seq  # others sent while it waited
            # sent clearly later (requests sent at the same moment reach the server in any order)
            later = self.newest_prompt > ticket.sent + min(1.0, 0.1 * (self.timeout or 1.0))
            queued = outcome == "timeout" and overlapped and not later
            if outcome == "ok":
                self._answered(ticket, tokens)
            elif queued or outcome == "overload":
                self._cut(ticket, DECREASE)
            self._cond.notify_all()
            return queued

    def _answered(self, ticket: Ticket, tokens: int) -> None:
        latency = time.monotonic() - ticket.sent
        per_token = latency / max(1, tokens)
        if self.best is None or per_token < self.best:
            self.best = per_token
        late = self.timeout is not None and latency > LATE * self.timeout
        if ticket.others > 0 and (per_token > SLOW_FACTOR * self.best or late):
            self._cut(ticket, SLOW_DECREASE)
            return
        self.newest_prompt = max(self.newest_prompt, ticket.sent)
        if self.limit < self.ceiling:
            self._set(self.limit + (1.0 if self.slow_start else 1.0 / self.limit))

    def _cut(self, ticket: Ticket, factor: float) -> None:
        if ticket.epoch < self.epoch:
            return  # sent before the last cut: its trouble is already answered for
        self.epoch += 1
        self.slow_start = False
        self._set(max(1.0, self.limit * factor))

    def _set(self, limit: float) -> None:
        self.limit = min(float(self.ceiling), limit)
        self.history.append((time.monotonic(), self.limit))
