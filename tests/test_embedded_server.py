"""The embedded server's lifecycle and the model assembly, without the real model.

A fake `llama_cpp` package (written into tmp_path and put first on the child's PYTHONPATH)
stands in for llama-cpp-python: `python -m llama_cpp.server` parses --host/--port, records
its pid and arguments, and serves GET /v1/models and a minimal chat completion.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.errors import ModelSetupError
from summarizer.llm.embedded import DEFAULT_MODEL, MODELS, EmbeddedServer, ModelSpec, ensure_model
from summarizer.models import ArticleResult

FAKE_SERVER = textwrap.dedent('''
    """Fake `python -m llama_cpp.server` for tests."""
    import argparse, json, os, signal, sys, threading, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--model")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=8000)
    args, _rest = parser.parse_known_args()

    def record(event, **extra):
        with open(os.environ["FAKE_LLAMA_RECORD"], "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"event": event, "pid": os.getpid(), **extra}) + "\\n")

    record("start", argv=sys.argv[1:], host=args.host, port=args.port, model=args.model)
    if os.environ.get("FAKE_LLAMA_FAIL"):
        print("error loading model: fake failure", file=sys.stderr)
        sys.exit(3)
    time.sleep(float(os.environ.get("FAKE_LLAMA_DELAY", "0")))

    CONTENT = json.dumps({"officials": [], "gist": "本段介绍就业工作安排。"}, ensure_ascii=False)
    BUSY = threading.Condition()
    IN_FLIGHT = [0]

    def graceful(_signum, _frame):
        """As uvicorn (llama_cpp.server) does on SIGTERM: finish the requests in flight, then exit."""
        record("sigterm")

        def finish():
            with BUSY:
                BUSY.wait_for(lambda: IN_FLIGHT[0] == 0)
            os._exit(0)

        threading.Thread(target=finish, daemon=True).start()

    signal.signal(signal.SIGTERM, graceful)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def _send(self, payload):
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._send({"object": "list", "data": [{"id": args.model}]})

        def do_POST(self):
            self.rfile.read(int(self.headers.get("content-length", 0)))
            with BUSY:
                IN_FLIGHT[0] += 1
            try:
                record("request")
                time.sleep(float(os.environ.get("FAKE_LLAMA_SLOW", "0")))
                self._send({"id": "x", "object": "chat.completion", "created": 0, "model": "fake",
                            "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": CONTENT}}],
                            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}})
            finally:
                with BUSY:
                    IN_FLIGHT[0] -= 1
                    BUSY.notify_all()

    ThreadingHTTPServer((args.host, args.port), Handler).serve_forever()
''')

ARTICLE = ("市就业局局长李为民介绍，今年1-10月，全市城镇新增就业54.9万人。\n"
           "李为民表示，2021年全市城镇新增就业60万人以上。\n")


@pytest.fixture
def fake_llama(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Install the fake llama_cpp for children; yield the file its servers record into."""
    root = tmp_path / "fakepkgs"
    server = root / "llama_cpp" / "server"
    server.mkdir(parents=True)
    (root / "llama_cpp" / "__init__.py").write_text("")
    (server / "__init__.py").write_text("")
    (server / "__main__.py").write_text(FAKE_SERVER, encoding="utf-8")
    record = tmp_path / "record.jsonl"
    record.touch()
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(root),
                                                                   os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("FAKE_LLAMA_RECORD", str(record))
    monkeypatch.syspath_prepend(str(root))  # the parent checks that llama_cpp is importable
    for var in ("FAKE_LLAMA_FAIL", "FAKE_LLAMA_DELAY", "FAKE_LLAMA_SLOW"):
        monkeypatch.delenv(var, raising=False)
    yield record
    for start in events(record):  # a failing test must not leave its fake servers running
        if alive(start["pid"]):
            os.kill(start["pid"], signal.SIGKILL)


def events(record: Path, kind: str = "start") -> list[dict[str, Any]]:
    lines = record.read_text(encoding="utf-8").splitlines()
    return [e for e in map(json.loads, lines) if e["event"] == kind]


def wait_for(predicate: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def alive(pid: int) -> bool:
    """A process exists and is not a zombie (read from /proc: psutil is not installed)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def other_local_address() -> str | None:
    """A non-loopback address of this machine, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent for a UDP connect
            addr = sock.getsockname()[0]
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


# ---------------------------------------------------------------- EmbeddedServer


def test_binds_loopback_on_a_random_free_port_and_stops(fake_llama: Path, tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    with EmbeddedServer(model, startup_timeout=30) as one, EmbeddedServer(model, startup_timeout=30) as two:
        starts = events(fake_llama)
        assert len(starts) == 2
        for server, start in zip((one, two), starts, strict=True):
            assert start["host"] == "127.0.0.1"
            assert start["port"] == server.port and server.port >= 1024
            assert start["argv"][start["argv"].index("--host") + 1] == "127.0.0.1"
            assert "0.0.0.0" not in start["argv"] and start["model"] == str(model)
            assert server.base_url == f"http://127.0.0.1:{server.port}/v1"
            assert alive(start["pid"])
            with urllib.request.urlopen(f"{server.base_url}/models", timeout=5) as resp:
                assert resp.status == 200
        assert one.port != two.port
        addr = other_local_address()
        if addr:  # not reachable from another interface of this machine
            with pytest.raises(OSError), socket.create_connection((addr, one.port), timeout=2):
                pass
        pids = [s["pid"] for s in starts]
    assert not any(alive(pid) for pid in pids)
    assert one.proc is None and two.proc is None


def test_stopped_when_the_body_raises(fake_llama: Path, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="boom"), EmbeddedServer(tmp_path / "m.gguf"):
        wait_for(lambda: events(fake_llama))
        assert alive(events(fake_llama)[0]["pid"])
        raise RuntimeError("boom")
    assert not alive(events(fake_llama)[0]["pid"])


def test_server_that_exits_at_start_is_a_setup_error(fake_llama: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_LLAMA_FAIL", "1")
    with pytest.raises(ModelSetupError, match=r"exited at start.*fake failure"):
        EmbeddedServer(tmp_path / "m.gguf").start()


def test_startup_timeout_stops_the_child(fake_llama: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_LLAMA_DELAY", "30")
    server = EmbeddedServer(tmp_path / "m.gguf", startup_timeout=1.0)
    with pytest.raises(ModelSetupError, match="did not answer"):
        server.start()
    assert not alive(events(fake_llama)[0]["pid"])


HOLDER = textwrap.dedent('''
    import sys, time
    from pathlib import Path
    from summarizer.llm.embedded import EmbeddedServer
    with EmbeddedServer(Path(sys.argv[1]), startup_timeout=60):
        print("ready", flush=True)
        time.sleep(60)
''')


def test_sigkill_of_the_parent_stops_the_server(fake_llama: Path, tmp_path: Path) -> None:
    """SIGKILL cannot be handled: the kernel tells the server (PR_SET_PDEATHSIG)."""
    parent = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "m.gguf")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline() == "ready\n"
        child = events(fake_llama)[0]["pid"]
        assert alive(child)
        parent.kill()
        parent.wait(timeout=15)
        wait_for(lambda: not alive(child), timeout=15)
    finally:
        parent.kill()
        parent.wait()


@pytest.mark.parametrize("phase", ["loading", "serving"])
def test_sigint_of_the_parent_stops_the_server(fake_llama: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, phase: str) -> None:
    """Ctrl-C reaches only the parent (the server has its own session): the parent must stop
    it, also while the model is still loading (before `__enter__` returns)."""
    if phase == "loading":
        monkeypatch.setenv("FAKE_LLAMA_DELAY", "30")
    parent = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "m.gguf")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: events(fake_llama))
        if phase == "serving":
            assert parent.stdout is not None and parent.stdout.readline() == "ready\n"
        child = events(fake_llama)[0]["pid"]
        assert alive(child)
        parent.send_signal(signal.SIGINT)
        parent.wait(timeout=15)
    finally:
        parent.kill()
        parent.wait()
    assert parent.returncode != 0
    assert not alive(child)


# ---------------------------------------------------------------- the CLI on the embedded server


@pytest.fixture
def embedded_env(fake_llama: Path, tmp_path: Path) -> dict[str, str]:
    """Environment for a CLI child using the embedded model: no endpoint configured, the fake
    llama_cpp first on the path, and a cache holding a GGUF of the right size with its stamp
    (a sparse file: no disk used), so ensure_model() does not assemble the real parts."""
    spec = MODELS[DEFAULT_MODEL]
    models = tmp_path / "xdg" / "summarizer" / "models"
    models.mkdir(parents=True)
    gguf = models / f"{spec.name}.gguf"
    with gguf.open("wb") as fh:
        fh.truncate(spec.size)
    gguf.with_suffix(".sha256").write_text(spec.sha256)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    return env


def cli(tmp_path: Path, env: dict[str, str], n: int = 3) -> subprocess.Popen[str]:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for i in range(n):
        # each its own request: the `small` profile sends the sentences naming a role, not 第i期
        (src / f"a{i}.txt").write_text(f"第{i}期\n{ARTICLE.replace('介绍', f'第{i}次介绍', 1)}", encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-c", "from summarizer.cli.app import main; main()", "extract", str(src),
         "--out", str(tmp_path / "out"), "--timeout", "30"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_cli_runs_on_the_embedded_server_and_stops_it(embedded_env: dict[str, str],
                                                      fake_llama: Path, tmp_path: Path) -> None:
    proc = cli(tmp_path, embedded_env)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    (start,) = events(fake_llama)
    assert start["host"] == "127.0.0.1" and start["model"].endswith(".gguf")
    assert len(events(fake_llama, "request")) == 3
    assert not alive(start["pid"])
    outs = sorted((tmp_path / "out").glob("*.json"))
    assert len(outs) == 3
    r = ArticleResult.model_validate_json(outs[0].read_text("utf-8"))
    assert r.model == MODELS[DEFAULT_MODEL].name and r.usage.llm_calls == 1 and not r.errors


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_cli_signal_mid_run_kills_the_server_and_exits_within_a_second(
        embedded_env: dict[str, str], fake_llama: Path, tmp_path: Path, sig: signal.Signals,
        status: int) -> None:
    """The model is answering (30 s to go). llama_cpp.server, like the fake, finishes the
    requests in flight on SIGTERM: the CLI must not wait for that answer (it did: 8-12 s)."""
    embedded_env["FAKE_LLAMA_SLOW"] = "30"  # a request in flight that would take 30 s
    proc = cli(tmp_path, embedded_env)
    try:
        wait_for(lambda: events(fake_llama, "request"))
        (start,) = events(fake_llama)
        time.sleep(0.2)
        sent = time.monotonic()
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=20)
        took = time.monotonic() - sent
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == status, stderr
    assert took < 1.5, f"{took:.2f}s from {sig.name} to exit"
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert not alive(start["pid"])
    # the article in flight has no output, neither a partial file nor a "failed" JSON
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_cli_sigint_while_the_model_loads(embedded_env: dict[str, str], fake_llama: Path,
                                          tmp_path: Path) -> None:
    embedded_env["FAKE_LLAMA_DELAY"] = "30"
    proc = cli(tmp_path, embedded_env)
    try:
        wait_for(lambda: events(fake_llama))
        (start,) = events(fake_llama)
        time.sleep(0.3)  # the parent is polling /v1/models
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=20)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert not alive(start["pid"])


# ---------------------------------------------------------------- ensure_model


def fake_parts(root: Path, prefix: str, chunks: list[bytes]) -> None:
    for i, data in enumerate(chunks, start=1):
        pkg = root / f"{prefix}{i}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "data" / f"part{i:02d}.bin").write_bytes(data)


@pytest.fixture
def fake_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Register a tiny model whose 3 part packages live in tmp_path, on sys.path."""
    chunks = [b"GGUF" + bytes(range(256)) * 4, b"middle" * 100, b"end"]
    blob = b"".join(chunks)
    prefix = f"fake_model_part_{os.getpid()}_{tmp_path.name.replace('-', '_')}_"
    fake_parts(tmp_path / "site", prefix, chunks)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))

    def register(sha256: str | None = None, parts: int = 3, extra: str = "local") -> ModelSpec:
        spec = ModelSpec(name="fake-model", package_prefix=prefix, parts=parts, size=len(blob),
                         sha256=sha256 or hashlib.sha256(blob).hexdigest(), extra=extra)
        monkeypatch.setitem(MODELS, "fake", spec)
        return spec

    register.blob = blob  # type: ignore[attr-defined]
    return register


def test_ensure_model_assembles_verifies_and_reuses(fake_spec: Any, tmp_path: Path) -> None:
    fake_spec()
    path = ensure_model("fake", cache_root=tmp_path / "cache")
    assert path.read_bytes() == fake_spec.blob
    assert path.with_suffix(".sha256").read_text() == hashlib.sha256(fake_spec.blob).hexdigest()
    assert sorted(p.name for p in path.parent.iterdir()) == ["fake-model.gguf", "fake-model.sha256"]
    mtime = path.stat().st_mtime_ns
    assert ensure_model("fake", cache_root=tmp_path / "cache") == path  # reused, not rebuilt
    assert path.stat().st_mtime_ns == mtime


def test_ensure_model_rebuilds_a_corrupt_file_of_the_right_size(fake_spec: Any, tmp_path: Path) -> None:
    fake_spec()
    models = tmp_path / "cache" / "models"
    models.mkdir(parents=True)
    (models / "fake-model.gguf").write_bytes(b"\0" * len(fake_spec.blob))  # no stamp
    path = ensure_model("fake", cache_root=tmp_path / "cache")
    assert path.read_bytes() == fake_spec.blob


def test_wrong_sha256_is_an_error_and_leaves_no_partial_file(fake_spec: Any, tmp_path: Path) -> None:
    fake_spec(sha256="0" * 64)
    with pytest.raises(ModelSetupError, match=r"sha256.*expected 0{64}.*--force-reinstall"):
        ensure_model("fake", cache_root=tmp_path / "cache")
    assert list((tmp_path / "cache" / "models").iterdir()) == []  # no .part, no .gguf, no stamp


def test_missing_part_package_names_the_pip_extra(fake_spec: Any, tmp_path: Path) -> None:
    fake_spec(parts=4)  # part 4 is not installed
    with pytest.raises(ModelSetupError) as info:
        ensure_model("fake", cache_root=tmp_path / "cache")
    assert "part_" in str(info.value) and "4 is not installed" in str(info.value)
    assert "pip install '.[local]'" in str(info.value) and "OPENAI_BASE_URL" in str(info.value)
    assert not (tmp_path / "cache" / "models").exists() or not list(
        (tmp_path / "cache" / "models").iterdir())


def test_missing_data_file_in_a_part_package(fake_spec: Any, tmp_path: Path) -> None:
    spec = fake_spec()
    (tmp_path / "site" / f"{spec.package_prefix}2" / "data" / "part02.bin").unlink()
    with pytest.raises(ModelSetupError, match=r"has no part02\.bin; reinstall"):
        ensure_model("fake", cache_root=tmp_path / "cache")


def test_unknown_embedded_model() -> None:
    with pytest.raises(ModelSetupError, match="unknown embedded model 'nope'"):
        ensure_model("nope")


def test_cli_reports_a_missing_model_package_in_one_line(fake_spec: Any, tmp_path: Path) -> None:
    """Through the CLI: exit 2, one line, and the "[local]" of the advice survives the console
    (rich markup used to swallow it: "pip install '.'")."""
    from typer.testing import CliRunner

    from summarizer.cli.app import app

    fake_spec(parts=4)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "OPENAI_BASE_URL": "", "OPENAI_MODEL": ""}
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--out",
                                      str(tmp_path / "out"), "--embedded-model", "fake"], env=env)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "pip install '.[local]'" in lines[0], result.stderr


def test_fully_cached_rerun_never_starts_the_server(embedded_env: dict[str, str],
                                                     fake_llama: Path, tmp_path: Path) -> None:
    for _ in range(2):
        proc = cli(tmp_path, embedded_env)
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr
    assert len(events(fake_llama)) == 1  # the second run was served from the cache alone
    assert "model loaded" not in stderr
