"""The five seeds cold on the embedded default, with the model's JSON compact (the default) and
as it was (llama.cpp's generic JSON grammar: the model indents everything).

    python bench/compact_json.py [--order compact,pretty] [--work DIR]

Each variant runs `summarizer extract seeds --no-cache -o OUT` in a subprocess (model load
included) and `summarizer eval --gold tests/gold OUT`; prints wall time, calls, prompt and
completion tokens, article statuses, officials precision/recall, the load average before and
after, and which officials and gists differ between the variants. `pretty` is the same CLI with
the endpoint's `compact_json` switched off (bench only: there is no flag for it).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _cli_pretty(args: list[str]) -> None:
    """Run the CLI in this process with every endpoint's compact JSON off."""
    from summarizer.cli import extract as extract_cli
    from summarizer.cli.app import app
    from summarizer.llm import endpoint as endpoint_mod

    original = endpoint_mod.endpoint_for

    @contextlib.contextmanager
    def pretty(*a: Any, **k: Any) -> Iterator[Any]:
        with original(*a, **k) as endpoint:
            yield dataclasses.replace(endpoint, compact_json=False)

    endpoint_mod.endpoint_for = pretty  # type: ignore[assignment]
    for module in (extract_cli, *[m for n, m in sys.modules.items() if n.startswith("summarizer.")]):
        if getattr(module, "endpoint_for", None) is original:
            module.endpoint_for = pretty
    app(args)


def run_variant(name: str, work: Path) -> dict[str, Any]:
    out = work / name
    if out.exists():
        raise SystemExit(f"{out} exists: give another --work")
    cli = [str(REPO / "seeds"), "--out", str(out), "--no-cache"]
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL")}
    cmd = ([sys.executable, __file__, "_pretty", "extract", *cli] if name == "pretty"
           else [str(Path(sys.executable).with_name("summarizer")), "extract", *cli])
    load_before = os.getloadavg()
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]
    score = subprocess.run([str(Path(sys.executable).with_name("summarizer")), "eval", "--gold",
                            str(REPO / "tests" / "gold"), str(out), "--json", str(work / f"{name}-eval.json")],
                           cwd=REPO, capture_output=True, text=True, check=False)
    report = json.loads((work / f"{name}-eval.json").read_text()) if score.returncode in (0, 1) else {}
    return {"name": name, "wall": wall, "exit": proc.returncode, "load": (load_before, os.getloadavg()),
            "calls": sum(d["usage"]["llm_calls"] for d in docs),
            "prompt": sum(d["usage"]["prompt_tokens"] for d in docs),
            "completion": sum(d["usage"]["completion_tokens"] for d in docs),
            "status": [d["status"] for d in docs], "errors": [e for d in docs for e in d["errors"]],
            "officials": {d["source"]["file"]: sorted(o["name"] for o in d["officials"]) for d in docs},
            "gists": {d["source"]["file"]: d.get("summary") for d in docs},
            "eval": {k: _prf(report["overall"][k]) for k in ("officials", "officials_name", "metrics", "commitments")}
            if report else score.stderr[-300:], "stderr": proc.stderr[-600:]}


def _prf(prf: dict[str, Any]) -> dict[str, Any]:
    keys = ("tp", "fp", "fn", "precision", "recall")
    return {k: round(prf[k], 3) if isinstance(prf[k], float) else prf[k] for k in keys}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_pretty":
        return _cli_pretty(sys.argv[2:])
    ap = argparse.ArgumentParser()
    ap.add_argument("--order", default="compact,pretty")
    ap.add_argument("--work", default=f"/tmp/summarizer-bench-compact-{int(time.time())}")
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in args.order.split(","):
        row = run_variant(name, work)
        rows.append(row)
        print(f"{name:8} wall {row['wall']:6.1f}s exit {row['exit']} calls {row['calls']} prompt {row['prompt']} "
              f"completion {row['completion']} status {row['status']} load {row['load']}", flush=True)
        print(f"{'':8} officials {json.dumps(row['eval'], ensure_ascii=False)[:400]}", flush=True)
        if row["errors"]:
            print(f"{'':8} errors {row['errors']}\n{row['stderr']}", flush=True)
    if len(rows) == 2:
        a, b = rows
        for key in ("officials", "gists"):
            for file in sorted(a[key]):
                if a[key][file] != b[key].get(file):
                    print(f"{key} differ in {file}:\n  {a['name']}: {a[key][file]}\n  {b['name']}: {b[key].get(file)}")
    (work / "rows.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
