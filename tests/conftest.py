"""Shared test setup: vcrpy cassettes recorded from the real embedded model, stored readable.

Replay (the default, offline): `pytest`. Re-record from the embedded model (needs the
`local` extra): `pytest --record-mode=rewrite -m e2e` — the `llm_base_url` fixture then starts the
embedded llama.cpp server; host and port are not part of request matching.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from vcr.serializers.yamlserializer import _CassetteDumper, _CassetteLoader

# A run started in the background by a shell without job control inherits SIGINT ignored, and so
# would every process the tests start (an ignored signal survives exec); the Ctrl-C tests need it
# delivered. A handler here is reset to the default in each child.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

MOCK_KEY = "mock-api-key"
REPLAY_URL = "http://127.0.0.1:8765/v1"
SECRET_HEADERS = ("authorization", "cookie", "set-cookie", "openai-organization", "x-api-key",
                  "api-key")


class _Dumper(_CassetteDumper):  # type: ignore[misc,valid-type]
    pass


def _str(dumper: yaml.Dumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value and not value.endswith((" ", "\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


class ReadableYaml:
    """YAML with Chinese stored as characters and multi-line bodies as literal blocks."""

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        return yaml.dump(cassette, Dumper=_Dumper, allow_unicode=True, width=4096)

    @staticmethod
    def deserialize(text: str) -> dict[str, Any]:
        return yaml.load(text, Loader=_CassetteLoader)


def _readable_json(raw: Any) -> Any:
    if not raw:
        return raw
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.dumps(json.loads(text), ensure_ascii=False, indent=1).encode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return raw


def _scrub_request(request: Any) -> Any:
    request.body = _readable_json(request.body)
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {k: v for k, v in response["headers"].items()
                           if k.lower() not in SECRET_HEADERS}
    body = response.get("body", {})
    if "string" in body:
        body["string"] = _readable_json(body["string"])
    return response


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_serializer("yaml", ReadableYaml)  # same name: keeps the .yaml extension


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "serializer": "yaml",
        "match_on": ("method", "path", "body"),
        "filter_headers": [(h, None) for h in SECRET_HEADERS],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parent.parent / "cassettes" / request.module.__name__.split(".")[-1])


@pytest.fixture(scope="session")
def llm_base_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The embedded server when recording, a placeholder URL when replaying."""
    if request.config.getoption("--record-mode") in (None, "none"):
        yield REPLAY_URL
        return
    from summarizer.llm.embedded import DEFAULT_MODEL, EmbeddedServer, ensure_model

    with EmbeddedServer(ensure_model(DEFAULT_MODEL)) as server:
        yield server.base_url
