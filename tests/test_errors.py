"""Errors keep their cause: an endpoint's error answer reaches a program as the HTTP status and
body on the `LLMError`/`EndpointError` (the SDK's exception as `__cause__`), the API key scrubbed
from the body; people still get one line."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import openai
import pytest

from summarizer import extract
from summarizer.errors import EndpointError, LLMError
from summarizer.llm.client import LLM, Endpoint
from summarizer.llm.label import PARAMS, ChunkLabels, grammar_schema
from summarizer.models import Usage
from summarizer.pipeline.batch import Options, ShardedRun

from .test_security import KEY, EchoStub

MESSAGES = [{"role": "user", "content": "正文：一段话。"}]


def llm_for(stub: EchoStub, **kw: object) -> LLM:
    return LLM(Endpoint(base_url=stub.base_url, api_key=KEY, model="stub", identity="stub",
                        max_retries=0, **kw), None)  # type: ignore[arg-type]


def ask(llm: LLM) -> ChunkLabels:
    return llm.ask(MESSAGES, ChunkLabels, grammar_schema(), "v1", Usage(), params=PARAMS)


def test_a_server_error_carries_its_status_body_and_cause() -> None:
    with EchoStub(lambda _n, _b: "500") as stub, pytest.raises(LLMError) as caught:
        ask(llm_for(stub))
    err = caught.value
    assert type(err) is LLMError and str(err) == "the LLM endpoint answered HTTP 500 after retries"
    assert err.status == 500 and err.body is not None and "stub 500" in err.body
    assert isinstance(err.__cause__, openai.InternalServerError)


def test_a_rejected_key_carries_its_status_and_a_scrubbed_body_on_every_later_call() -> None:
    with EchoStub(lambda _n, _b: "echo401") as stub:
        llm = llm_for(stub)
        with pytest.raises(EndpointError) as first:
            ask(llm)
        with pytest.raises(EndpointError) as later:  # refused without a request
            ask(llm)
        assert stub.requests == 1
    for err in (first.value, later.value):
        assert err.status == 401 and err.body is not None
        assert "Incorrect API key provided: Bearer ***" in err.body and KEY not in err.body
        assert "401" in str(err) and KEY not in str(err)


def test_no_answer_no_status() -> None:
    with EchoStub(lambda _n, _b: "hang", hang=2.0) as stub, pytest.raises(LLMError) as caught:
        ask(llm_for(stub, timeout=0.3))
    assert caught.value.status is None and caught.value.body is None
    assert isinstance(caught.value.__cause__, openai.APITimeoutError)


def test_the_python_api_raises_the_endpoint_error_with_its_status() -> None:
    with EchoStub(lambda _n, _b: "echo404") as stub, pytest.raises(EndpointError) as caught:
        extract("市就业局局长李为民介绍，今年全市城镇新增就业54.9万人。", base_url=stub.base_url,
                model="stub", api_key=KEY, cache=False, max_retries=0)
    assert caught.value.status == 404 and KEY not in (caught.value.body or "")


def test_status_and_body_survive_pickling() -> None:
    err = EndpointError("the API rejected the API key (401)", status=401, body='{"error": "no"}')
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), str(back), back.status, back.body) == (EndpointError, str(err), 401, err.body)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")
def test_a_worker_process_hands_its_endpoint_error_over_whole(tmp_path: Path) -> None:
    files = []
    for i in range(4):
        path = tmp_path / f"a{i}.txt"
        path.write_text("重庆民生工作\n市就业局局长李为民介绍，今年全市城镇新增就业54.9万人。\n", encoding="utf-8")
        files.append(str(path))
    with EchoStub(lambda _n, _b: "echo401") as stub:
        endpoint = Endpoint(base_url=stub.base_url, api_key=KEY, model="stub", identity="stub",
                            max_retries=0)
        run = ShardedRun(files, 2, lambda share: LLM(endpoint, None, max_in_flight=share), 2,
                         Options(out=tmp_path / "out"))
        with pytest.raises(EndpointError) as caught:
            list(run)
    assert caught.value.status == 401 and "***" in (caught.value.body or "")


def test_a_dead_embedded_server_stops_the_run_with_its_cause() -> None:
    """A connection error while the embedded server is gone is fatal, with the reason, not
    "could not connect" for every chunk of every article."""
    import socket
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    endpoint = Endpoint(base_url=f"http://127.0.0.1:{port}/v1", api_key=KEY, model="stub", identity="stub",
                        max_retries=0, embedded=True, died=lambda: "the embedded model server died (signal SIGILL)")
    llm = LLM(endpoint, None)
    with pytest.raises(EndpointError, match="SIGILL"):
        ask(llm)
    with pytest.raises(EndpointError, match="SIGILL"):
        ask(llm)  # every later call answers the same


def test_why_a_server_died(tmp_path: Path) -> None:
    import subprocess

    from summarizer.llm.embedded import EmbeddedServer
    server = EmbeddedServer(tmp_path / "m.gguf")
    assert server.died() is None  # never started
    server.proc = subprocess.Popen([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGILL)"])
    server.proc.wait()
    reason = server.died()
    assert reason is not None and "SIGILL" in reason and "GGML_NATIVE=OFF" in reason
    server.proc = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    server.proc.wait()
    assert "exit 3" in (server.died() or "") and "GGML_NATIVE" not in (server.died() or "")
