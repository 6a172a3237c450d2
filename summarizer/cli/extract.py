"""`summarizer extract`: run the pipeline over files and directories, one JSON per article.

Its options are the fields of `config.ExtractOptions` (default, --help line, lower bound and
environment variable come from there), plus what only a batch has: `--out`, `--processes`, `--ray`.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from summarizer.config import ENVIRONMENT, ExtractOptions
from summarizer.errors import SummarizerError
from summarizer.llm.client import LLM
from summarizer.llm.embedded import MODELS
from summarizer.llm.endpoint import Endpoint, answer_cache, default_concurrency, default_profile, endpoint_for
from summarizer.models import Profile
from summarizer.pipeline.batch import Done, Options, ShardedRun, auto_processes, can_fork, run_in_process
from summarizer.text.ingest import ARTICLE_SUFFIXES, discover

if TYPE_CHECKING:
    from summarizer.pipeline.cluster import RayRun

# soft_wrap: a message stays one line however long (no hard wraps at the console width).
# Messages are escape()d: "[b]" in a path or ".[local]" in advice is text, not rich markup.
err = Console(stderr=True, soft_wrap=True)
# The help of what only a batch has (the rest is ExtractOptions').
INPUTS_HELP = ("Files (read whatever their extension), directories or - for stdin. A directory is "
               f"searched recursively for {', '.join(ARTICLE_SUFFIXES)} files; its other files "
               "(Markdown, images, data) are skipped and listed on stderr, hidden ones (.name) "
               "ignored: name a file to extract it.")
PROCESSES_HELP = ("Worker processes sharing the batch, Linux (default for APIs: one per 16 "
                  "requests in flight, at most one per core; else 1; the embedded model always uses 1); "
                  "with --ray, worker actors on the cluster (at most one per CPU).")
RAY_HELP = ("Run on the Ray cluster at ADDRESS (auto: the one this machine is part of; extra "
            "`ray`): embedded, one model server per node, --concurrency per node; API, "
            "--concurrency in total, --processes worker actors. Outputs are written here; "
            "complete ones from an earlier run are kept.")
COUNTED = ("llm_calls", "cache_hits", "prompt_tokens", "completion_tokens")


def _option(name: str, flags: str | None = None, **extra: Any) -> Any:
    """The typer option of the `ExtractOptions` field `name`: its default, --help line, lower
    bound (`ge`) and environment variable are the field's; the flag is --name-with-dashes."""
    field = ExtractOptions.model_fields[name]
    lower = next((m.ge for m in field.metadata if hasattr(m, "ge")), None)
    help_line = (field.description or "").format(models=", ".join(MODELS))
    if lower is not None:
        extra["min"] = lower
    if name in ENVIRONMENT:
        extra["envvar"] = ENVIRONMENT[name]
    return typer.Option(field.default, flags or f"--{name.replace('_', '-')}", help=help_line, **extra)


@contextmanager
def _maybe_endpoint(options: ExtractOptions) -> Iterator[Endpoint | None]:
    if options.deterministic:
        yield None
        return
    with endpoint_for(options, say=lambda line: err.print(f"[dim]{escape(line)}[/dim]")) as endpoint:
        yield endpoint


class Terminated(KeyboardInterrupt):
    """SIGTERM: handled as Ctrl-C is, with its own exit status (143)."""


def _sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise Terminated


def extract_command(
    inputs: list[str] = typer.Argument(..., show_default=False, help=INPUTS_HELP),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output directory."),
    model: str | None = _option("model"),
    base_url: str | None = _option("base_url"),
    api_key: str | None = _option("api_key", show_default=False),
    embedded_model: str = _option("embedded_model"),
    cache_dir: Path | None = _option("cache_dir"),
    cache: bool = _option("cache", "--cache/--no-cache"),
    concurrency: int | None = _option("concurrency"),
    processes: int | None = typer.Option(None, "--processes", min=1, help=PROCESSES_HELP),
    chunk_chars: int = _option("chunk_chars"),
    max_bytes: int = _option("max_bytes"),
    timeout: float = _option("timeout"),
    max_retries: int = _option("max_retries"),
    strict: bool = _option("strict"),
    deterministic: bool = _option("deterministic"),
    profile: Profile | None = _option("profile"),
    ray: str | None = typer.Option(None, "--ray", envvar="RAY_ADDRESS", metavar="ADDRESS", show_default=False,
                                   help=RAY_HELP),
) -> None:
    """Extract officials, metrics and commitments from articles into OUT/<stem>.json.

    Exit status: 0 when every article was extracted; 3 when none failed but some are degraded
    (the model gave no usable answer for a chunk, even asked again with a repetition penalty:
    the rule-found items and the summary are there, the chunk is under "errors"); 1 when any
    article failed (reason in its JSON under "errors" and on stderr); 2 on a setup error (no
    model, bad endpoint, rejected key); 130 on Ctrl-C, 143 on SIGTERM (within a second: answers
    in flight are abandoned; outputs written so far are complete, articles cut short have none).
    """
    given = dict(locals())  # the command's parameters, as typer parsed them
    signal.signal(signal.SIGTERM, _sigterm)
    options = ExtractOptions.of(**{k: v for k, v in given.items() if k in ExtractOptions.model_fields})
    selection = discover(inputs)
    problems = selection.problems
    files = _unique_outputs(selection.files, problems)
    for folder, skipped in selection.skipped.items():
        err.print(skipped_line(folder, skipped), markup=False, highlight=False)
    for path, problem in problems:
        err.print(f"[red]error[/red] {escape(f'{path}: {problem}')}")
    totals: dict[str, Any] = {"articles": 0, **dict.fromkeys(COUNTED, 0),
                              "skipped": sum(map(len, selection.skipped.values()))}
    counts = {"failed": len(problems), "degraded": 0, "unusable": 0}
    started = time.monotonic()
    _run(files, options, out, processes, ray, totals, counts)
    totals["seconds"] = round(time.monotonic() - started, 2)
    err.print(outcome_line(totals["articles"] + len(problems), counts["degraded"], counts["unusable"],
                           counts["failed"]), markup=False, highlight=False)
    err.print(json.dumps({"run": totals, "failed": counts["failed"], "degraded": counts["degraded"],
                          "unusable_chunks": counts["unusable"]}, ensure_ascii=False),
              markup=False, highlight=False)
    raise typer.Exit(exit_status(counts["failed"], counts["degraded"]))


def _run(files: list[str], options: ExtractOptions, out: Path, processes: int | None, ray: str | None,
         totals: dict[str, Any], counts: dict[str, int]) -> None:
    """Run the batch (here or on a cluster), counting into `totals` and `counts`; a setup error
    exits 2, Ctrl-C 130 and SIGTERM 143."""
    llm: list[LLM] = []  # the in-process LLM, to close
    try:
        with ExitStack() as stack:
            results = _start(stack, files, options, out, processes, ray, totals, llm)
            _follow(results, files, totals, counts)
    except SummarizerError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt as exc:
        # The embedded server was killed on the way here (llm.endpoint.endpoint_for), requests in
        # flight are abandoned: no waiting for an answer nobody will read.
        code = 143 if isinstance(exc, Terminated) else 130
        err.print(f"[red]interrupted[/red]{' by SIGTERM' * (code == 143)}: "
                  "outputs written so far are complete")
        _exit_now_if_busy(code)
        raise typer.Exit(code) from None
    finally:
        for client in llm:
            client.close()


def _start(stack: ExitStack, files: list[str], options: ExtractOptions, out: Path,
           processes: int | None, ray: str | None, totals: dict[str, Any],
           llm: list[LLM]) -> RayRun | ShardedRun | Generator[Done, None, None]:
    """The batch's `Done`s: on the Ray cluster at `ray`, in forked shards, or in this process."""
    if ray:
        from summarizer.pipeline.cluster import RayRun  # imports Ray only when asked for

        run = RayRun(ray, files, options, out, processes)
        totals["workers"], totals["kept"] = len(run.actors), 0
        return run
    endpoint = stack.enter_context(_maybe_endpoint(options))
    opts = Options.of(options, out, default_profile(endpoint, options.profile))
    workers = options.concurrency or default_concurrency(endpoint)
    cache = answer_cache(options)
    shards = 1  # stdin is read once, the embedded server is one process: not split
    if can_fork() and "-" not in files and (endpoint is None or not endpoint.embedded):
        auto = auto_processes(workers, len(files)) if endpoint else 1
        # an API's in-flight budget is shared out, at least one request per process
        limit = min(len(files), workers) if endpoint else len(files)
        shards = max(1, min(processes or auto, limit))
    totals["processes"] = shards
    if shards > 1:  # forks now, before the progress bar starts its thread
        def make_llm(share: int) -> LLM | None:
            return LLM(endpoint, cache, max_in_flight=share) if endpoint else None

        return ShardedRun(files, shards, make_llm, workers, opts)
    if endpoint:
        llm.append(LLM(endpoint, cache, max_in_flight=workers))
    return run_in_process(files, llm[0] if llm else None, workers, opts)


def _follow(results: RayRun | ShardedRun | Generator[Done, None, None], files: list[str],
            totals: dict[str, Any], counts: dict[str, int]) -> None:
    """Count each finished article and show it: a progress bar on a terminal, else a log line."""
    live = sys.stderr.isatty()  # else (a log, CI, cron): one line per article instead
    with _progress(live) as progress:
        task = progress.add_task("articles", total=len(files))
        try:
            for done in results:
                for line in done.messages:
                    err.print(line)
                if not live:
                    err.print(article_line(totals["articles"] + 1, len(files), done),
                              markup=False, highlight=False)
                counts["failed"] += done.failed
                counts["degraded"] += done.degraded
                counts["unusable"] += done.unusable
                totals["articles"] += 1
                if done.kept:
                    totals["kept"] += 1
                for k in COUNTED:
                    totals[k] += getattr(done.usage, k)
                progress.update(task, advance=1, description=(
                    f"{Path(done.path).name} · calls {totals['llm_calls']} · cache "
                    f"{totals['cache_hits']} · tokens {totals['prompt_tokens']}"
                    f"+{totals['completion_tokens']}"))
        finally:
            results.close()


def exit_status(failed: int, degraded: int) -> int:
    """0 all extracted, 1 any failed, 3 none failed but some degraded (2 is a setup error)."""
    return 1 if failed else 3 if degraded else 0


def outcome_line(articles: int, degraded: int, unusable: int, failed: int) -> str:
    """"12 articles: 11 ok, 1 degraded (model output unusable on 1 chunk), 0 failed"."""
    why = f" (model output unusable on {unusable} chunk{'s' * (unusable != 1)})" if degraded else ""
    return (f"{articles} article{'s' * (articles != 1)}: {articles - degraded - failed} ok, "
            f"{degraded} degraded{why}, {failed} failed")


def skipped_line(folder: str, skipped: list[str], show: int = 5) -> str:
    """"skipped 2 files in in/ that are no articles: in/links.md, in/logo.png (…)"."""
    names = ", ".join(skipped[:show]) + (f" and {len(skipped) - show} more" if len(skipped) > show else "")
    return (f"skipped {len(skipped)} file{'s' * (len(skipped) != 1)} in {folder} that "
            f"{'are' if len(skipped) != 1 else 'is'} no article{'s' * (len(skipped) != 1)}: {names} "
            f"(a directory is read for {' '.join(ARTICLE_SUFFIXES)} files; name a file to extract it)")


def article_line(n: int, total: int, done: Done) -> str:
    """The log line of an article as it finishes, when stderr is no terminal:
    "[3/12] in/a.txt: ok, 3 officials, 40 metrics, 12 commitments, 2 LLM calls, 0 cache hits, 41.2 s"."""
    officials, metrics, commitments = done.items
    status = done.status + " (kept from an earlier run)" * done.kept
    return (f"[{n}/{total}] {done.path}: {status}, {officials} official{'s' * (officials != 1)}, "
            f"{metrics} metric{'s' * (metrics != 1)}, {commitments} commitment{'s' * (commitments != 1)}, "
            f"{done.usage.llm_calls} LLM call{'s' * (done.usage.llm_calls != 1)}, "
            f"{done.usage.cache_hits} cache hit{'s' * (done.usage.cache_hits != 1)}, {done.seconds:.1f} s")


def _exit_now_if_busy(code: int) -> None:
    """After Ctrl-C/SIGTERM, requests still in flight would hold the exit for up to
    --timeout x retries. Outputs are written atomically and the cache is transactional
    (a SIGKILL mid-run loses nothing: tests/test_faults.py), so do not wait for them."""
    busy = [t for t in threading.enumerate()
            if t is not threading.main_thread() and t.is_alive() and not t.daemon]
    if busy:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _unique_outputs(files: list[str], problems: list[tuple[str, str]]) -> list[str]:
    """Two inputs with one stem (a/x.txt, b/x.html) would write one OUT/x.json: the later one
    is reported as an input problem instead of silently overwriting the first one's output."""
    owner: dict[str, str] = {}
    kept = []
    for path in files:
        stem = "stdin" if path == "-" else Path(path).stem
        if stem in owner:
            problems.append((path, f"its output {stem}.json would overwrite that of {owner[stem]}; "
                                   "rename one of them or extract it with another --out"))
            continue
        owner[stem] = path
        kept.append(path)
    return kept


def _progress(live: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=err, disable=not live)


def schema_command(out_dir: Path = typer.Argument(Path("schemas"), help="Directory to write the schema into.")) -> None:
    """Write the JSON Schema of the output to OUT_DIR/article.schema.json."""
    from summarizer.outputs.schema import write_schemas

    for path in write_schemas(out_dir):
        typer.echo(str(path))
