"""What the rules miss on the dev set's build part, field by field (never the validation part:
its articles are scored, not read; this script refuses them).

    python bench/misses.py OUT_DIR [officials|commitments|responsible|target|deadline|subject|period|fp]

`subject` and `period` print, for each gold metric whose matched metrics (same value) miss the
gold's subject or period, the gold's wording against ours with our metric's quote; `fp` prints
our metrics whose value is no gold number (metric precision's false metrics).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def _norm(s: object) -> str:
    return str(s or "").translate(str.maketrans({"萬": "万", "億": "亿", "兩": "两", "個": "个"}))


def _blob(c: dict) -> str:
    return _norm(c["quote"]) + _norm(c["action"]) + _norm(c.get("target"))


def _officials(gold: dict, pred: dict) -> list[str]:
    lines = []
    names = {_norm(o["name"]): o for o in pred["officials"]}
    for go in gold["officials"]:
        o = names.get(_norm(go["name"]))
        titled = o and _norm(go["title_contains"]) in _norm(o.get("title")) + _norm(o.get("organization"))
        if not titled:
            got = o and (o["title"], o.get("organization"))
            lines.append(f"  OFF miss {go['name']} ({go['title_contains']}) got={got}")
    gnames = {_norm(go["name"]) for go in gold["officials"]}
    return lines + [f"  OFF extra {n} {o['title']}" for n, o in names.items() if n not in gnames]


def _commitment_fields(gold: dict, pred: dict, what: str, values_in) -> list[str]:
    lines = []
    for gc in gold["commitments"]:
        if not isinstance(gc, dict):
            continue
        hits = [c for c in pred["commitments"] if _norm(gc["keyword"]) in _blob(c)]
        if not hits:
            if what in ("all", "commitments"):
                lines.append(f"  COM miss {gc['keyword']}")
            continue
        c = hits[0]
        want = _norm(gc.get("responsible_contains"))
        if what in ("all", "responsible") and want and not any(want in _norm(h.get("responsible")) for h in hits):
            lines.append(f"  RESP want {gc['responsible_contains']} got {c.get('responsible')} | {c['quote'][:60]}")
        if what in ("all", "target") and gc.get("target"):
            gv = values_in(gc["target"])[:1]
            got = [v for h in hits for v in values_in(h.get("target") or "")]
            if not (gv and any(abs(gv[0][0] - v[0]) < 1e-6 * max(1, gv[0][0]) for v in got)):
                lines.append(f"  TGT want {gc['target']} got {c.get('target')} | {c['quote'][:60]}")
        if what in ("all", "deadline") and gc.get("deadline_contains"):
            dls = gc["deadline_contains"]
            dls = dls if isinstance(dls, list) else [dls]
            if not any(_norm(d) in _norm(h.get("deadline")) for d in dls for h in hits):
                lines.append(f"  DL want {dls} got {c.get('deadline')} | {c['quote'][:60]}")
    if what == "commitments":
        gk = [_norm(gc["keyword"] if isinstance(gc, dict) else gc) for gc in gold["commitments"]]
        lines += [f"  COM extra {c['quote'][:70]}" for c in pred["commitments"] if not any(k in _blob(c) for k in gk)]
    return lines


def _metric_values(m: dict, values_in) -> list:
    own = [(float(m["value"]), "")] if isinstance(m.get("value"), (int, float)) else []
    return values_in(m.get("value_text") or "") or own


def _metric_fields(gold: dict, pred: dict, what: str, score) -> list[str]:
    """Gold subject/period against ours on the metrics carrying the gold value; or our false metrics."""
    if what == "fp":
        gnums = [v[0] for v in (score.values_in(n)[:1] for n in gold["numbers"]) if v]
        return [f"  FP {m.get('value_text')} [{m.get('subject')}] | {m['quote'][:70]}" for m in pred["metrics"]
                if not any(score.same(g, v) for g in gnums for v in _metric_values(m, score.values_in))]
    lines = []
    for gm in gold.get("metrics", []):
        gv = score.values_in(gm["value"])[:1]
        want = gm.get("subject_any") if what == "subject" else gm.get("period_contains")
        if not gv or not want:
            continue
        want = want if isinstance(want, list) else [want]
        field = "subject" if what == "subject" else "period"
        cands = [m for m in pred["metrics"] if any(score.same(gv[0], v) for v in _metric_values(m, score.values_in))]
        if any(_norm(w) in _norm(m.get(field)) for m in cands for w in want):
            continue
        got = "; ".join(f"{m.get(field)!r} | {m['quote'][:60]}" for m in cands) or "- (no metric)"
        lines.append(f"  {field.upper()[:4]} {gm['value']} want {'/'.join(want)} got {got}")
    return lines


def main() -> None:
    out, what = Path(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else "all")
    validation = set(json.loads((DEV / "splits.json").read_text())["validation"])
    sys.path.insert(0, str(DEV))
    import score  # type: ignore[import-not-found]

    for g in sorted((DEV / "gold").glob("*.json")):
        if g.stem in validation:
            continue
        gold = json.loads(g.read_text())
        pred = json.loads((out / g.name).read_text())
        lines = _officials(gold, pred) if what in ("all", "officials") else []
        if what in ("subject", "period", "fp"):
            lines += _metric_fields(gold, pred, what, score)
        else:
            lines += _commitment_fields(gold, pred, what, score.values_in)
        if lines:
            print(g.stem)
            print("\n".join(lines))


if __name__ == "__main__":
    main()
