"""A model answer that cannot be used is a `ModelOutputError` that keeps what a program needs to
see why: the model's raw answer (`raw`) and the SDK's exception (`__cause__`), also after the
retry with a repetition penalty (`label.label_chunk`) and through pickling (worker processes)."""

from __future__ import annotations

import pickle
from json import JSONDecodeError
from pathlib import Path

import pytest
from instructor.core import IncompleteOutputException
from pydantic import ValidationError

from summarizer.errors import ModelOutputError
from summarizer.llm.client import LLM
from summarizer.llm.endpoint import Endpoint
from summarizer.llm.label import PARAMS, ChunkLabels, ChunkView, grammar_schema, label_chunk
from summarizer.models import Usage
from summarizer.text.chunk import make_chunks

from .stub_llm import StubLLM

MESSAGES = [{"role": "user", "content": "正文：一段话。"}]


def _ask(stub: StubLLM, tmp_path: Path) -> ModelOutputError:
    llm = LLM(Endpoint(base_url=stub.base_url, api_key="x", model="stub", identity="stub", max_retries=0),
              tmp_path / "cache")
    try:
        with pytest.raises(ModelOutputError) as caught:
            llm.ask(MESSAGES, ChunkLabels, grammar_schema(), "v1", Usage(), params=PARAMS)
    finally:
        llm.close()
    return caught.value


@pytest.mark.parametrize(("fault", "cause", "raw_part"), [
    ("length", IncompleteOutputException, '{"officials": [], "gist": "重复重复'),  # cut at max_tokens
    ("invalid", ValidationError, '"officials": "nobody"'),  # fails the response schema
    ("truncated", (ValidationError, JSONDecodeError), None),  # the HTTP body itself is cut: no answer to read
])
def test_model_output_error_keeps_the_cause_and_the_raw_answer(tmp_path: Path, fault: str,
                                                               cause: type | tuple[type, ...],
                                                               raw_part: str | None) -> None:
    with StubLLM(lambda _n, _b: fault) as stub:
        error = _ask(stub, tmp_path)
    assert isinstance(error.__cause__, cause), repr(error.__cause__)
    if raw_part is not None:
        assert error.raw is not None and raw_part in error.raw
    copy = pickle.loads(pickle.dumps(error))  # a worker process sends it to the parent
    assert (copy.raw, str(copy)) == (error.raw, str(error))
    assert copy.again().raw == error.raw


def test_the_retry_with_a_penalty_keeps_the_last_answer_and_its_cause(tmp_path: Path) -> None:
    text = "今年将确保城镇新增就业60万人以上。"
    view = ChunkView(make_chunks(text)[0], text, None, None)
    with StubLLM(lambda n, _b: "length" if n == 1 else "invalid") as stub:
        llm = LLM(Endpoint(base_url=stub.base_url, api_key="x", model="stub", identity="stub", max_retries=0),
                  None)
        with pytest.raises(ModelOutputError, match="asked again with a repetition penalty") as caught:
            label_chunk(llm, view, Usage())
    error = caught.value
    assert isinstance(error.__cause__, ModelOutputError)  # the retry's failure ...
    assert isinstance(error.__cause__.__cause__, ValidationError)  # ... and the SDK's reason for it
    assert error.raw is not None and '"officials": "nobody"' in error.raw  # the last answer
