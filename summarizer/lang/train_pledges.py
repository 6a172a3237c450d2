"""Train the pledge classifier from a dev set's build part and write the shipped weights.

    python -m summarizer.lang.train_pledges [--dev ../shared/dev] [--out summarizer/lang/data/pledge_model.json]

Needs the `train` extra (scikit-learn). Reproducible: sorted articles, a deterministic solver,
weights rounded to 6 significant digits, keys sorted — two runs write the same bytes. The
threshold written is the one maximising F1 in leave-articles-out cross-validation (10 folds).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from summarizer.lang.pledge_corpus import Row, corpus, splits
from summarizer.lang.pledge_model import PledgeModel, Variant

C = 4.0
MIN_DF = 2  # a token seen in one training sentence only is left out (smaller weights, same F)
FOLDS = 10  # leave-articles-out cross-validation: 10 groups of articles
SHIPPED = Variant(cues=True, context=True, rules=False)
DEFAULT_OUT = Path(__file__).parent / "data" / "pledge_model.json"


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def _round(x: float) -> float:
    return float(f"{x:.6g}")


def fit(rows: Sequence[Row], variant: Variant, min_df: int = MIN_DF) -> dict[str, Any]:
    """Weights (without threshold) of the model trained on `rows`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=_identity, lowercase=False, min_df=min_df)
    x = vectorizer.fit_transform([variant.tokens(r.sentence, r.context) for r in rows])
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="lbfgs")
    model.fit(x, [int(r.label) for r in rows])
    names = vectorizer.get_feature_names_out()
    return {"variant": asdict(variant), "intercept": _round(float(model.intercept_[0])),
            "features": {str(t): [_round(float(i)), _round(float(c))]
                         for t, i, c in zip(names, vectorizer.idf_, model.coef_[0], strict=True)}}


def as_model(weights: dict[str, Any], threshold: float = 0.5) -> PledgeModel:
    return PledgeModel.from_json(json.dumps({**weights, "threshold": threshold}).encode())


def cross_validate(rows: Sequence[Row], variant: Variant, min_df: int = MIN_DF, folds: int = FOLDS) -> list[float]:
    """Out-of-fold probabilities in `rows` order: articles (sorted) dealt round-robin into
    `folds` groups, each group's articles left out of its fold's training."""
    articles = sorted({r.article for r in rows})
    fold_of = {a: k % folds for k, a in enumerate(articles)}
    probs = [0.0] * len(rows)
    for fold in range(folds):
        model = as_model(fit([r for r in rows if fold_of[r.article] != fold], variant, min_df))
        for i, r in enumerate(rows):
            if fold_of[r.article] == fold:
                probs[i] = model.probability(variant.tokens(r.sentence, r.context))
    return probs


def prf(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    p = tp / max(1, sum(predicted))
    r = tp / max(1, sum(gold))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(probs: Sequence[float], gold: Sequence[bool]) -> float:
    """The threshold (a multiple of 0.05) with the highest F1; the lowest of equals."""
    grid = [round(0.05 * k, 2) for k in range(2, 19)]
    return max(grid, key=lambda t: (prf([p >= t for p in probs], gold)[2], -t))


def train(dev: Path, variant: Variant = SHIPPED) -> dict[str, Any]:
    build, _ = splits(dev)
    rows, _ = corpus(dev, build)
    threshold = best_threshold(cross_validate(rows, variant), [r.label for r in rows])
    weights = fit(rows, variant)
    labels = [r.label for r in rows]
    return {"format": 1, "trained_on": {"articles": len(build), "sentences": len(rows), "pledges": sum(labels)},
            "c": C, "min_df": MIN_DF, "threshold": threshold, **weights}


def dump(weights: dict[str, Any]) -> str:
    return json.dumps(weights, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=Path("../shared/dev"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    text = dump(train(args.dev))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out} ({len(text.encode())} bytes)")


if __name__ == "__main__":
    main()
