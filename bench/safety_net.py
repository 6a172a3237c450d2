"""The model as a safety net (issue 19): on a set of articles extracted twice, rules alone and with
the model, which officials only the model found (right or wrong by the gold), and which of its
proposals the gate rejected though the gold names them. Counts only: the validation part is scored,
not read.

    python bench/safety_net.py RULES_OUT MODEL_OUT [GOLD_DIR]   (GOLD_DIR: ../shared/dev/gold)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

T2S = str.maketrans({"萬": "万", "億": "亿", "兩": "两"})


def _names(items: list[dict]) -> set[str]:
    return {str(o.get("name") or "").translate(T2S) for o in items}


def main() -> None:
    rules_dir, model_dir = Path(sys.argv[1]), Path(sys.argv[2])
    gold_dir = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(__file__).resolve().parents[2] / "shared/dev/gold"
    counts = {"articles": 0, "gold officials": 0, "rules found": 0, "model found": 0,
              "only the model, right": 0, "only the model, wrong": 0, "rejected, right": 0, "rejected, wrong": 0}
    for out in sorted(model_dir.glob("*.json")):
        gold_path, rules_path = gold_dir / out.name, rules_dir / out.name
        if not (gold_path.exists() and rules_path.exists()):
            continue
        gold = {str(o["name"]).translate(T2S) for o in json.loads(gold_path.read_text())["officials"]}
        model, rules = json.loads(out.read_text()), json.loads(rules_path.read_text())
        with_model, alone = _names(model["officials"]), _names(rules["officials"])
        rejected = _names([r["item"] for r in model.get("rejected", []) if r.get("type") == "official"])
        counts["articles"] += 1
        counts["gold officials"] += len(gold)
        counts["rules found"] += len(alone & gold)
        counts["model found"] += len(with_model & gold)
        counts["only the model, right"] += len((with_model - alone) & gold)
        counts["only the model, wrong"] += len((with_model - alone) - gold)
        counts["rejected, right"] += len(rejected & gold - with_model)
        counts["rejected, wrong"] += len(rejected - gold)
    for key, value in counts.items():
        print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
