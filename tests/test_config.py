"""`ExtractOptions` is the one declaration of extract's options: the CLI's options, defaults and
help, the API's keywords and the Ray driver's settings all come from it."""

from __future__ import annotations

import pytest
import typer.main

from summarizer import Extractor
from summarizer.cli.app import app
from summarizer.config import DEFAULTS, ExtractOptions, OptionError

BATCH_ONLY = {"inputs", "out", "processes", "ray"}  # what only a batch of files has


def _extract_params() -> dict[str, object]:
    command = typer.main.get_command(app).commands["extract"]  # type: ignore[attr-defined]
    return {p.name: p for p in command.params}


def test_the_cli_options_are_the_fields() -> None:
    params = _extract_params()
    assert set(params) - BATCH_ONLY == set(ExtractOptions.model_fields)
    for name, field in ExtractOptions.model_fields.items():
        param = params[name]
        assert param.default == field.default, name  # type: ignore[attr-defined]
        assert (field.description or "").split("{")[0] in param.help, name  # type: ignore[attr-defined]


def test_the_api_takes_the_same_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_MODEL", "from-env")
    ex = Extractor(deterministic=True, chunk_chars=800)
    assert ex.options.chunk_chars == 800 and ex.options.model == "from-env"
    assert Extractor(ExtractOptions(chunk_chars=900), strict=True).options.model_dump() == \
        DEFAULTS.model_copy(update={"chunk_chars": 900, "strict": True, "model": "from-env"}).model_dump()
    assert "sk-secret-key" not in repr(ExtractOptions(api_key="sk-secret-key"))  # never logged


@pytest.mark.parametrize(("values", "named"), [
    ({"profile": "medium"}, "profile"), ({"chunk_chars": 10}, "chunk_chars"),
    ({"timeout": 0}, "timeout"), ({"chunk_size": 100}, "chunk_size"),
])
def test_an_invalid_option_is_an_error_naming_it(values: dict[str, object], named: str) -> None:
    with pytest.raises(OptionError, match=named):
        Extractor(**values)
