"""No dead code in interviewer/: vulture (at 60% confidence) finds nothing beyond the names in
tools/vulture_whitelist.py, each of which has a user vulture cannot see (Qt, argparse, tests)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHITELIST = ROOT / "tools" / "vulture_whitelist.py"


def _vulture(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vulture", *map(str, paths), "--min-confidence", "60"],
                          capture_output=True, text=True, timeout=120)


def _reported_names(output: str) -> set[str]:
    return set(re.findall(r"unused \w+ '([^']+)'", output))


def test_vulture_finds_no_dead_code():
    result = _vulture(ROOT / "interviewer", WHITELIST)
    assert result.returncode == 0 and not result.stdout.strip(), (
        "dead code (delete it, or if something vulture cannot see uses it, add it to "
        f"tools/vulture_whitelist.py with the reason):\n{result.stdout}{result.stderr}")


def test_every_whitelisted_name_is_still_needed():
    """A name that vulture no longer reports (deleted, or now used in interviewer/) leaves the list."""
    listed = set(re.findall(r"^_\.(\w+)", WHITELIST.read_text(), flags=re.MULTILINE))
    assert listed
    reported = _reported_names(_vulture(ROOT / "interviewer").stdout)
    assert listed <= reported, f"no longer reported, remove from the whitelist: {sorted(listed - reported)}"


def test_a_new_unused_function_is_caught(tmp_path):
    project = tmp_path / "interviewer"
    shutil.copytree(ROOT / "interviewer", project, ignore=shutil.ignore_patterns("__pycache__"))
    clock = project / "core" / "clock.py"
    clock.write_text(clock.read_text() + "\n\ndef _never_called_helper():\n    return 1\n")
    result = _vulture(project, WHITELIST)
    assert result.returncode != 0
    assert "unused function '_never_called_helper'" in result.stdout
