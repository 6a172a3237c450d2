"""Requests in flight that adapt to the endpoint, as TCP adapts its window (AIMD).

A slow server queues what it cannot serve: past some number in flight every extra request only
waits longer, until timeouts turn waiting into failed articles. `AdaptiveLimit` keeps the number
in flight where answers still come back quickly:

- start at 2 and add one per fast answer (slow start) until the first sign of congestion, then
  one per window of answers (additive increase), never above the ceiling (`--concurrency`);
- halve on a timeout, a 429 or a 5xx, and cut by 30% when an answer's latency per token rises
  above twice the best seen (the request waited in the server's queue): multiplicative decrease,
  at most once per window (requests sent before the last cut do not cut again).

A request that timed out while others of ours were in flight may have spent its time queued
behind them rather than being served: it is sent again, not counted as a failed attempt
(`queued_retries` such resends per request; the cut that came with it makes the next one wait
less). A timeout of a request that was alone counts as usual.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

START = 2.0
SLOW_FACTOR = 2.0  # an answer this many times slower per token than the best seen: queued
DECREASE, SLOW_DECREASE = 0.5, 0.7


@dataclass(frozen=True)
class Ticket:
    """One request's slot: when it was sent, how many of ours were in flight with it, and the
    epoch (number of cuts so far) it was sent in."""

    sent: float
    others: int
    epoch: int


class AdaptiveLimit:
    def __init__(self, ceiling: int, start: float = START) -> None:
        self.ceiling = max(1, ceiling)
        self.limit = min(float(self.ceiling), max(1.0, start))
        self.in_flight = 0
        self.epoch = 0
        self.slow_start = True
        self.best: float | None = None  # the fastest latency per token seen
        self.history: list[tuple[float, float]] = []  # (time, limit) at each change, for benches
        self._cond = threading.Condition()

    def acquire(self) -> Ticket:
        with self._cond:
            while self.in_flight >= int(self.limit):
                self._cond.wait()
            self.in_flight += 1
            return Ticket(time.monotonic(), self.in_flight - 1, self.epoch)

    def release(self, ticket: Ticket, outcome: str, tokens: int = 0) -> None:
        """`outcome`: "ok", "timeout", "overload" (429, 5xx, connection) or "other" (no signal)."""
        with self._cond:
            self.in_flight -= 1
            if outcome == "ok":
                self._answered(ticket, tokens)
            elif outcome in ("timeout", "overload"):
                self._cut(ticket, DECREASE)
            self._cond.notify_all()

    def _answered(self, ticket: Ticket, tokens: int) -> None:
        per_token = (time.monotonic() - ticket.sent) / max(1, tokens)
        if self.best is None or per_token < self.best:
            self.best = per_token
        if per_token > SLOW_FACTOR * self.best and ticket.others > 0:
            self._cut(ticket, SLOW_DECREASE)
        elif self.limit < self.ceiling:
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
