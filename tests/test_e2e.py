"""End to end through the real CLI, replaying cassettes recorded from the embedded model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.llm.embedded import DEFAULT_MODEL, MODELS
from summarizer.models import ArticleResult

from .conftest import MOCK_KEY

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
S000, S002 = SEEDS / "000_674fb140731dc5ae.txt", SEEDS / "002_0b0ffe8503856d79.txt"
MODEL = MODELS[DEFAULT_MODEL].name
PRESS = {"杨铌紫", "苏畅", "黄乔", "周松", "云钰", "李珩", "郭旭", "陈雨", "匡丽娜"}


def _extract(tmp_path: Path, base_url: str, *extra: str) -> tuple[int, dict[str, ArticleResult]]:
    out = tmp_path / "out"
    args = ["extract", str(S000), str(S002), "--out", str(out), "--model", MODEL,
            "--base-url", base_url, "--api-key", MOCK_KEY, "--max-retries", "0", "--timeout", "900", *extra]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    parsed = {p.stem: ArticleResult.model_validate_json(p.read_text()) for p in out.glob("*.json")}
    return result.exit_code, parsed


def _items(r: ArticleResult) -> list:
    return [*r.officials, *r.non_officials, *r.metrics, *r.commitments]


@pytest.mark.e2e
@pytest.mark.vcr
def test_seeds_end_to_end(tmp_path: Path, llm_base_url: str) -> None:
    code, results = _extract(tmp_path, llm_base_url, "--no-cache")
    assert code == 0
    r002, r000 = results[S002.stem], results[S000.stem]

    titles = {o.name: o.title for o in r002.officials}
    assert set(titles) == {"刘贵忠", "张维斌", "刘宴兵", "许建华", "夏杨松", "罗铂铀"}
    assert titles["许建华"] == "市民政局副局长"
    assert titles["罗铂铀"] == "市公安局刑事侦查总队总队长"
    for r in (r000, r002):
        assert not PRESS & {o.name for o in r.officials}
        assert PRESS & {p.name for p in r.non_officials}
        for item in _items(r):
            assert r.text[item.span[0]:item.span[1]] == item.quote
            assert all(r.text[s:e] for s, e in item.spans)
        for m in r.metrics:
            assert m.value_text in m.quote
        assert r.usage.llm_calls > 0 and r.usage.completion_tokens > 0
        assert r.summary and not r.errors

    by_text = {m.value_text: m for m in r002.metrics}
    assert by_text["77.42万人"].value == 774200 and by_text["77.42万人"].role == "reported"
    assert by_text["60万人以上"].value == 600000 and by_text["60万人以上"].role == "target"
    assert by_text["60万人以上"].qualifier == "at_least"
    speaker = {o.id: o.name for o in r002.officials}
    assert speaker[by_text["77.42万人"].speaker] == "许建华"
    jobs = next(c for c in r002.commitments if "60万人以上" in c.quote)
    assert jobs.responsible == "市人力社保局" and jobs.target == "60万人以上"
    assert {m.value_text for m in r000.metrics} >= {"54.9万人", "262亿元", "97.2%"}
    assert "十四五" not in {m.value_text for m in r000.metrics}


@pytest.mark.e2e
@pytest.mark.vcr
def test_second_run_is_served_from_cache(tmp_path: Path, llm_base_url: str) -> None:
    cache = str(tmp_path / "cache")
    code, first = _extract(tmp_path, llm_base_url, "--cache-dir", cache)
    assert code == 0
    calls = sum(r.usage.llm_calls for r in first.values())
    assert calls > 0
    code, second = _extract(tmp_path, llm_base_url, "--cache-dir", cache)
    assert code == 0
    assert sum(r.usage.llm_calls for r in second.values()) == 0
    assert sum(r.usage.cache_hits for r in second.values()) == calls
    for stem, r in second.items():
        assert r.model_dump(exclude={"usage"}) == first[stem].model_dump(exclude={"usage"})
    assert json.loads((tmp_path / "out" / f"{S002.stem}.json").read_text())["text"]
