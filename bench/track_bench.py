"""Time and memory of `track` on 1,000 and 10,000 articles' outputs.

Synthetic outputs: the real deterministic outputs of the seeds and the non-validation dev
articles (extracted here, no model), copied with their dates moved on by whole years (copy c of
an article is c // 2 years later, in a file of its own), so that every place has ever more
pledges and later reports. Linking is grouped by place and unit/event, so its cost grows with the
size of those groups, not with all pairs. Prints the seconds of each phase, the peak RSS of
the process (sizes run in increasing order), links and the load average.

    .venv/bin/python bench/track_bench.py [N ...]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summarizer.models import ArticleResult
from summarizer.track.claims import article_claims
from summarizer.track.links import link
from summarizer.track.run import read_outputs, track

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def real_outputs(tmp: Path) -> list[ArticleResult]:
    validation = set(json.loads((SHARED / "dev" / "splits.json").read_text())["validation"])
    src, out = tmp / "src", tmp / "out"
    src.mkdir()
    for f in [*sorted((SHARED / "dev" / "articles").glob("*.txt")), *sorted((SHARED / "seeds").glob("*.txt"))]:
        if f.stem not in validation:
            (src / f.name).symlink_to(f)
    subprocess.run([sys.executable, "-m", "summarizer.cli.app", "extract", str(src), "--out", str(out),
                    "--deterministic"], check=True, capture_output=True)
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


def measure(results: list[ArticleResult]) -> dict[str, float]:
    """Seconds of the two phases (claims per article; linking) and of the whole `track`, and the
    process's peak RSS (MiB) after it."""
    t0 = time.perf_counter()
    claims = [article_claims(r) for r in results]
    t1 = time.perf_counter()
    found = link(claims)
    t2 = time.perf_counter()
    t = track(results)
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"claims": t1 - t0, "link": t2 - t1, "track": t3 - t2, "rss": rss, "links": len(found),
            "pledges": len(t.timelines)}


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    with tempfile.TemporaryDirectory() as tmp:
        real = real_outputs(Path(tmp))
    print(f"{len(real)} real outputs; load average {os.getloadavg()[0]:.2f}")
    print("articles  claims s  link s  track s  ms/article  peak RSS MiB  pledges  links")
    for n in sizes:
        m = measure(synthetic(real, n))
        print(f"{n:8d}  {m['claims']:8.2f}  {m['link']:6.2f}  {m['track']:7.2f}  {1000 * m['track'] / n:10.2f}"
              f"  {m['rss']:12.0f}  {m['pledges']:7.0f}  {m['links']:5.0f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
