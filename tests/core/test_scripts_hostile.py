"""Hostile question script files: one bad file in the user's folder hides only itself, named,
with the reason; bundled scripts and the user's good scripts still load. Through discovery
(what the Home screen uses, no GUI here) and through the real `interviewer scripts` process."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.core.scripts import loader
from interviewer.core.scripts.loader import discover_scripts, validate_file
from interviewer.resources import bundled_scripts_dir

GOOD = (bundled_scripts_dir() / "coding_intervals.toml").read_text(encoding="utf-8")
MINE = GOOD.replace('id = "coding_intervals"', 'id = "my_round"')
assert MINE != GOOD
ROUND_LINE = GOOD.splitlines().index("minutes = 45") + 1
PHASE_LINE = GOOD.splitlines().index("minutes = 2") + 1


def with_minutes(value: str, first: str = "minutes = 45\n") -> bytes:
    """A complete, otherwise valid script whose first `first` line is replaced."""
    assert first in GOOD
    return GOOD.replace('id = "coding_intervals"', 'id = "bad_one"').replace(first, f"minutes = {value}\n", 1).encode()


# name -> (file bytes, what follows the file name in the one problem line, a word of the reason)
HOSTILE = {
    "401_digits": (with_minutes("9" * 401), f":{ROUND_LINE}: minutes: ", "401-digit"),
    "5000_digits": (with_minutes("9" * 5000), f":{ROUND_LINE}: minutes: ", "digits"),
    "deep_array": (with_minutes("[" * 5000 + "]" * 5000), f":{ROUND_LINE}: minutes: ", "nested too deeply"),
    "deep_table": (with_minutes("{a=" * 3000 + "1" + "}" * 3000), f":{ROUND_LINE}: minutes: ",
                   "nested too deeply"),
    "not_utf8": (b'id = "caf\xe9"\n', ":1: encoding: ", "not UTF-8"),
    "huge_phase_minutes": (with_minutes("-" + "7" * 400, "minutes = 2\n"), f":{PHASE_LINE}: phases[1].minutes: ",
                           "400-digit"),
}


def only_problem_of(problems: list[str], path: Path) -> str:
    mine = [p for p in problems if p.startswith(str(path))]
    assert len(mine) == 1, problems
    return mine[0]


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "question_scripts"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(MINE, encoding="utf-8")
    return folder


def bundled_ids() -> list[str]:
    return [s.id for s in discover_scripts(user_dir=Path("/nonexistent-user-dir")).scripts]


@pytest.mark.parametrize("name", HOSTILE)
def test_one_hostile_user_script_hides_only_itself(user_dir, name):
    content, where, reason = HOSTILE[name]
    bad = user_dir / f"{name}.toml"
    bad.write_bytes(content)

    catalog = discover_scripts()

    ids = [s.id for s in catalog.scripts]
    assert set(bundled_ids()) <= set(ids) and len(bundled_ids()) >= 12
    assert "my_round" in ids
    line = only_problem_of(catalog.problems, bad)
    assert line.startswith(f"{bad}{where}") and reason in line, line
    assert all(p.startswith(str(bad)) for p in catalog.problems), catalog.problems
    assert "Traceback" not in line and len(line) < 300
    assert validate_file(bad)  # the same problem from `scripts validate`


def test_an_unforeseen_error_from_one_file_still_names_it(user_dir, monkeypatch):
    """Whatever goes wrong inside one file's parsing, discovery carries on."""
    bad = user_dir / "odd.toml"
    bad.write_text(MINE.replace('id = "my_round"', 'id = "odd"'), encoding="utf-8")
    real = loader.parse_script

    def parse(text, source="<script>", *, bundled=False):
        if source == str(bad):
            raise KeyError("something nobody foresaw")
        return real(text, source, bundled=bundled)

    monkeypatch.setattr(loader, "parse_script", parse)
    catalog = discover_scripts()
    assert "my_round" in [s.id for s in catalog.scripts]
    assert set(bundled_ids()) <= {s.id for s in catalog.scripts}
    (line,) = catalog.problems
    assert line.startswith(f"{bad}: cannot be loaded (KeyError") and "nobody foresaw" in line


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "interviewer", "scripts", *args],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("name", ["401_digits", "deep_array", "5000_digits", "not_utf8"])
def test_scripts_list_and_validate_survive_a_hostile_file(user_dir, name):
    content, where, reason = HOSTILE[name]
    bad = user_dir / f"{name}.toml"
    bad.write_bytes(content)

    listed = run("list", data_dir=user_dir.parent)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    assert "coding_intervals" in listed.stdout and "my_round" in listed.stdout
    (warning,) = listed.stderr.strip().splitlines()
    assert warning.startswith(f"left out: {bad}{where}") and reason in warning

    checked = run("validate", str(bad), data_dir=user_dir.parent)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr + checked.stdout
    problem, summary = checked.stdout.strip().splitlines()  # the summary follows on the same stream
    assert problem.startswith(f"{bad}{where}") and reason in problem
    assert summary == "1 of 1 script(s) have problems"


def _with_points(points: str, outline: str = "") -> str:
    """The good script with its first question's points (and outline) replaced."""
    start = GOOD.index("expected_points = [")
    end = GOOD.index("\n]\n", start) + 3
    if GOOD.startswith("outline = [", end):
        end = GOOD.index("\n]\n", end) + 3
    return GOOD.replace('id = "coding_intervals"', 'id = "many_points"').replace(
        GOOD[start:end], f"expected_points = [\n{points}]\n{outline}", 1)


def test_thousands_of_points_areas_and_outline_steps_are_checked_quickly(user_dir):
    """Every area different and used a different number of times, every keyword shared: the
    typo check and the shared-keyword check stay fast and report, never hang."""
    import time

    points = "".join(f'    {{ text = "point {i}", keywords = ["same", "k{i}"], area = "area {i % 700} x" }},\n'
                     for i in range(3000))
    outline = "outline = [\n" + "".join(f'    "step {i % 1500}",\n' for i in range(3000)) + "]\n"
    path = user_dir / "many_points.toml"
    path.write_text(_with_points(points, outline), encoding="utf-8")
    began = time.perf_counter()
    problems, warnings = loader.check_file(path)
    assert time.perf_counter() - began < 20.0  # linear, not quadratic (9M typo comparisons would take minutes): ~1.7 s at load 3
    assert problems == []
    assert sum("keyword 'same' is also a keyword of expected_points[1]" in w for w in warnings) == 2999
    assert sum("same step as outline[" in w for w in warnings) == 1500
    assert all(w.startswith(f"{path}:") and ": warning: " in w for w in warnings)


@pytest.mark.parametrize("points, message", [
    ('    { text = "x", keywords = [' + "[" * 3000 + "]" * 3000 + '] },\n',
     "arrays or tables nested too deeply for a question script"),
    ('    { text = "x", keywords = [["a"]] },\n',
     "questions[1].expected_points[1].keywords[1]: must be a string, not a list"),
    ('    { text = "x", area = { name = "nested" } },\n',
     "questions[1].expected_points[1].area: must be a text string, not a table"),
    ('    { text = "' + "long " * 100_000 + '", area = "edge cases" },\n', None),
])
def test_odd_points_name_their_line_or_load(user_dir, points, message):
    path = user_dir / "odd_points.toml"
    text = _with_points(points)
    path.write_text(text, encoding="utf-8")
    problems = validate_file(path)
    if message is None:
        assert problems == []
        return
    line = text.splitlines().index(points.rstrip("\n")) + 1
    assert problems == [f"{path}:{line}: {message}"], problems
