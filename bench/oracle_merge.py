"""How much of a right answer the verified merge keeps: the `full` profile run on the dev set with
an oracle in place of the model, answering every chunk from the gold (`../shared/dev/gold`).

The oracle answers as a capable model would, copying from the chunk: for each value the chunk
lists, the first of the gold's `subject_any` written in the value's sentence; for each gold
commitment whose keyword is written in a sentence, that sentence's id with the gold's target,
deadline (`deadline_contains`) and responsible (`responsible_contains`). Every answer it gives is
right by the gold, so every rejection is a right answer thrown away (a recall bug of the merge),
and every field it gives that the output does not carry is one the rules overruled.

    python bench/oracle_merge.py [--dev ../shared/dev]

Prints the dev measures of the rules alone and with the oracle merged in, what the merge did
with the oracle's answers (accepted / agreed / kept-rule: the rules' answer
kept and right too / overruled: the rules' answer kept and wrong by the gold / rejected, by field), and each rejection.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from summarizer.eval.devscore import DevGoldArticle, load_dev_gold_dir
from summarizer.llm.client import Endpoint
from summarizer.llm.label import ChunkLabels
from summarizer.models import ArticleResult, Usage
from summarizer.outputs.write import write_json
from summarizer.pipeline.article import run_article
from summarizer.text.hanzi import simplified_view
from summarizer.text.ingest import load_article

_FINAL = ("。", "！", "？", "!", "?", "”", "」", "；")
_MARK = re.compile(r"\[(\d+)\]")
_VALUE_LINE = re.compile(r"^(\d+)=(.+)（句(\d+)）$", re.M)


def sentences_of(message: str) -> dict[int, str]:
    """The chunk's sentences by id, as the user message shows them."""
    body = message.split("正文：\n", 1)[1].rsplit("\n数值：", 1)[0]
    parts = _MARK.split(body)
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _in(needle: str, hay: str) -> bool:
    return simplified_view(needle) in simplified_view(hay)


class Oracle:
    """An `LLM` whose answer to each chunk is read off the gold (see the module's docstring)."""

    def __init__(self, gold: DevGoldArticle) -> None:
        self.gold = gold
        self.endpoint = Endpoint(base_url="http://127.0.0.1:9/v1", api_key="-", model="oracle", identity="oracle")
        # (field, the value or keyword it is about, its answer, every answer the gold takes)
        self.given: list[tuple[str, str, str, tuple[str, ...]]] = []

    def lookup(self, *_args: Any, **_kwargs: Any) -> None:
        return None

    def ask(self, messages: list[dict[str, str]], response_model: type[ChunkLabels], grammar: dict[str, Any],
            prompt_version: str, usage: Usage, params: dict[str, Any] | None = None) -> ChunkLabels:
        message = next(m["content"] for m in messages if m["role"] == "user")
        sentences = sentences_of(message)
        subjects: dict[str, str] = {}
        for vid, surface, sid in _VALUE_LINE.findall(message):
            sentence = sentences.get(int(sid), "")
            for metric in self.gold.metrics:
                if not _in(metric.value, surface):
                    continue
                subject = next((s for s in metric.subject_any if _in(s, sentence)), None)
                if subject:
                    subjects[vid] = subject
                    self.given.append(("subject", surface, subject, tuple(metric.subject_any)))
                break
        commitments = []
        for c in self.gold.commitments:
            # the body's sentence rather than a headline repeating it (no final punctuation)
            found = sorted((not s.rstrip().endswith(_FINAL), k) for k, s in sentences.items() if _in(c.keyword, s))
            sid = found[0][1] if found else None
            if sid is None:
                continue
            # a model copies from the sentence: a gold fragment the sentence does not write
            # (a deadline year the article's date gives) is not asked of it
            written = {f: v if v and _in(v, sentences[sid]) else "" for f, v in
                       (("target", c.target), ("deadline", c.deadline_contains),
                        ("responsible", c.responsible_contains))}
            draft = {"s": sid, **written}
            commitments.append(draft)
            self.given += [(f, c.keyword, str(draft[f]), (str(draft[f]),))
                           for f in ("target", "deadline", "responsible") if draft[f]]
        answer = {"officials": [], "gist": "", "commitments": commitments, "subjects": subjects}
        return response_model.model_validate(answer)


def fate(result: ArticleResult, field: str, where: str, answer: str, right: tuple[str, ...]) -> str:
    """What the merge did with one oracle answer: accepted (the output carries it and the rules
    had not), agreed (the rules had it), overruled (the rules' answer kept), rejected."""
    answer_s = simplified_view(answer)
    for r in result.rejected:
        if simplified_view(str(r.item.get(field, ""))) == answer_s:
            return f"rejected: {r.reason}"
    ids = {m.id for m in result.metrics if m.value_text in where} if field == "subject" else \
        {c.id for c in result.commitments if simplified_view(where) in simplified_view(c.quote)}
    for d in result.disagreements:
        if d.field == field and d.id in ids and simplified_view(d.model) == answer_s:
            if d.source == "model":
                return "accepted"
            # the gold's answers are fragments (subject_any, *_contains): a rule answer holding it is right too
            rule = simplified_view(d.rule or "")
            return "kept-rule" if any(simplified_view(r) in rule for r in right) else "overruled"
    return "agreed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "dev")
    args = parser.parse_args()
    gold = load_dev_gold_dir(args.dev / "gold")
    fates: Counter[tuple[str, str]] = Counter()
    rejections: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        rules_dir, oracle_dir = Path(tmp, "rules"), Path(tmp, "oracle")
        for path in sorted((args.dev / "articles").glob("*.txt")):
            article = load_article(str(path))
            write_json(rules_dir / f"{path.stem}.json", run_article(article, None).model_dump_json(indent=1))
            oracle = Oracle(gold[path.stem])
            result = run_article(article, oracle, profile="full")  # type: ignore[arg-type]
            write_json(oracle_dir / f"{path.stem}.json", result.model_dump_json(indent=1))
            for field, where, answer, right in oracle.given:
                what = fate(result, field, where, answer, right)
                fates[(field, what.split(":")[0])] += 1
                if what.startswith("rejected") or what == "overruled":
                    rejections.append(f"  {path.stem[:3]} {field} {answer!r} ({where[:24]}): {what}")
        for name, folder in (("rules alone (--deterministic)", rules_dir), ("rules + oracle (full)", oracle_dir)):
            scored = subprocess.run([sys.executable, str(args.dev / "score.py"), str(folder), str(args.dev / "gold")],
                                    capture_output=True, text=True, check=True)  # the reference scorer
            print(f"{name}:\n  {scored.stdout.strip().splitlines()[-1]}")
    print("the oracle's answers, by what the merge did with them:")
    for (field, what), n in sorted(fates.items()):
        print(f"  {field:12} {what:10} {n}")
    print("rejected or overruled (right by the gold):", *rejections, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
