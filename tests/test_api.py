"""The Python API (`from summarizer import extract`): the README's examples, text/bytes/path
inputs, options and errors, and the same result as `summarizer extract` on the same cassette."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer import Extractor, extract
from summarizer.cli.app import app
from summarizer.errors import EndpointError, InputError, SummarizerError
from summarizer.llm.embedded import DEFAULT_MODEL, MODELS
from summarizer.models import ArticleResult

from .conftest import MOCK_KEY
from .stub_llm import StubLLM

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
S000, S002 = SEEDS / "000_674fb140731dc5ae.txt", SEEDS / "002_0b0ffe8503856d79.txt"
E2E_CASSETTE = ROOT / "cassettes" / "test_e2e" / "test_seeds_end_to_end.yaml"
MODEL = MODELS[DEFAULT_MODEL].name


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def test_readme_python_api_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", _readme_section("Python API"), re.S)
    assert blocks and all(">>>" in b for b in blocks)
    monkeypatch.chdir(ROOT)  # the examples read seeds/
    for env in ("OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_API_KEY"):
        monkeypatch.delenv(env, raising=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for n, block in enumerate(blocks):
        test = doctest.DocTestParser().get_doctest(block, {}, f"README Python API #{n}", "README.md", 0)
        assert test.examples
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_api_docstring_example_runs() -> None:
    import summarizer.api

    assert doctest.testmod(summarizer.api, optionflags=doctest.ELLIPSIS).failed == 0


def test_extract_is_the_api_function_whatever_was_imported() -> None:
    # The model's chunk labelling is `summarizer.llm.label`: no submodule is named `extract`, so
    # importing every module leaves `summarizer.extract` the API function.
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(summarizer.__path__, "summarizer."):
        importlib.import_module(info.name)
    from summarizer.llm.label import label_chunk

    assert callable(label_chunk)
    assert summarizer.extract is extract
    from summarizer import extract as again

    assert again is extract and again.__module__ == "summarizer.api"
    assert summarizer.ArticleResult is ArticleResult
    with pytest.raises(AttributeError):
        _ = summarizer.no_such_name  # type: ignore[attr-defined]


def _same(a: ArticleResult, b: ArticleResult) -> None:
    assert a.model_dump(exclude={"usage", "source"}) == b.model_dump(exclude={"usage", "source"})


def test_text_bytes_and_path_give_the_same_result() -> None:
    raw = S002.read_text(encoding="utf-8")
    by_path = extract(S002, deterministic=True)
    by_text = extract(raw, deterministic=True)
    by_gbk = extract(raw.encode("gb18030"), deterministic=True)
    assert by_path.metrics and by_path.commitments and by_path.officials
    _same(by_path, by_text)
    _same(by_path, by_gbk)
    assert by_path.source.file == S002.name and by_text.source.file == "-"
    assert by_path.model == "deterministic" and by_path.usage.llm_calls == 0
    for item in [*by_text.metrics, *by_text.commitments, *by_text.officials]:
        assert by_text.text[item.span[0]:item.span[1]] == item.quote


def test_same_result_as_the_cli_deterministic(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["extract", str(S000), "--out", str(out), "--deterministic"])
    assert res.exit_code == 0, res.output
    cli = ArticleResult.model_validate_json((out / f"{S000.stem}.json").read_text(encoding="utf-8"))
    api = extract(S000, deterministic=True)
    assert api.model_dump(exclude={"usage"}) == cli.model_dump(exclude={"usage"})


def test_html_text_goes_through_the_html_reader() -> None:
    body = "".join(f"<p>{line}</p>" for line in S000.read_text(encoding="utf-8").splitlines() if line.strip())
    result = extract(f"<!DOCTYPE html><html><head><title>t</title></head><body><article>{body}"
                     "</article></body></html>", deterministic=True)
    assert "<p>" not in result.text and result.metrics


def test_input_errors_raise(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        extract("", deterministic=True)
    with pytest.raises(InputError, match="whitespace"):
        extract("  \n ", deterministic=True)
    with pytest.raises(InputError, match=r"no such file|cannot read"):
        extract(tmp_path / "missing.txt", deterministic=True)
    with pytest.raises(InputError, match="size limit"):
        extract("就业" * 100, deterministic=True, max_bytes=100)


def _auth(headers: dict[str, str]) -> str:
    return next(v for k, v in headers.items() if k.lower() == "authorization")


def test_endpoint_options_environment_and_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = S000.read_text(encoding="utf-8")
    with StubLLM() as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        monkeypatch.setenv("OPENAI_MODEL", "stub-model")
        monkeypatch.setenv("OPENAI_API_KEY", "env-key")
        first = extract(text, cache_dir=tmp_path / "cache")
        assert first.model == "stub-model" and first.usage.llm_calls == stub.requests > 0
        assert _auth(stub.headers[0]) == "Bearer env-key"
        assert {b["model"] for b in stub.bodies} == {"stub-model"}
        again = extract(text, cache_dir=tmp_path / "cache")  # served from the cache
        assert again.usage.llm_calls == 0 and again.usage.cache_hits == first.usage.llm_calls
        assert stub.requests == first.usage.llm_calls
        extract(text, cache=False, api_key="flag-key", model="other")  # arguments beat the environment
        assert _auth(stub.headers[-1]) == "Bearer flag-key"
        assert stub.bodies[-1]["model"] == "other"
    with StubLLM(plan=lambda _n, _b: "401") as stub, pytest.raises(EndpointError):
        extract(text, base_url=stub.base_url, model="m", cache=False, max_retries=0)


def test_extractor_reuses_one_endpoint(tmp_path: Path) -> None:
    with StubLLM() as stub, Extractor(base_url=stub.base_url, model="m", api_key="k",
                                      cache_dir=tmp_path / "cache") as ex:
        llm = ex.llm
        results = [ex.extract(p) for p in (S000, S002)]
        assert ex.llm is llm is not None
    assert ex.llm is None  # closed
    assert all(r.status == "ok" and r.summary for r in results)
    assert sum(r.usage.llm_calls for r in results) == stub.requests


def test_missing_model_is_a_setup_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_MODEL", raising=False)
    with pytest.raises(SummarizerError, match="--model"):
        extract("今年将确保城镇新增就业60万人以上。", base_url="http://127.0.0.1:9/v1")


@pytest.mark.e2e
@pytest.mark.vcr(str(E2E_CASSETTE), allow_playback_repeats=True)
def test_same_result_as_the_cli_on_the_cassette(tmp_path: Path, llm_base_url: str) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["extract", str(S000), "--out", str(out), "--model", MODEL,
                                   "--base-url", llm_base_url, "--api-key", MOCK_KEY,
                                   "--max-retries", "0", "--timeout", "900", "--no-cache"])
    assert res.exit_code == 0, res.output
    cli = ArticleResult.model_validate_json((out / f"{S000.stem}.json").read_text(encoding="utf-8"))
    api = extract(S000, base_url=llm_base_url, model=MODEL, api_key=MOCK_KEY, cache=False,
                  max_retries=0, timeout=900)
    assert api.usage.llm_calls == cli.usage.llm_calls > 0 and api.summary
    assert api.model_dump(exclude={"usage"}) == cli.model_dump(exclude={"usage"})
