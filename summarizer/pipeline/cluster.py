"""`summarizer extract --ray ADDRESS`: the batch on a Ray cluster (extra `ray`, imported here only).

This process (the driver) joins a running cluster (it never starts one), reads each input's
bytes and sends the article, as one unit (its chunks stay together), to a worker actor, which
runs it as a local batch does (`batch.extract_one`) and sends back its `Done` and JSON; the
driver writes that atomically, as `run_one` does, and yields the `Done`s in completion order.

- API endpoint: `processes` worker actors (default as locally: one per 16 requests in flight,
  at most one per cluster CPU), each with a fixed share of `--concurrency`. The shares add up to
  it: the cap is cluster-wide without a round trip per request (BENCHMARKS.md).
- Embedded model: one worker actor per node, pinned there, that assembles and verifies the
  model on that node (`endpoint_for`) and owns its llama.cpp server (started on the first cache
  miss, as locally); `--concurrency` is then per node (the server has one slot).

Each node has its own cache (`--cache-dir`, or the default of that node's user). A worker that
dies is restarted and its articles are run again (twice); after that they are reported failed. A
rerun keeps the outputs that are complete (status ok, same model, newer than the input).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from rich.markup import escape

from summarizer.config import ExtractOptions
from summarizer.errors import ClusterError, EndpointError, InputError, ModelSetupError
from summarizer.llm.client import LLM
from summarizer.llm.embedded import MODELS
from summarizer.llm.endpoint import answer_cache, default_profile, endpoint_for
from summarizer.models import ArticleResult, Usage
from summarizer.outputs.write import output_path, write_json
from summarizer.pipeline.batch import IN_FLIGHT_PER_PROCESS, Done, Options, extract_one, run_one
from summarizer.text.ingest import read_bytes

RETRIES = 2  # a worker that dies is restarted, and its articles run again, this many times
STARTUP = 600  # seconds the workers have to start
_closing = threading.Event()  # the driver is ending its workers


def import_ray() -> Any:
    try:
        import ray
        import ray._private.worker as ray_worker
    except ImportError:
        raise ClusterError("--ray needs Ray on this machine and on every node: "
                           "pip install 'summarizer[ray]'") from None
    # The cluster's messages to the driver (a worker died) go to stderr; stdout stays empty.
    show = ray_worker.print_to_stdstream

    def to_stderr(data: dict[str, Any], ignore_prefix: bool) -> None:
        if not _closing.is_set():
            show({**data, "is_err": True}, ignore_prefix)

    ray_worker.print_to_stdstream = to_stderr
    return ray


class Worker:
    """A Ray actor: runs articles `share` at a time with its own LLM client and cache connection
    (the node's cache); for the embedded model it owns the node's llama.cpp server."""

    def __init__(self, options: ExtractOptions, share: int, opts: Options) -> None:
        self.stack = ExitStack()
        self.share, self.opts = share, opts
        self.llm: LLM | None = None
        self.problem: str | None = None
        try:
            if not options.deterministic:
                endpoint = self.stack.enter_context(endpoint_for(options))
                self.llm = LLM(endpoint, answer_cache(options), max_in_flight=share)  # this node's cache
        except Exception as exc:  # reported by the driver, naming the node
            self.problem = str(exc)

    def ready(self) -> tuple[str, str | None]:
        """This worker's node (its IP address), and None or why it cannot run articles (the model
        is not installed there)."""
        import ray

        return ray.util.get_node_ip_address(), self.problem

    def run(self, path: str, data: bytes) -> tuple[Done, tuple[Path, str] | None, EndpointError | None]:
        done, output = extract_one(path, self.llm, self.share, self.opts, data)
        return done, output, self.llm.fatal if self.llm else None


class RayRun:
    """The batch on the cluster at `address`: iterate for each article's `Done`; `close()` (also
    on Ctrl-C, a fatal endpoint error or the end) stops the workers and leaves the cluster.
    Outputs go to `out`; `processes` as for `summarizer extract --processes`."""

    def __init__(self, address: str, files: list[str], options: ExtractOptions, out: Path,
                 processes: int | None = None) -> None:
        self.ray = ray = import_ray()
        self.files = files
        self.options = options
        self.model = "deterministic"
        api = not options.deterministic and bool(options.base_url)
        embedded = not options.deterministic and not api
        profile = default_profile(None, options.profile)  # as for the embedded model
        if api:
            with endpoint_for(options) as endpoint:  # checks them (a model is named) on the driver
                self.model = endpoint.model
                profile = default_profile(endpoint, options.profile)
        elif embedded:
            if options.embedded_model not in MODELS:
                raise ModelSetupError(f"unknown embedded model {options.embedded_model!r}; "
                                      f"choose one of {sorted(MODELS)}")
            self.model = MODELS[options.embedded_model].name
        self.opts = Options.of(options, out, profile)
        on_sigterm = signal.getsignal(signal.SIGTERM)
        try:
            ray.init(address=address, logging_level="ERROR", log_to_driver=False)
            signal.signal(signal.SIGTERM, on_sigterm)  # Ray's would exit(15) before closing
        except Exception as exc:
            raise ClusterError(f"cannot join the Ray cluster at {address}: {' '.join(str(exc).split())} "
                               "(start one with: ray start --head)") from None
        self.actors: list[Any] = []
        self.where: list[str] = []  # each worker's node
        self.pending: dict[Any, tuple[str, int]] = {}  # result -> (path, worker)
        try:
            self._start(embedded, options.concurrency, processes)
        except BaseException:
            self.close()
            raise

    def _start(self, embedded: bool, concurrency: int | None, processes: int | None) -> None:
        ray = self.ray
        remote = not self.options.deterministic  # a model answers (embedded or API)
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        nodes = [n for n in ray.nodes() if n["Alive"] and n["Resources"].get("CPU", 0) >= 1]
        cpus = max(1, int(sum(n["Resources"]["CPU"] for n in nodes)))
        workers = concurrency or (8 if remote and not embedded else 1)  # as locally
        actor = ray.remote(num_cpus=1, max_restarts=RETRIES, max_task_retries=RETRIES)(Worker)
        if embedded:  # one per node, pinned there, each with `workers` in flight on its own server
            self.shares = [workers] * len(nodes)
            self.actors = [actor.options(scheduling_strategy=NodeAffinitySchedulingStrategy(
                n["NodeID"], soft=False), max_concurrency=workers).remote(self.options, workers, self.opts)
                           for n in nodes]
        else:  # the in-flight cap shared out: at least one request per worker
            auto = max(1, min(workers // IN_FLIGHT_PER_PROCESS, len(self.files) // 8)) if remote else cpus
            count = max(1, min(processes or auto, cpus, workers if remote else cpus))
            self.shares = [max(1, workers // count + (k < workers % count)) if remote else 1
                           for k in range(count)]
            self.actors = [actor.options(max_concurrency=share).remote(self.options, share, self.opts)
                           for share in self.shares]
        if not self.actors:
            raise ClusterError("no node of the Ray cluster has a CPU for a worker (ray status shows them)")
        try:  # a worker for the embedded model may first assemble and check it (1.1 GB)
            started = ray.get([a.ready.remote() for a in self.actors], timeout=STARTUP)
        except ray.exceptions.GetTimeoutError:
            raise ClusterError(f"the workers did not start within {STARTUP} s (ray status shows the "
                               "cluster's free resources)") from None
        self.where = [where for where, _ in started]
        for where, problem in started:
            if problem:
                raise ClusterError(f"a worker on {where} cannot start: {problem}")

    def __iter__(self) -> Iterator[Done]:
        ray = self.ray
        load = [0] * len(self.actors)
        alive = set(range(len(self.actors)))
        self.pending = pending = {}  # result -> (path, worker)
        todo = iter(self.files)
        try:
            while True:
                while any(load[k] < 2 * self.shares[k] for k in alive):  # backlog: twice the share
                    path = next(todo, None)
                    if path is None:
                        break
                    kept = self._kept(path)
                    if kept is not None:
                        yield kept
                        continue
                    try:
                        data = read_bytes(path, self.opts.max_bytes)
                    except InputError:  # recorded (and its JSON written) here, as locally
                        yield run_one(path, None, 1, self.opts)
                        continue
                    k = min(alive, key=lambda k: load[k] / self.shares[k])
                    pending[self.actors[k].run.remote(path, data)] = (path, k)
                    load[k] += 1
                if not pending:
                    return
                ready, _ = ray.wait(list(pending), num_returns=1, timeout=0.5)
                for ref in ready:
                    path, k = pending.pop(ref)
                    load[k] -= 1
                    try:
                        done, output, fatal = ray.get(ref)
                    except ray.exceptions.RayTaskError as exc:  # a bug: this article fails, not the run
                        yield _lost(path, f"internal error: {_first_line(exc)}")
                        continue
                    except ray.exceptions.RayActorError as exc:  # restarted RETRIES times already
                        alive.discard(k)
                        yield _lost(path, f"its worker on {self.where[k]} died: {_first_line(exc)}")
                        if not alive:
                            todo = iter([])
                            for path, _k in pending.values():
                                yield _lost(path, "no worker is left")
                            pending.clear()
                        continue
                    if fatal is not None:
                        raise fatal
                    if output is not None:
                        write_json(*output)
                    yield done
        finally:
            self.close()

    def _kept(self, path: str) -> Done | None:
        """The `Done` of an article whose output a run before this one completed, or None."""
        if path == "-":
            return None
        target = output_path(self.opts.out, Path(path).stem)
        try:
            if target.stat().st_mtime < os.stat(path).st_mtime:
                return None
            before = ArticleResult.model_validate_json(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if before.status != "ok" or before.model != self.model:
            return None
        return Done(path, 0, Usage(), items=(len(before.officials), len(before.metrics), len(before.commitments)),
                    kept=1)

    def close(self) -> None:
        """End the workers (and with them their model servers; what they were running is dropped,
        nothing is written for it) and leave the cluster. Ray's shutdown with tasks of this
        driver still pending sometimes ends the process (exit 1, silently): they are cancelled
        and settled first."""
        ray, actors, self.actors = self.ray, self.actors, []
        if not ray.is_initialized():
            return
        _closing.set()  # what Ray says about the workers ended here is no news
        for actor in actors:
            with contextlib.suppress(Exception):
                ray.kill(actor, no_restart=True)
        if self.pending:
            with contextlib.suppress(Exception):
                ray.wait(list(self.pending), num_returns=len(self.pending), timeout=5)
        ray.shutdown()


def _first_line(exc: BaseException) -> str:
    return next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)


def _lost(path: str, why: str) -> Done:
    return Done(path, 1, Usage(), (f"[red]error[/red] {escape(f'{path}: {why}')}",))
