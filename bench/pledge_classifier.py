"""Rules, the pledge classifier, and both: sentence-level precision / recall / F1.

    python bench/pledge_classifier.py [--dev ../shared/dev] [--write docs/pledge_classifier.md]

Build part: leave-articles-out cross-validation (10 folds of articles). Validation part: models
trained on the whole build part, scored on the validation articles — which are read only to be
scored: no sentence of theirs is printed. "rules" is the pipeline's decision (`PlanScope.step`);
the gold label is a gold commitment keyword in the sentence (`pledge_corpus`). Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Sequence
from pathlib import Path

from summarizer.lang.pledge_corpus import Row, corpus, splits
from summarizer.lang.pledge_model import Variant, load_model
from summarizer.lang.train_pledges import as_model, best_threshold, cross_validate, fit, prf

VARIANTS = {
    "text (char n-grams only)": Variant(cues=False, context=False, rules=False),
    "text + cues": Variant(cues=True, context=False, rules=False),
    "text + cues + context (shipped)": Variant(cues=True, context=True, rules=False),
    "text + cues + context + rules' decision": Variant(cues=True, context=True, rules=True),
}


def cells(predicted: Sequence[bool], gold: Sequence[bool]) -> str:
    return " | ".join(f"{x:.2f}" for x in prf(predicted, gold))


def table_rows(name: str, probs: Sequence[float], rows: Sequence[Row], threshold: float) -> list[str]:
    gold = [r.label for r in rows]
    rules = [r.rules for r in rows]
    out = []
    for t in sorted({0.5, threshold}):
        yes = [p >= t for p in probs]
        either = [a or b for a, b in zip(yes, rules, strict=True)]
        both = [a and b for a, b in zip(yes, rules, strict=True)]
        out.append(f"| {name} | {t:.2f} | {cells(yes, gold)} | {cells(either, gold)} | {cells(both, gold)} |")
    return out


def measure(dev: Path) -> list[str]:
    build, validation = splits(dev)
    train_rows, unplaced_build = corpus(dev, build)
    valid_rows, unplaced_valid = corpus(dev, validation)
    head = "| classifier | threshold | P | R | F | OR rules: P | R | F | AND rules: P | R | F |"
    rule = "|---|---|---|---|---|---|---|---|---|---|---|"
    lines = [f"Build part: {len(build)} articles, {len(train_rows)} sentences, "
             f"{sum(r.label for r in train_rows)} pledges ({unplaced_build} gold keywords in no sentence). "
             f"Validation part: {len(validation)} articles, {len(valid_rows)} sentences, "
             f"{sum(r.label for r in valid_rows)} pledges ({unplaced_valid} gold keywords in no sentence).", ""]
    for part, rows in (("build, cross-validated", train_rows), ("validation", valid_rows)):
        gold = [r.label for r in rows]
        lines.append(f"Rules alone on the {part.split(',')[0]} part: P | R | F = "
                     f"{cells([r.rules for r in rows], gold)}")
    build_table, valid_table = [head, rule], [head, rule]
    for name, variant in VARIANTS.items():
        started = time.monotonic()
        probs = cross_validate(train_rows, variant)
        threshold = best_threshold(probs, [r.label for r in train_rows])
        build_table += table_rows(name, probs, train_rows, threshold)
        model = as_model(fit(train_rows, variant))
        valid_probs = [model.probability(variant.tokens(r.sentence, r.context)) for r in valid_rows]
        valid_table += table_rows(name, valid_probs, valid_rows, threshold)
        print(f"{name}: {time.monotonic() - started:.0f} s", flush=True)
    shipped = load_model()
    shipped_probs = [shipped.probability(shipped.variant.tokens(r.sentence, r.context)) for r in valid_rows]
    valid_table += table_rows(f"shipped weights {shipped.version}", shipped_probs, valid_rows, shipped.threshold)
    return [*lines, "", "Build part, leave-articles-out cross-validation (10 folds); the second row of a "
            "variant is at the threshold with the best cross-validated F1:", "", *build_table, "",
            "Validation part (trained on the whole build part; thresholds from the build part's cross-validation):",
            "", *valid_table]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=Path("../shared/dev"))
    parser.add_argument("--write", type=Path, help="also write the tables into this markdown file's figures block")
    args = parser.parse_args()
    started = time.monotonic()
    lines = measure(args.dev)
    lines += ["", f"Measured in {time.monotonic() - started:.0f} s, load average {os.getloadavg()[0]:.1f} (2 cores)."]
    print("\n".join(lines))
    if args.write:
        write_figures(args.write, lines)


BEGIN, END = "<!-- figures: bench/pledge_classifier.py -->", "<!-- end figures -->"


def write_figures(path: Path, lines: list[str]) -> None:
    """Replace the block between the figure markers (the rest of the page is prose)."""
    text = path.read_text(encoding="utf-8")
    before, rest = text.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(f"{before}{BEGIN}\n{chr(10).join(lines)}\n{END}{after}", encoding="utf-8")
    tmp.replace(path)


if __name__ == "__main__":
    main()
