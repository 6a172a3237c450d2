"""How many threads the embedded llama.cpp server gets (summarizer/llm/embedded.py: free_cores)."""

import pytest

from summarizer.llm import embedded


@pytest.mark.parametrize(("load", "threads"), [
    (0.1, 2),   # a quiet machine: every core
    (1.04, 2),  # right after `pip install` (README line 1): still every core
    (1.6, 1),   # other work on a core
    (8.0, 1),   # a busy machine: one thread (2 ran 6x slower than 1 at load 8)
])
def test_threads_follow_the_other_work(monkeypatch: pytest.MonkeyPatch, load: float, threads: int) -> None:
    monkeypatch.setattr(embedded.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(embedded.os, "getloadavg", lambda: (load, load, load))
    assert embedded.free_cores() == threads
