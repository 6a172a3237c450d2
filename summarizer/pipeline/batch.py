"""Run the pipeline over a batch: articles on threads in this process, or the batch split into
shards, each run the same way in a forked worker process.

One process is CPU-bound at about 150 requests/s: each request costs ~6 ms of CPU (openai +
instructor ~3.5, rules ~1.2, writing ~1) under one GIL (bench/, BENCHMARKS.md). Against a fast
API at 32+ in flight, shards use the other cores. Every article still yields one `Done`, in the
parent, in completion order; outputs are written (atomically) by whoever ran the article.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import time
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as connection_wait
from pathlib import Path

from rich.markup import escape

from summarizer.config import DEFAULTS, ExtractOptions
from summarizer.errors import EndpointError, SummarizerError
from summarizer.llm.client import LLM
from summarizer.llm.embedded import die_with_parent
from summarizer.models import ArticleResult, ErrorItem, Profile, Source, Usage
from summarizer.outputs.write import dump_article, output_path, write_json
from summarizer.pipeline.article import run_article
from summarizer.text.ingest import load_article

# Requests in flight one process keeps without queueing on its own CPU (bench/: 16 in flight
# use ~40% of a core; 32 saturate it).
IN_FLIGHT_PER_PROCESS = 16


@dataclass(frozen=True)
class Options:
    """What every article of a batch is run with (the `ExtractOptions` an article needs, its
    profile resolved, and where its JSON goes)."""

    out: Path
    chunk_chars: int = DEFAULTS.chunk_chars
    max_bytes: int = DEFAULTS.max_bytes
    strict: bool = DEFAULTS.strict
    profile: Profile = "small"

    @classmethod
    def of(cls, options: ExtractOptions, out: Path, profile: Profile = "small") -> Options:
        return cls(out=out, chunk_chars=options.chunk_chars, max_bytes=options.max_bytes,
                   strict=options.strict, profile=profile)


@dataclass(frozen=True)
class Done:
    """One article finished: counts for the run summary and lines (rich markup) for stderr.
    `degraded` is 1 for an article extracted without the model's answer for `unusable` of its
    chunks (status "degraded"); `failed` is 1 for one that was not extracted. `items` counts
    its officials, metrics and commitments; `seconds` is its wall time, read to written; `kept`
    is 1 for one not run again, its output from an earlier run being complete (`--ray`)."""

    path: str
    failed: int
    usage: Usage
    messages: tuple[str, ...] = field(default=())
    degraded: int = 0
    unusable: int = 0
    items: tuple[int, int, int] = (0, 0, 0)
    seconds: float = 0.0
    kept: int = 0

    @property
    def status(self) -> str:
        return "failed" if self.failed else "degraded" if self.degraded else "ok"


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    """Worker processes are forked; only Linux is assumed safe for that (macOS is not)."""
    return sys.platform.startswith("linux")


def auto_processes(in_flight: int, articles: int) -> int:
    """Processes for an API batch: one per IN_FLIGHT_PER_PROCESS requests in flight, at most one
    per core, at least 8 articles each."""
    return max(1, min(cpu_count(), in_flight // IN_FLIGHT_PER_PROCESS, articles // 8))


def run_in_process(files: list[str], llm: LLM | None, workers: int,
                   opts: Options) -> Generator[Done, None, None]:
    """Articles run `workers` at a time (LLM calls in flight are capped by the LLM itself);
    at most 2 x workers results are pending, so memory stays flat in the batch size. A fatal
    endpoint error (bad key, unknown model) stops the batch: it is raised here."""
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        pending: dict[Future[Done], str] = {}
        todo = iter(files)
        for path in todo:
            pending[pool.submit(run_one, path, llm, workers, opts)] = path
            if len(pending) >= 2 * workers:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                del pending[fut]
                if llm is not None and llm.fatal is not None:
                    raise llm.fatal  # every later call would fail the same way
                yield fut.result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending[pool.submit(run_one, nxt, llm, workers, opts)] = nxt
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: do not wait for queued work
        if llm is not None and llm.fatal is None:  # calls not yet sent fail at once
            llm.fatal = EndpointError("the run was stopped")
        raise
    pool.shutdown()


def run_one(path: str, llm: LLM | None, workers: int, opts: Options) -> Done:
    """Ingest, extract and write one article; every failure ends up in its JSON and `Done`."""
    started = time.monotonic()
    done, output = extract_one(path, llm, workers, opts)
    if output is None:
        return done
    write_json(*output)
    return replace(done, seconds=time.monotonic() - started)


def extract_one(path: str, llm: LLM | None, workers: int, opts: Options,
                data: bytes | None = None) -> tuple[Done, tuple[Path, str] | None]:
    """Ingest and extract one article (`data`: its file's bytes, read already): its `Done`,
    and the output to write (target, JSON), None when there is none (no file for an unreadable
    input; the run stopped)."""
    started = time.monotonic()
    try:
        article = load_article(path, opts.max_bytes, data)
    except SummarizerError as exc:
        failed = ArticleResult(source=Source(file=Path(path).name), text="",
                               errors=[ErrorItem(stage="ingest", reason=str(exc))])
        output = None
        if path != "-" and (data is not None or Path(path).is_file()):
            output = (output_path(opts.out, Path(path).stem), dump_article(failed))
        return Done(path, 1, failed.usage, (f"[red]error[/red] {escape(str(exc))}",),
                    seconds=time.monotonic() - started), output
    try:
        result = run_article(article, llm, workers, opts.chunk_chars, opts.strict, opts.profile)
    except Exception as exc:  # a bug must fail this article, not the batch (nor print a traceback)
        reason = f"internal error: {type(exc).__name__}: {exc}"
        result = ArticleResult(source=article.source, text=article.text, dropped=article.dropped,
                               errors=[ErrorItem(stage="extract", reason=reason)])
    if llm is not None and llm.fatal is not None:
        return Done(path, int(result.failed), result.usage), None  # the run stops; no output for it
    return Done(path, int(result.failed), result.usage, tuple(_warning(path, e) for e in result.errors),
                degraded=int(result.degraded), unusable=len(result.errors) if result.degraded else 0,
                items=(len(result.officials), len(result.metrics), len(result.commitments)),
                seconds=time.monotonic() - started), (output_path(opts.out, article.stem),
                                                      dump_article(result))


def _warning(path: str, error: ErrorItem) -> str:
    where = f"chunk {error.chunk}: " if error.chunk is not None else ""
    return f"[yellow]warning[/yellow] {escape(f'{path}: {where}{error.reason}')}"


class ShardedRun:
    """Split the batch over `processes` forked workers, each running `run_in_process` on its
    shard with its share of `workers` (made by `make_llm(share)`: its own client and cache
    connection, diskcache being safe across processes; None for the rules alone). Forks when
    made, so make it before this process starts any thread. Iterating yields every article's
    `Done`; a worker that dies fails its unfinished articles. A fatal endpoint error is raised;
    it, Ctrl-C or `close()` terminate all workers (outputs are atomic, the cache is
    transactional: nothing half-written survives).

    Each worker reports on a pipe of its own: a shared queue has one write lock, and a worker
    killed while holding it would block every other worker for good."""

    def __init__(self, files: list[str], processes: int, make_llm: Callable[[int], LLM | None],
                 workers: int, opts: Options) -> None:
        ctx = multiprocessing.get_context("fork")
        self.shards = [files[k::processes] for k in range(processes)]
        shares = [max(1, workers // processes + (k < workers % processes)) for k in range(processes)]
        self.readers: list[Connection] = []
        self.procs: list[multiprocessing.process.BaseProcess] = []
        self.closed = False
        for k in range(processes):  # one at a time: a later fork must not inherit a write end
            reader, writer = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_worker, name=f"summarizer-shard-{k}", daemon=True,
                               args=(k, self.shards[k], make_llm, shares[k], opts, writer))
            proc.start()
            writer.close()  # only the worker holds it now: its death reads as EOF here
            self.readers.append(reader)
            self.procs.append(proc)

    def __iter__(self) -> Iterator[Done]:
        seen: list[set[str]] = [set() for _ in self.procs]
        running = set(range(len(self.procs)))
        try:
            while running:
                ready = connection_wait([self.readers[k] for k in running])
                for k in [k for k in sorted(running) if self.readers[k] in ready]:
                    try:
                        kind, _, payload = self.readers[k].recv()
                    except (EOFError, OSError, pickle.UnpicklingError):
                        kind, payload = "crash", f"exit code {self._exitcode(k)}"
                    if kind == "done" and isinstance(payload, Done):
                        seen[k].add(payload.path)
                        yield payload
                    elif kind == "fatal":  # the worker's error itself: its HTTP status and body too
                        raise payload if isinstance(payload, EndpointError) else EndpointError(str(payload))
                    elif kind == "crash":
                        running.discard(k)
                        yield from _lost(self.shards[k], seen[k], str(payload))
                    elif kind == "end":
                        running.discard(k)
        finally:
            self.close()

    def _exitcode(self, k: int) -> int | None:
        self.procs[k].join(timeout=5)  # its pipe closed: it is gone or going
        return self.procs[k].exitcode

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(timeout=5)
        for reader in self.readers:
            reader.close()


def _lost(shard: list[str], seen: set[str], why: str) -> Iterator[Done]:
    for path in shard:
        if path not in seen:
            reason = f"{path}: its worker process stopped before finishing it ({why})"
            yield Done(path, 1, Usage(), (f"[red]error[/red] {escape(reason)}",))


def _worker(k: int, files: list[str], make_llm: Callable[[int], LLM | None], workers: int,
            opts: Options, out: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()
    llm = make_llm(workers)
    try:
        for done in run_in_process(files, llm, workers, opts):
            out.send(("done", k, done))
    except EndpointError as exc:
        out.send(("fatal", k, exc))
    except Exception as exc:  # reported by the parent against this shard's unfinished articles
        out.send(("crash", k, f"{type(exc).__name__}: {exc}"))
    else:
        out.send(("end", k, None))
    finally:
        if llm is not None:
            llm.close()
        out.close()
