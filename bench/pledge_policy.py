"""Commitment scores of each pledge-decision policy (summarizer/lang/pledge_decision.py) on the dev
set's build and validation parts and the seeds, rules alone (`--deterministic`): which to keep.

    python bench/pledge_policy.py            # prints one score.py line per policy and part
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from summarizer.eval.devscore import score_dirs
from summarizer.lang import pledge_decision
from summarizer.outputs.write import write_json
from summarizer.pipeline.article import run_article
from summarizer.text.ingest import load_article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"


def _parts(tmp: Path) -> dict[str, Path]:
    validation = set(json.loads((DEV / "splits.json").read_text())["validation"])
    parts = {"build": tmp / "build", "validation": tmp / "validation"}
    for d in parts.values():
        d.mkdir()
    for g in (DEV / "gold").glob("*.json"):
        (parts["validation" if g.stem in validation else "build"] / g.name).symlink_to(g)
    return parts


def main() -> None:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        parts = _parts(tmp)
        for policy in ("rules", "or", "or_unless_refused"):
            pledge_decision.DEFAULT_POLICY = policy  # type: ignore[assignment]
            out = tmp / policy
            out.mkdir()
            for path in sorted((DEV / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")):
                result = run_article(load_article(str(path)), None)
                write_json(out / f"{path.stem}.json", result.model_dump_json(indent=2))
            for name, gold in parts.items():
                print(f"{policy:18} {name:10} {score_dirs(gold, out).overall.line()}")
            seeds = subprocess.run([sys.executable, "-m", "summarizer.cli.app", "eval", "--gold",
                                    str(ROOT / "tests" / "gold"), str(out)], capture_output=True, text=True)
            print(f"{policy:18} seeds      {seeds.stdout.strip().splitlines()[-2]}")


if __name__ == "__main__":
    main()
