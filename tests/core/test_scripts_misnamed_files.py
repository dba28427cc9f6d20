"""A script saved as ROUND.TOML is read; one an editor saved as my_round.toml.txt (Notepad,
TextEdit) is named with the fix, in `scripts list`/Home and in `scripts validate`: both were
silently left out, so the user's round was just missing from Home."""
import subprocess
import sys
from pathlib import Path

from interviewer.core.scripts.loader import discover_scripts

SCRIPT = '''id = "{id}"
title = "Mine"
kind = "coding"
minutes = 45

[[phases]]
id = "main"
name = "Main"
minutes = 45
prompt = "Let's start."

[[questions]]
id = "q1"
text = "Reverse a linked list."
expected_points = []
'''


def test_upper_case_suffix_is_read_and_an_editor_suffix_is_named_with_the_fix(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    bundled.mkdir(), user.mkdir()
    (user / "LOUD.TOML").write_text(SCRIPT.format(id="loud"))
    (user / "my_round.toml.txt").write_text(SCRIPT.format(id="mine"))
    (user / "old.toml.bak").write_text(SCRIPT.format(id="old"))  # put aside on purpose: not a problem
    catalog = discover_scripts(bundled, user)
    assert [s.id for s in catalog.scripts] == ["loud"]
    [problem] = catalog.problems
    assert problem.startswith(f"{user / 'my_round.toml.txt'}: ") and "rename the file to my_round.toml" in problem


def test_only_a_misnamed_script_in_the_folder_is_still_named(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    bundled.mkdir(), user.mkdir()
    (user / "my_round.toml.rtf").write_text(SCRIPT.format(id="mine"))
    assert ["rename the file to my_round.toml" in p for p in discover_scripts(bundled, user).problems] == [True]


def test_validate_says_to_rename_a_misnamed_file(tmp_path):
    path = tmp_path / "my_round.toml.txt"
    path.write_text(SCRIPT.format(id="mine"))
    out = subprocess.run([sys.executable, "-m", "interviewer", "scripts", "validate", str(path), str(tmp_path)],
                         capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert out.stdout.count("rename it to my_round.toml") == 2, out  # the file, and in its folder
