"""The five seeds cold on the embedded default, with the model's JSON as it comes (llama.cpp's
generic JSON grammar, `json_object`: the model indents everything) and under a grammar that
allows no indentation, sent in the request (`grammar`, with `response_format` `text` so that
llama.cpp does not put its own JSON grammar in its place).

    python bench/compact_json.py [--order compact,pretty] [--work DIR]

Variants: `pretty` (the CLI as it is), `compact` (at most one space between tokens), `newline`
(a newline but no indentation). Each runs `summarizer extract seeds --no-cache -o OUT` in a
subprocess (model load included; the grammar variants patch the request in that process: there
is no flag for it) and `summarizer eval --gold tests/gold OUT`; prints wall time, calls, prompt
and completion tokens, article statuses, officials/metrics/commitments scores, the load average
before and after, and which officials and gists differ between the first two variants.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

JSON_GBNF = r"""
root   ::= object
value  ::= object | array | string | number | ("true" | "false" | "null") ws
object ::= "{" ws ( string ":" ws value ("," ws string ":" ws value)* )? "}" ws
array  ::= "[" ws ( value ("," ws value)* )? "]" ws
string ::= "\"" ( [^"\\\x7F\x00-\x1F] | "\\" (["\\bfnrt] | "u" [0-9a-fA-F]{4}) )* "\"" ws
number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9] [1-9]{0,15})? ws
"""
# llama.cpp's own (llama_grammar.JSON_GBNF) ends: ws ::= | " " | "\n" [ \t]{0,20}
WHITESPACE = {"compact": 'ws     ::= | " "', "newline": 'ws     ::= | " " | "\\n"'}


def _cli_with_grammar(variant: str, args: list[str]) -> None:
    """Run the CLI in this process, every request carrying the variant's grammar."""
    from summarizer.cli.app import app
    from summarizer.llm.client import load_sdk

    sdk = load_sdk()
    call = sdk.call
    body = {"response_format": {"type": "text"}, "grammar": JSON_GBNF + WHITESPACE[variant] + "\n"}

    def with_grammar(client: Any, endpoint: Any, messages: Any, model: Any, params: Any, extra: dict[str, Any],
                     reasks: int) -> Any:
        return call(client, endpoint, messages, model, params, {**extra, "extra_body": body}, reasks)

    sdk.call = with_grammar
    app(args)


def run_variant(name: str, work: Path) -> dict[str, Any]:
    out = work / name
    if out.exists():
        raise SystemExit(f"{out} exists: give another --work")
    cli = [str(REPO / "seeds"), "--out", str(out), "--no-cache"]
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL")}
    cmd = ([sys.executable, __file__, "_grammar", name, "extract", *cli] if name in WHITESPACE
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
    if len(sys.argv) > 2 and sys.argv[1] == "_grammar":
        return _cli_with_grammar(sys.argv[2], sys.argv[3:])
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
