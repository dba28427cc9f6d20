"""Build a wheel, install it in a fresh virtual environment, and run it from outside the checkout.

Everything happens offline: the wheel is built without build isolation (setuptools and wheel
come from the test extras), installed with --no-index, and platformdirs (the one runtime
dependency `--version` and `scripts list` need) is copied from this interpreter's install.
No other dependency is installed, which also proves those commands import nothing heavy.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

import interviewer
from interviewer.core.scripts.model import ROUND_KINDS

CHECKOUT = Path(__file__).resolve().parents[1]
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


BUILD_INPUTS = ("pyproject.toml", "README.md", "interviewer", "question_scripts", "assets")


def _copy_sources(dest: Path) -> None:
    """What the build reads, as a clean clone has it: never stale build/ output or caches."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z",
                             "--", *BUILD_INPUTS], cwd=CHECKOUT, capture_output=True)
    if listed.returncode == 0 and listed.stdout:
        for name in listed.stdout.decode().split("\0"):
            source = CHECKOUT / name
            if name and source.is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, dest / name)
        return
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in BUILD_INPUTS:
        source = CHECKOUT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, dest / name)


def _run(cmd: list, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=300, **kw)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _install_platformdirs(venv_python: Path) -> None:
    site = _run([venv_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    dist = metadata.distribution("platformdirs")
    for file in dist.files:
        source = Path(dist.locate_file(file))
        if source.is_file() and ".." not in file.parts:
            target = Path(site) / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    src, dist, venv = tmp / "src", tmp / "dist", tmp / "venv"
    src.mkdir()
    _copy_sources(src)
    env = {**os.environ, **OFFLINE}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", dist, src], env=env)
    wheel = next(dist.glob("interviewer-*.whl"))
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    venv_python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", venv_python, "install", "--no-deps", "-q", wheel],
         env=env)
    _install_platformdirs(venv_python)
    home = tmp / "home"
    home.mkdir()
    # A user's environment: not the checkout's, no data-folder override, nothing on PYTHONPATH.
    run_env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "INTERVIEWER_", "XDG_", "VIRTUAL_ENV"))}
    run_env.update(HOME=str(home), PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    return {"wheel": wheel, "venv": venv, "env": run_env, "cwd": tmp, "home": home}


def _interviewer(installed, *args) -> subprocess.CompletedProcess:
    return _run([installed["venv"] / "bin" / "interviewer", *args],
                cwd=installed["cwd"], env=installed["env"])


def test_wheel_ships_every_package_and_the_bundled_scripts(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for init in sorted((CHECKOUT / "interviewer").rglob("__init__.py")):
        rel = init.relative_to(CHECKOUT).as_posix()
        assert rel in names, f"{rel} is missing from the wheel: add its package to pyproject.toml"
    for script in sorted((CHECKOUT / "question_scripts").glob("*.toml")):
        assert f"interviewer/bundled_scripts/{script.name}" in names


def test_installed_version(installed):
    result = _interviewer(installed, "--version")
    version, folder = result.stdout.splitlines()
    assert version == f"interviewer {interviewer.__version__}"
    assert folder.startswith("log folder: ") and str(installed["home"]) in folder  # platformdirs'


def test_installed_scripts_list_uses_the_installed_package(installed):
    table = _interviewer(installed, "scripts", "list")
    bundled_rows = [line.split() for line in table.stdout.splitlines() if line.endswith(" bundled")]
    assert len(bundled_rows) >= 12
    assert {row[1] for row in bundled_rows} == set(ROUND_KINDS)
    assert str(installed["home"]) in table.stdout  # the user folder, resolved by platformdirs

    data = json.loads(_interviewer(installed, "scripts", "list", "--json").stdout)
    assert data["problems"] == []
    paths = [Path(s["path"]) for s in data["scripts"]]
    assert len(paths) >= 12
    assert all(installed["venv"] in p.parents for p in paths), paths[0]


def test_installed_scripts_validate(installed):
    site = installed["venv"] / "lib" / f"python{sysconfig.get_python_version()}" / "site-packages"
    result = _interviewer(installed, "scripts", "validate", site / "interviewer" / "bundled_scripts")
    assert result.stdout.count("OK ") >= 12
