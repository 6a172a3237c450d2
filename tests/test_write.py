"""Atomic writes: content, permissions of new and replaced files, no temp file left behind."""

from __future__ import annotations

import os
from pathlib import Path

from summarizer.outputs.write import write_atomic


def test_a_new_file_gets_the_usual_permissions_and_no_temp_file_remains(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        import importlib

        import summarizer.outputs.write as write

        importlib.reload(write)  # the module reads the umask once, at import
        target = tmp_path / "sub" / "a.json"
        write.write_atomic(target, '{"x": "重庆"}\n')
    finally:
        os.umask(umask)
        importlib.reload(write)
    assert target.read_text(encoding="utf-8") == '{"x": "重庆"}\n'
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640
