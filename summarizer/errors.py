"""One exception root for everything the tool raises on purpose."""

from __future__ import annotations


class SummarizerError(Exception):
    """Root of all summarizer errors; the CLI prints these as one clear line."""


class InputError(SummarizerError):
    """An input file cannot be used (missing, empty, binary, undecodable, too large)."""


class ModelSetupError(SummarizerError):
    """The embedded model is missing, corrupt or cannot be started."""


class LLMError(SummarizerError):
    """The LLM endpoint failed after retries, or rejected the request.

    The message is one line for people; the cause stays for programs: `status` is the HTTP
    status of the endpoint's error answer and `body` its body (the API key scrubbed), both None
    when there was no answer (timeout, connection) or the answer was unusable output; the SDK's
    exception is the `__cause__`. Both survive pickling (worker processes send them)."""

    def __init__(self, message: str, *, status: int | None = None, body: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body

    def again(self) -> LLMError:
        """The same failure for another caller (a refused run answers every later call so)."""
        return type(self)(str(self), status=self.status, body=self.body)


class OutputError(SummarizerError):
    """An output file could not be written."""


class ModelOutputError(LLMError):
    """The model answered, but its answer cannot be used: cut at max_tokens, or JSON that fails
    parsing or the response schema after the re-asks. About one request, never fatal for a run.
    `raw` is the model's last answer as it came (None when there was none to read); the SDK's
    exception (validation, JSON, cut) is the `__cause__`."""

    def __init__(self, message: str, *, raw: str | None = None, status: int | None = None,
                 body: str | None = None) -> None:
        super().__init__(message, status=status, body=body)
        self.raw = raw

    def again(self) -> ModelOutputError:
        return type(self)(str(self), raw=self.raw, status=self.status, body=self.body)


class EndpointError(LLMError):
    """The endpoint refuses every request (bad key, no such endpoint or model): fatal for a run."""


class ClusterError(SummarizerError):
    """`--ray`: Ray is not installed, the cluster cannot be joined, or a node cannot run workers."""
