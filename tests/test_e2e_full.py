"""The `full` profile end to end through the real CLI, replaying a cassette recorded from the
embedded model (`pytest -m e2e --record-mode=rewrite tests/test_e2e_full.py` re-records it).

What must hold whatever the model answered: values, units, spans and periods are the normalizer's
(the same as `--deterministic`), every rule-found commitment is still there, whatever the model
changed or added is grounded in the text and named in `disagreements` or `source`, and what it
proposed without grounds is in `rejected` with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.llm.embedded import DEFAULT_MODEL, MODELS
from summarizer.models import ArticleResult, Commitment, Metric

from .conftest import MOCK_KEY

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
S002 = SEEDS / "002_0b0ffe8503856d79.txt"
MODEL = MODELS[DEFAULT_MODEL].name
FIXED = {"value_text", "value", "unit", "kind", "qualifier", "period", "period_start", "period_end", "span",
         "spans", "quote"}


def _extract(tmp_path: Path, name: str, *args: str) -> tuple[int, ArticleResult]:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["extract", str(S002), "--out", str(out), *args], catch_exceptions=False)
    return result.exit_code, ArticleResult.model_validate_json((out / f"{S002.stem}.json").read_text())


@pytest.mark.e2e
@pytest.mark.vcr
def test_full_profile_end_to_end(tmp_path: Path, llm_base_url: str) -> None:
    code, full = _extract(tmp_path, "full", "--model", MODEL, "--base-url", llm_base_url, "--api-key", MOCK_KEY,
                          "--max-retries", "0", "--timeout", "900", "--no-cache", "--profile", "full")
    assert code == 0
    _, rules = _extract(tmp_path, "rules", "--deterministic")
    assert (full.model, full.profile, rules.profile) == (MODEL, "full", None)
    assert full.status == "ok" and not full.errors and full.summary
    assert full.usage.llm_calls == 2 and full.usage.completion_tokens > 0

    # the model never moves a number: the metrics are the rules', bar their subject
    assert [m.model_dump(include=FIXED) for m in full.metrics] == [m.model_dump(include=FIXED) for m in rules.metrics]
    # every rule-found commitment is there; what the model added says so
    spans = {c.span for c in full.commitments}
    assert {c.span for c in rules.commitments} <= spans
    assert all(c.source == "model" for c in full.commitments if c.span not in {r.span for r in rules.commitments})
    assert {o.name for o in full.officials} >= {o.name for o in rules.officials}

    for item in [*full.officials, *full.metrics, *full.commitments]:
        assert full.text[item.span[0]:item.span[1]] == item.quote
    # each disagreement names an item and the answer it kept; a model-given field is in the text
    items: dict[str, Metric | Commitment] = {x.id: x for x in [*full.metrics, *full.commitments]}
    for d in full.disagreements:
        item = items[d.id]
        assert getattr(item, d.field) == (d.model if d.source == "model" else d.rule), d
        assert d.model in full.text
        if d.source == "model":
            assert item.source == "model"
    assert all(x.reason for x in full.rejected)
    assert full.disagreements, "the recorded answers give subjects that differ from the rules'"
    # what the rules found right stays right (tests/test_e2e.py checks the same on the small profile)
    jobs = next(c for c in full.commitments if "60万人以上" in c.quote)
    assert jobs.responsible == "市人力社保局" and jobs.target == "60万人以上"
