"""One exception root for everything the tool raises on purpose."""


class SummarizerError(Exception):
    """Root of all summarizer errors; the CLI prints these as one clear line."""


class InputError(SummarizerError):
    """An input file cannot be used (missing, empty, binary, undecodable, too large)."""


class ModelSetupError(SummarizerError):
    """The embedded model is missing, corrupt or cannot be started."""


class LLMError(SummarizerError):
    """The LLM endpoint failed after retries, or rejected the request."""


class OutputError(SummarizerError):
    """An output file could not be written."""


class ModelOutputError(LLMError):
    """The model answered, but its answer cannot be used: cut at max_tokens, or JSON that fails
    parsing or the response schema after the re-asks. About one request, never fatal for a run."""


class EndpointError(LLMError):
    """The endpoint refuses every request (bad key, no such endpoint or model): fatal for a run."""
