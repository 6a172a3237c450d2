"""Commitment scores of the whole pipeline on the build part with the pledge classifier trained
out of fold: each article is extracted by a model that never saw it (10 folds of articles, as
`train_pledges.cross_validate`). The build part's honest figure for what the classifier adds —
the shipped weights were trained on every build article, so `bench/genre_scores.py` flatters it.

    python bench/oof_pipeline.py [--thresholds 0.5 0.6] [--c 4] [--no-seeds] [--keep DIR]

As `train_pledges` does, the seeds (`pledge_corpus.seed_rows`) train every fold (`--no-seeds`: not).

Rules alone, `--deterministic`; the validation part is not touched. Needs the `train` extra.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from summarizer.eval.devscore import score_dirs
from summarizer.lang import pledge_model, train_pledges
from summarizer.lang.pledge_corpus import corpus, seed_rows, splits
from summarizer.outputs.write import write_json
from summarizer.pipeline.article import run_article
from summarizer.text.ingest import load_article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"


def fold_models(c: float, with_seeds: bool = True) -> dict[str, dict]:
    """Per build article, the weights of the model trained on the other folds (and the seeds)."""
    train_pledges.C = c
    build, _ = splits(DEV)
    rows, _ = corpus(DEV, build)
    extra = seed_rows(*train_pledges.default_seeds(DEV)) if with_seeds else []
    fold_of = {a: k % train_pledges.FOLDS for k, a in enumerate(sorted(build))}
    weights = {}
    for fold in range(train_pledges.FOLDS):
        w = train_pledges.fit([r for r in rows if fold_of[r.article] != fold] + extra, train_pledges.SHIPPED)
        weights.update({a: w for a in build if fold_of[a] == fold})
    return weights


def score(weights: dict[str, dict], threshold: float, tmp: Path) -> str:
    out, gold = tmp / f"out{threshold}", tmp / f"gold{threshold}"
    out.mkdir()
    gold.mkdir()
    original = pledge_model.load_model
    try:
        for stem, w in sorted(weights.items()):
            model = train_pledges.as_model(w, threshold)
            pledge_model.load_model = lambda model=model: model  # type: ignore[assignment]
            result = run_article(load_article(str(DEV / "articles" / f"{stem}.txt")), None)
            write_json(out / f"{stem}.json", result.model_dump_json(indent=2))
            (gold / f"{stem}.json").symlink_to(DEV / "gold" / f"{stem}.json")
    finally:
        pledge_model.load_model = original  # type: ignore[assignment]
    c = score_dirs(gold, out).overall
    return " ".join(f"{m}={getattr(c, m).rate()} ({getattr(c, m).fraction()})" for m in
                    ("commit_recall", "commit_precision", "commit_target", "commit_deadline", "commit_responsible"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.5])
    parser.add_argument("--c", type=float, default=train_pledges.C)
    parser.add_argument("--no-seeds", action="store_true", help="train the folds on the build part alone")
    parser.add_argument("--keep", type=Path, help="write the outputs here (for bench/misses.py)")
    args = parser.parse_args()
    weights = fold_models(args.c, not args.no_seeds)
    with tempfile.TemporaryDirectory() as t:
        tmp = args.keep or Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        for threshold in args.thresholds:
            seeds = "" if args.no_seeds else " +seeds"
            print(f"C={args.c}{seeds} threshold={threshold}: {score(weights, threshold, tmp)}", flush=True)


if __name__ == "__main__":
    main()
