"""The one place that talks to the openai and instructor SDKs (imported only on a cache miss).

Retries live in exactly one layer per failure kind: the openai client retries transport errors,
408/409/429 (honouring Retry-After) and 5xx; instructor re-asks (through tenacity) only when the
model's output fails JSON parsing or validation. Every failure leaves as one `LLMError` line:
a `ModelOutputError` when the model answered something unusable, an `EndpointError` when the
endpoint refuses every request.
"""

from __future__ import annotations

import logging
from functools import cache
from json import JSONDecodeError
from typing import Any, TypeVar

import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorError, InstructorRetryException
from pydantic import BaseModel, ValidationError
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

from summarizer.errors import EndpointError, LLMError, ModelOutputError
from summarizer.llm.endpoint import Endpoint

T = TypeVar("T", bound=BaseModel)

# Not retried (nor is a 400, which is about one request only): these fail every request of a run.
_RUN_FATAL = (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError)

# instructor logs every failed attempt at ERROR level (with the server's answer); without a
# handler Python prints those on stderr. The failure reaches the user once, as an LLMError.
logging.getLogger("instructor").addHandler(logging.NullHandler())
logging.getLogger("instructor").propagate = False


def make_client(endpoint: Endpoint, base_url: str) -> instructor.Instructor:
    # Retries are `LLM._send`'s (paced by the adaptive limit): the client's own are off.
    raw = openai.OpenAI(base_url=base_url, api_key=endpoint.api_key, timeout=endpoint.timeout,
                        max_retries=0)
    return instructor.from_openai(raw, mode=instructor.Mode.JSON)


@cache
def _wrapped(response_model: type[T]) -> type[T]:
    """instructor wraps a plain model in a new class (pydantic `create_model`, ~1 ms) on every
    call unless it already is one of its `ResponseSchema`s: wrap each model once."""
    return instructor.response_schema(response_model)


def call(client: instructor.Instructor, endpoint: Endpoint, messages: list[dict[str, str]],
         response_model: type[T], params: dict[str, Any], extra: dict[str, Any],
         reasks: int) -> tuple[T, Any]:
    """(validated answer, raw completion); raises `EndpointError` for run-fatal answers."""
    retrying = Retrying(
        stop=stop_after_attempt(reasks + 1),
        retry=retry_if_exception_type((ValidationError, JSONDecodeError)),
        reraise=True,
    )
    try:
        return client.create_with_completion(
            model=endpoint.model, messages=messages,  # type: ignore[arg-type]
            response_model=_wrapped(response_model), max_retries=retrying, **params, **extra,
        )
    except InstructorRetryException as exc:
        cause = exc.__cause__
        if isinstance(cause, openai.APIError):
            raise _api_error(cause, endpoint.api_key) from cause
        if isinstance(cause, IncompleteOutputException):
            raise _cut(params, raw_answer(cause) or raw_answer(exc)) from cause
        raise ModelOutputError(f"model output failed validation after {exc.n_attempts} attempts: "
                               f"{_invalid(cause or exc)}", raw=raw_answer(exc)) from (cause or exc)
    except openai.APIError as exc:
        raise _api_error(exc, endpoint.api_key) from exc
    except (ValidationError, JSONDecodeError) as exc:
        raise ModelOutputError(f"model output failed validation: {_invalid(exc)}", raw=raw_answer(exc)) from exc
    except IncompleteOutputException as exc:
        raise _cut(params, raw_answer(exc)) from exc
    except InstructorError as exc:
        raise ModelOutputError(f"model output could not be used: {type(exc).__name__}",
                               raw=raw_answer(exc)) from exc


def raw_answer(exc: BaseException) -> str | None:
    """The model's last answer, as text, that `exc` (an instructor exception) carries, or None."""
    completion = getattr(exc, "last_completion", None)
    attempts = getattr(exc, "failed_attempts", None)
    if completion is None and attempts:
        completion = attempts[-1].completion
    if completion is None and isinstance(exc, JSONDecodeError):
        return exc.doc
    try:
        content = completion.choices[0].message.content  # type: ignore[union-attr]
    except (AttributeError, IndexError, TypeError):
        return None
    return content if isinstance(content, str) else None




def transient(err: LLMError) -> tuple[str, float | None] | None:
    """Whether the failure behind `err` is worth another try, as the openai client judges it
    (timeouts, connection errors, 408, 409, 429, 5xx): (what it says of the endpoint's load:
    "timeout", "overload" for a 429, else "other"; the seconds the endpoint asked to wait or
    None); None when it is not."""
    cause = err.__cause__
    if isinstance(cause, openai.APITimeoutError):
        return "timeout", None
    if isinstance(cause, openai.APIConnectionError):
        return "other", None
    if isinstance(cause, openai.APIStatusError) and (cause.status_code in (408, 409, 429)
                                                      or cause.status_code >= 500):
        return "overload" if cause.status_code == 429 else "other", _retry_after(cause.response.headers)
    return None


def _retry_after(headers: Any) -> float | None:
    """Retry-After (seconds or `retry-after-ms`) when it is a sane wait (up to 60 s)."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        try:
            seconds = float(headers.get(name)) * scale
        except (TypeError, ValueError):
            continue
        if 0 <= seconds <= 60:
            return seconds
    return None


def _cut(params: dict[str, Any], raw: str | None) -> ModelOutputError:
    return ModelOutputError(f"model output stopped at the max_tokens limit "
                            f"({params.get('max_tokens')}) before its JSON was complete", raw=raw)


def _api_error(exc: openai.APIError, api_key: str) -> LLMError:
    """One line for people, and the endpoint's HTTP status and body for programs (the key, which
    some APIs quote in a 401, replaced by ***)."""
    status = exc.status_code if isinstance(exc, openai.APIStatusError) else None
    body = None
    if isinstance(exc, openai.APIStatusError):
        try:
            body = exc.response.text
        except Exception:  # a streamed body that was not read
            body = None
        if body and api_key and len(api_key) >= 4:
            body = body.replace(api_key, "***")
    kind = EndpointError if isinstance(exc, _RUN_FATAL) else LLMError
    return kind(_describe(exc), status=status, body=body)


def _invalid(exc: BaseException) -> str:
    """One line about bad model output (instructor's own message is a multi-line XML dump)."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'output'}: {e['msg']}"
                         for e in exc.errors()[:3])
    if isinstance(exc, JSONDecodeError):
        return f"invalid JSON: {exc.msg} (character {exc.pos})"
    return " ".join(str(exc).split())[:200]


# Most specific first: APITimeoutError is an APIConnectionError.
_MESSAGES: tuple[tuple[type[Exception], str], ...] = (
    (openai.AuthenticationError, "the API rejected the API key (401): check OPENAI_API_KEY or --api-key"),
    (openai.PermissionDeniedError, "the API key has no access to this model (403): check --api-key and --model"),
    (openai.NotFoundError, "the endpoint or model was not found (404): check --base-url and --model"),
    (openai.BadRequestError, "the LLM endpoint rejected the request as invalid (400, not retried)"),
    (openai.APITimeoutError, "the LLM request timed out after retries"),
    (openai.APIConnectionError, "could not connect to the LLM endpoint after retries"),
)


def _describe(exc: Exception) -> str:
    message = next((m for kind, m in _MESSAGES if isinstance(exc, kind)), None)
    if message:
        return message
    if isinstance(exc, openai.APIStatusError):
        return f"the LLM endpoint answered HTTP {exc.status_code} after retries"
    return f"LLM call failed: {type(exc).__name__}"
