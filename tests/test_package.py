"""The package as users install it: every runtime import declared, and a wheel (not the
editable source tree) that runs the rules, the LLM path (replayed from a cassette over HTTP),
the HTML briefing and the Python API from a fresh venv.

The wheel test builds offline with the installed setuptools (`pip wheel --no-build-isolation`,
extra `test`), installs the wheel with `--no-deps` into a venv made `--without-pip`, and gives that
venv this environment's dependencies through a `.pth` line (a path line: the editable install's
own `.pth` hook is not run, so `summarizer` can only come from the wheel). Deselect it with
`-m "not wheel"`.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import threading
import time
import tomllib
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import packages_distributions
from pathlib import Path
from typing import Any

import pytest
import yaml

from summarizer.llm.embedded import DEFAULT_MODEL, MODELS
from summarizer.models import ArticleResult

from .conftest import MOCK_KEY

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_674fb140731dc5ae.txt"
CASSETTE = ROOT / "cassettes" / "test_e2e" / "test_seeds_end_to_end.yaml"
MODEL = MODELS[DEFAULT_MODEL].name
# Imported only by optional features, each installed by an extra.
OPTIONAL = {"llama_cpp": "local", "ray": "ray", "sklearn": "train"}
# Distributions of optional modules whose import name differs, for when the extra is not installed
# (packages_distributions knows installed ones only): `pip install -e '.[test]'` has no scikit-learn.
DISTRIBUTION = {"sklearn": "scikit-learn"}


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0]).lower()


def _third_party_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / "summarizer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "summarizer":
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_runtime_import_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    extras = {extra: {_name(r) for r in reqs} for extra, reqs in project["optional-dependencies"].items()}
    dists = packages_distributions()
    missing = []
    for module, files in sorted(_third_party_imports().items()):
        names = {_name(d) for d in dists.get(module, [DISTRIBUTION.get(module, module)])}
        wanted = extras[OPTIONAL[module]] if module in OPTIONAL else declared
        if not names & wanted:
            missing.append(f"{module} ({', '.join(sorted(names))}) imported by {', '.join(sorted(files))}")
    assert not missing, "undeclared runtime imports: " + "; ".join(missing)


def test_prompts_live_in_the_package() -> None:
    top = ROOT / "prompts"
    assert top.is_symlink() and top.resolve() == (ROOT / "summarizer" / "llm" / "prompts").resolve()
    from summarizer.llm.prompting import PROMPT_DIR, load_prompt

    assert (ROOT / "summarizer" / "llm" / "prompts").resolve() == PROMPT_DIR
    # The cache key names a prompt by its content, not its place (the cassettes still replay).
    assert str(PROMPT_DIR) not in load_prompt("extract_chunk").key


class CassetteServer:
    """An OpenAI-compatible endpoint on loopback that answers from a vcrpy cassette: a request
    gets the recorded response of the interaction with the same method, path and JSON body."""

    def __init__(self, cassette: Path) -> None:
        interactions = yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]
        self.answers = [(i["request"]["method"], re.sub(r"^https?://[^/]+", "", i["request"]["uri"]),
                         json.loads(i["request"]["body"]), i["response"]) for i in interactions]
        self.served = 0
        self.unmatched: list[dict[str, Any]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> CassetteServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        replay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                match = next((r for m, p, b, r in replay.answers
                              if m == "POST" and p == self.path and b == body), None)
                if match is None:
                    replay.unmatched.append(body)
                    status, payload = 404, b'{"error": {"message": "no such request in the cassette"}}'
                else:
                    replay.served += 1
                    status, payload = match["status"]["code"], match["body"]["string"].encode("utf-8")
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str], float]]:
    """A fresh venv holding the wheel built from this tree; yields its bin dir, an environment
    to run it in and the seconds that building and installing took."""
    tmp = tmp_path_factory.mktemp("wheel")
    started = time.monotonic()
    src = tmp / "src"  # a copy: the build writes build/ and *.egg-info, not into the tree
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "summarizer", src / "summarizer",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist),
                    str(src)], check=True, capture_output=True, text=True, timeout=120)
    (wheel,) = dist.glob("summarizer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"summarizer/llm/prompts/extract_chunk.txt", "summarizer/outputs/templates/brief.html.j2"} <= names

    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, text=True, timeout=120)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "_summarizer_test_deps.pth").write_text("\n".join(sorted(ours)) + "\n")
    seconds = time.monotonic() - started

    home = tmp / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "OPENAI_", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), PYTHONNOUSERSITE="1")
    yield venv / "bin", env, seconds


def _run(cmd: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"{cmd}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.mark.wheel
def test_wheel_runs_from_a_fresh_venv(installed: tuple[Path, dict[str, str], float],
                                      tmp_path: Path) -> None:
    bin_dir, env, seconds = installed
    venv = bin_dir.parent
    cwd = tmp_path / "elsewhere"  # outside the source tree: nothing can come from it
    cwd.mkdir()
    where = _run([str(bin_dir / "python"), "-c", "import summarizer; print(summarizer.__file__)"], env, cwd)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)

    cli = str(bin_dir / "summarizer")
    _run([cli, "extract", str(SEED), "--out", "rules", "--deterministic"], env, cwd)
    rules = ArticleResult.model_validate_json((cwd / "rules" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert rules.status == "ok" and rules.metrics and rules.commitments and rules.officials

    with CassetteServer(CASSETTE) as replay:  # the prompt file must be found in the installed package
        _run([cli, "extract", str(SEED), "--out", "llm", "--model", MODEL, "--base-url", replay.base_url,
              "--api-key", MOCK_KEY, "--max-retries", "0", "--no-cache"], env, cwd)
    llm = ArticleResult.model_validate_json((cwd / "llm" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert not replay.unmatched, "requests the cassette does not hold (prompt or request changed?)"
    assert llm.status == "ok" and not llm.errors and llm.summary
    assert llm.usage.llm_calls == replay.served > 0 and llm.model == MODEL

    _run([cli, "brief", "llm", "--format", "html", "-o", "brief.html"], env, cwd)  # templates shipped
    assert "<html" in (cwd / "brief.html").read_text(encoding="utf-8")
    _run([cli, "export", "llm", "-o", "tables"], env, cwd)
    assert (cwd / "tables" / "metrics.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    api = _run([str(bin_dir / "python"), "-c",
                "import json, pathlib, summarizer\n"
                "from summarizer import extract\n"
                f"r = extract(pathlib.Path({str(SEED)!r}), deterministic=True)\n"
                "print(json.dumps({'file': summarizer.extract.__code__.co_filename,"
                " 'metrics': len(r.metrics)}))"], env, cwd)
    answer = json.loads(api.stdout)
    assert Path(answer["file"]).is_relative_to(venv) and answer["metrics"] == len(rules.metrics)
    assert seconds < 60, f"building and installing the wheel took {seconds:.1f}s"
    print(f"wheel built and installed in {seconds:.1f}s")
