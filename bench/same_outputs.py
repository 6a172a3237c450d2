"""Are two output directories the same extraction? Compares every `OUT_A/*.json` with `OUT_B/*.json`
byte for byte after dropping the timing fields (`seconds`), which differ from run to run.

    python bench/same_outputs.py OUT_A OUT_B      # exit 0 when identical, 1 with the differing files

Used for the layout move (issue 18): the deterministic outputs of the seeds and every dev article
must not change when modules move.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TIMING_KEYS = {"seconds"}


def _without_timing(node: object) -> object:
    if isinstance(node, dict):
        return {k: _without_timing(v) for k, v in node.items() if k not in TIMING_KEYS}
    if isinstance(node, list):
        return [_without_timing(v) for v in node]
    return node


def differing(a: Path, b: Path) -> list[str]:
    names = {p.name for p in a.glob("*.json")} | {p.name for p in b.glob("*.json")}
    out = []
    for name in sorted(names):
        pa, pb = a / name, b / name
        if not (pa.exists() and pb.exists()):
            out.append(f"{name}: only in {'A' if pa.exists() else 'B'}")
            continue
        da, db = (_without_timing(json.loads(p.read_text(encoding="utf-8"))) for p in (pa, pb))
        if da != db:
            out.append(name)
    return out


def main() -> int:
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    diff = differing(a, b)
    total = len(list(a.glob("*.json")))
    print(f"{total - len(diff)}/{total} outputs identical (timings aside)")
    for line in diff:
        print("  differs:", line)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
