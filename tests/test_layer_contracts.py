"""The declared layer contracts (pyproject's [tool.importlinter]) hold, checked statically by
import-linter: every import counts, including those inside functions."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(project: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH first, so the copy under test is analysed, not the installed package.
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=project, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project)}, timeout=120)


def test_the_tree_keeps_every_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "interviewer", project / "interviewer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    path = project.joinpath(*module.split(".")).with_suffix(".py")
    # Inside a function: the contracts must see function-level imports too.
    path.write_text(path.read_text() + f"\n\ndef _wrong():\n    {line}\n")
    return project


def test_qt_in_the_core_is_caught(tmp_path):
    result = _lint(_copy_with(tmp_path, "interviewer.core.clock", "from PySide6 import QtCore"))
    assert result.returncode != 0
    assert "interviewer.core is not allowed to import PySide6" in result.stdout


def test_an_upward_import_is_caught(tmp_path):
    result = _lint(_copy_with(tmp_path, "interviewer.storage.store", "import interviewer.app.services"))
    assert result.returncode != 0
    assert "interviewer.storage.store -> interviewer.app.services" in result.stdout


def test_a_heavy_library_outside_the_adapters_is_caught(tmp_path):
    result = _lint(_copy_with(tmp_path, "interviewer.app.round_session", "import sounddevice"))
    assert result.returncode != 0
    assert "interviewer.app is not allowed to import sounddevice" in result.stdout
