"""Compact JSON from llama.cpp servers: the grammar rides in the request, nowhere else."""

from __future__ import annotations

from summarizer.config import ExtractOptions
from summarizer.llm.client import LLM, Endpoint
from summarizer.llm.compact import COMPACT_JSON_GBNF
from summarizer.llm.embedded import DEFAULT_MODEL, MODELS
from summarizer.llm.endpoint import endpoint_for
from summarizer.llm.label import ChunkLabels
from summarizer.models import Usage

from .stub_llm import StubLLM

MESSAGES = [{"role": "user", "content": "第1段"}]


def _ask(compact: bool) -> dict:
    with StubLLM() as stub:
        endpoint = Endpoint(base_url=stub.base_url, api_key="k", model="m", identity="m",
                            compact_json=compact)
        LLM(endpoint, None).ask(MESSAGES, ChunkLabels, {}, "v", Usage())
    return stub.bodies[0]


def test_a_compact_endpoint_sends_the_grammar_instead_of_json_mode() -> None:
    body = _ask(compact=True)
    assert body["grammar"] == COMPACT_JSON_GBNF
    assert body["response_format"] == {"type": "text"}  # llama.cpp's own JSON grammar would win


def test_any_other_endpoint_gets_plain_json_mode() -> None:
    body = _ask(compact=False)
    assert "grammar" not in body
    assert body["response_format"] == {"type": "json_object"}


def test_the_grammar_allows_no_newline_nor_indentation() -> None:
    rules = {name.strip(): rhs.strip() for name, rhs in
             (line.split("::=", 1) for line in COMPACT_JSON_GBNF.strip().splitlines())}
    assert [alt.strip() for alt in rules["ws"].split("|")] == ["", '" "']
    # only inside strings, as the escape \\n
    assert all("\\n" not in rhs and "\\t" not in rhs for name, rhs in rules.items() if name != "string")


def test_compact_answers_are_cached_apart() -> None:
    def key(compact: bool) -> str:
        endpoint = Endpoint(base_url="http://127.0.0.1:9/v1", api_key="k", model="m", identity="m",
                            compact_json=compact)
        return LLM(endpoint, None)._request(MESSAGES, ChunkLabels, {}, "v", None)[1]

    assert key(True) != key(False)


def test_an_embedded_model_served_elsewhere_gets_compact_json_any_other_does_not() -> None:
    def compact(model: str) -> bool:
        with endpoint_for(ExtractOptions(base_url="http://127.0.0.1:9/v1", model=model)) as endpoint:
            return endpoint.compact_json

    assert compact(MODELS[DEFAULT_MODEL].name)
    assert not compact("gpt-4o-mini")
