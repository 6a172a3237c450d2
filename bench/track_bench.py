"""Time and memory of `track` on 1,000 and 10,000 articles' outputs.

Synthetic outputs: the real deterministic outputs of the seeds and the non-validation dev
articles (extracted here, no model), copied with their dates moved on by whole years (copy c of
an article is c // 2 years later, in a file of its own), so that every place has ever more
pledges and later reports. Linking is grouped by place and unit/event, so its cost grows with the
size of those groups, not with all pairs. Prints seconds, peak Python memory (tracemalloc),
links and the load average.

    .venv/bin/python bench/track_bench.py [N ...]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import ArticleResult
from summarizer.track.run import read_outputs, track

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def real_outputs(tmp: Path) -> list[ArticleResult]:
    validation = set(json.loads((SHARED / "dev" / "splits.json").read_text())["validation"])
    src, out = tmp / "src", tmp / "out"
    src.mkdir()
    for f in [*sorted((SHARED / "dev" / "articles").glob("*.txt")), *sorted((SHARED / "seeds").glob("*.txt"))]:
        if f.stem not in validation:
            (src / f.name).symlink_to(f)
    run = CliRunner().invoke(app, ["extract", str(src), "--out", str(out), "--deterministic"])
    assert run.exit_code == 0, run.output
    return read_outputs([out])[0]


def synthetic(real: list[ArticleResult], n: int) -> list[ArticleResult]:
    out = []
    for i in range(n):
        r = real[i % len(real)]
        copy = i // len(real)
        stem = Path(r.source.file).stem
        date = r.source.date
        year = int(date[:4]) if date else None
        if year is None:  # the year in the file name, moved on
            digits = [int(w) for w in stem.replace("-", "_").split("_") if w.isdigit() and len(w) == 4]
            year = digits[-1] if digits else 2020
        new_date = f"{year + copy // 2}{(date or '')[4:] or '-06-01'}"
        source = r.source.model_copy(update={"file": f"{stem}_c{copy}.txt", "date": new_date})
        out.append(r.model_copy(update={"source": source}))
    return out


def measure(results: list[ArticleResult]) -> tuple[float, float, int, int]:
    tracemalloc.start()
    t0 = time.perf_counter()
    t = track(results)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, len(t.links), len(t.timelines)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    with tempfile.TemporaryDirectory() as tmp:
        real = real_outputs(Path(tmp))
    print(f"{len(real)} real outputs; load average {os.getloadavg()[0]:.2f}")
    print("articles  seconds  ms/article  peak MiB  pledges  links")
    for n in sizes:
        seconds, peak, links, pledges = measure(synthetic(real, n))
        print(f"{n:8d}  {seconds:7.2f}  {1000 * seconds / n:10.2f}  {peak:8.1f}  {pledges:7d}  {links:5d}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
