"""The genre's scores: the dev set's build and validation parts (score.py's measures) and the seeds
(`summarizer eval --gold tests/gold`), for one output directory or a fresh rules-only run.

    python bench/genre_scores.py                 # extracts seeds + dev with --deterministic first
    python bench/genre_scores.py OUT_DIR         # scores outputs already made (e.g. with the model)
    python bench/genre_scores.py --counts [OUT]  # each cell as hits/total too

Prints a Markdown table (docs/quality.md keeps it). The validation part is scored, never read.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from summarizer.eval.devscore import DevCounts, score_dirs

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
MEASURES = ("numbers", "metric_precision", "subject", "period", "officials_recall", "officials_precision",
            "commit_recall", "commit_precision", "commit_target", "commit_deadline", "commit_responsible")


def _parts(tmp: Path, out: Path) -> dict[str, DevCounts]:
    validation = set(json.loads((DEV / "splits.json").read_text())["validation"])
    scores = {}
    for part in ("build", "validation"):
        gold = tmp / part
        gold.mkdir()
        for g in (DEV / "gold").glob("*.json"):
            if (g.stem in validation) == (part == "validation") and (out / g.name).exists():
                (gold / g.name).symlink_to(g)
        if any(gold.iterdir()):  # a part with no outputs (a run on the validation part only) is left out
            scores[part] = score_dirs(gold, out).overall
    return scores


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--counts"]
    counts = len(args) < len(sys.argv) - 1
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        if args:
            out = Path(args[0])
        else:
            out = tmp / "out"
            subprocess.run([sys.executable, "-m", "summarizer.cli.app", "extract", str(ROOT / "seeds"),
                            str(DEV / "articles"), "--out", str(out), "--deterministic"],
                           check=True, capture_output=True)
        scores = _parts(tmp, out)
        print("| measure | " + " | ".join(scores) + " |")
        print("|---|" + "---|" * len(scores))
        for name in MEASURES:
            cells = [getattr(c, name) for c in scores.values()]
            shown = [r.rate() + (f" ({r.fraction()})" if counts else "") for r in cells]
            print(f"| {name} | " + " | ".join(shown) + " |")
        print("| hallucinated | " + " | ".join(str(c.hallucinated) for c in scores.values()) + " |")
        seeds = subprocess.run([sys.executable, "-m", "summarizer.cli.app", "eval", "--gold",
                                str(ROOT / "tests" / "gold"), str(out)], capture_output=True, text=True)
        print("\nSeeds (tests/gold, P/R/F1):", seeds.stdout.strip().splitlines()[-2])


if __name__ == "__main__":
    main()
