"""`interviewer scripts list|validate` as a user runs them: a real process, no tracebacks."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.resources import bundled_scripts_dir

GOOD = (bundled_scripts_dir() / "coding_intervals.toml").read_text(encoding="utf-8")


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "interviewer", "scripts", *args],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def broken_files(tmp_path):
    files = {
        "syntax.toml": GOOD.replace('kind = "coding"', 'kind = "coding'),
        "unknown_key.toml": GOOD.replace("minutes = 45", "minutes = 45\nlength = 45"),
        "too_long.toml": GOOD.replace("minutes = 45", "minutes = 75"),
        "binary.toml": None,
        "latin1.toml": None,
    }
    for name, text in files.items():
        if text is not None:
            (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\x00\xff\x10junk" * 50)
    (tmp_path / "latin1.toml").write_bytes("title = \"Caf\u00e9\"\n".encode("latin-1"))
    return tmp_path


def test_validate_bundled_scripts_passes(tmp_path):
    folder = bundled_scripts_dir()
    paths = sorted(str(p) for p in folder.iterdir())  # as the shell expands question_scripts/*
    result = run("validate", *paths, data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    ok_lines = [line for line in result.stdout.splitlines() if line.startswith("OK ")]
    assert len(ok_lines) >= 12
    assert "SKIP" in result.stdout and "README.md" in result.stdout


def test_validate_broken_scripts_exits_1_with_one_line_per_problem(broken_files, tmp_path):
    missing = broken_files / "missing.toml"
    result = run("validate", str(broken_files), str(missing), data_dir=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in out
    lines = result.stdout.splitlines()
    assert f"{broken_files / 'binary.toml'}: binary file, not a TOML question script" in lines
    assert any(line.startswith(f"{broken_files / 'latin1.toml'}:1: encoding: not UTF-8") for line in lines)
    assert any(line.startswith(f"{broken_files / 'syntax.toml'}:4: TOML syntax:") for line in lines)
    assert any(line.startswith(f"{broken_files / 'unknown_key.toml'}:6: length: unknown key 'length'")
               for line in lines)
    assert any(line.startswith(f"{broken_files / 'too_long.toml'}:5: minutes: a round lasts 45 to 60")
               for line in lines)
    assert f"{missing}: no such file" in lines
    assert result.stdout.endswith("\n6 of 6 script(s) have problems\n")


def test_validate_report_is_one_stream_ending_with_its_summary_line(tmp_path):
    """The trial's `validate broken.toml; echo rc=$?` in a tool that shows stdout, then stderr, read
    "rc=11 of 1 script(s) ...": the summary must come with the problem lines, in order, on its own line."""
    broken = tmp_path / "broken.toml"
    broken.write_text(GOOD.replace("follow_ups", "follow_up", 1), encoding="utf-8")
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(tmp_path / "data"))
    shell = subprocess.run(["sh", "-c", f'"{sys.executable}" -m interviewer scripts validate "{broken}"; echo rc=$?'],
                           capture_output=True, text=True, env=env, timeout=60)
    lines = shell.stdout.splitlines()
    assert shell.stderr == ""
    assert lines[-2:] == ["1 of 1 script(s) have problems", "rc=1"], shell.stdout
    assert lines[0].startswith(f"{broken}:") and "follow_up" in lines[0]


def test_validate_folder_with_nothing_to_check_fails_cleanly(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("validate", str(empty), data_dir=tmp_path)
    assert result.returncode == 1
    assert "no question scripts" in result.stderr and "Traceback" not in result.stderr


def test_list_shows_bundled_and_user_scripts_and_survives_broken_ones(tmp_path):
    user = tmp_path / "question_scripts"
    user.mkdir()
    (user / "mine.toml").write_text(GOOD.replace('id = "coding_intervals"', 'id = "my_round"'), encoding="utf-8")
    (user / "broken.toml").write_bytes(b"\xff\xfe not utf-8")

    table = run("list", data_dir=tmp_path)
    assert table.returncode == 0, table.stderr
    rows = [line.split() for line in table.stdout.splitlines()]
    assert ["my_round", "coding", "45"] == rows[[r[0] if r else "" for r in rows].index("my_round")][:3]
    assert table.stdout.splitlines()[0].split() == ["ID", "KIND", "MIN", "TITLE", "SOURCE"]
    assert sum(1 for r in rows if r and r[-1] == "bundled") >= 12
    assert f"left out: {user / 'broken.toml'}:1: encoding" in table.stderr
    assert "Traceback" not in table.stderr

    as_json = run("list", "--json", "--kind", "coding", data_dir=tmp_path)
    data = json.loads(as_json.stdout)
    assert {s["kind"] for s in data["scripts"]} == {"coding"}
    mine = next(s for s in data["scripts"] if s["id"] == "my_round")
    assert mine["source"] == "user" and mine["path"] == str(user / "mine.toml")
    assert len(data["problems"]) == 1


def test_validate_reports_talking_point_warnings_and_list_shows_areas(tmp_path):
    """The issue 13 fields as a script author meets them: a misspelled area and a repeated outline
    step are warnings with file and line, --strict fails on them, `list --json` shows the areas."""
    user = tmp_path / "question_scripts"
    user.mkdir()
    first_point = next(line for line in GOOD.splitlines() if line.startswith('    { text = "Sort by start'))
    text = GOOD.replace('id = "coding_intervals"', 'id = "my_round"').replace(
        first_point,
        '    { text = "Sort, then sweep once", keywords = ["sort", "sweep"], area = "algoritm design" },\n'
        '    { text = "Nested sessions", keywords = ["nested"], area = "edge cases" },')
    start = text.index("outline = [")
    text = text[:start] + text[text.index("\n]\n", start) + 3:]  # the script's own outline
    text = text.replace('clarifying_topics = [\n    "input size",',
                        'outline = ["Clarify", "Sort and sweep", "clarify"]\nclarifying_topics = [\n    "input size",', 1)
    path = user / "mine.toml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    area_line = next(i for i, line in enumerate(lines, 1) if "algoritm design" in line)
    outline_line = next(i for i, line in enumerate(lines, 1) if line.startswith("outline = "))

    result = run("validate", str(path), data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (f"{path}:{area_line}: questions[1].expected_points[1].area: warning: area 'algoritm design' "
            "looks like a typo of 'algorithm design'") in result.stdout
    assert f"{path}:{outline_line}: questions[1].outline[3]: warning: same step as outline[1]" in result.stdout
    assert f"OK {path} (2 warnings)" in result.stdout
    assert run("validate", "--strict", str(path), data_dir=tmp_path).returncode == 1

    listed = json.loads(run("list", "--json", data_dir=tmp_path).stdout)
    mine = next(s for s in listed["scripts"] if s["id"] == "my_round")
    assert "algoritm design" in mine["areas"] and "edge cases" in mine["areas"]
    bundled = next(s for s in listed["scripts"] if s["id"] == "coding_intervals")
    assert "algoritm design" not in bundled["areas"] and "complexity analysis" in bundled["areas"]


def test_list_into_a_closed_pipe_is_quiet(tmp_path):
    """`interviewer scripts list | head -1`: the reader leaves early; no BrokenPipe traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is already gone when the list is written
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(tmp_path))
    try:
        done = subprocess.run([sys.executable, "-m", "interviewer", "scripts", "list"], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0


def test_validate_fails_a_script_whose_id_the_app_would_leave_out(tmp_path):
    """A first script copied from a bundled one keeps its id: validate said OK, and then the app
    left the file out ("already used"). Two new files with one id: the same. The problem is at the
    id's line, as every other problem is (it had no line)."""
    copied = tmp_path / "copied.toml"
    copied.write_text(GOOD, encoding="utf-8")
    mine = GOOD.replace('id = "coding_intervals"', 'id = "my_intervals"')
    assert mine != GOOD
    (tmp_path / "a.toml").write_text(mine, encoding="utf-8")
    (tmp_path / "b.toml").write_text(mine, encoding="utf-8")
    result = run("validate", str(copied), str(tmp_path / "a.toml"), str(tmp_path / "b.toml"),
                 str(bundled_scripts_dir() / "coding_intervals.toml"), data_dir=tmp_path / "data")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    at = GOOD.splitlines().index('id = "coding_intervals"') + 1
    assert any(line.startswith(f"{copied}:{at}: id: script id 'coding_intervals' is already used by ")
               and "choose another id" in line for line in lines), lines
    assert any(line.startswith(f"OK {tmp_path / 'a.toml'}") for line in lines), lines
    assert any(line.startswith(f"{tmp_path / 'b.toml'}:{at}: id: script id 'my_intervals' is already used by "
                               f"{tmp_path / 'a.toml'}") for line in lines), lines
    assert f"OK {bundled_scripts_dir() / 'coding_intervals.toml'}" in lines
    assert "2 of 4 script(s) have problems" in lines


@pytest.mark.parametrize("text", ["", "   "])
def test_ask_with_an_empty_question_says_so(tmp_path, text):
    """`scripts ask SCRIPT QUESTION ""` answered with the no_fact_reply, as if an empty question
    were a question no fact fits."""
    result = run("ask", "--keywords-only", "coding_intervals", "merge_sessions", text, data_dir=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert "TEXT is empty: give the candidate's question" in result.stderr, result.stderr


def test_list_says_a_broken_script_is_left_out_not_warned_about(tmp_path):
    """'scripts list' printed 'warning: mine.toml:10: phases[1].minutes: must be a number...' for
    a script it left out; in validate's output (and the docs) a warning is a script that still
    works, so a new user's trial looked for the script in the list."""
    user = tmp_path / "question_scripts"
    user.mkdir()
    (user / "mine.toml").write_text('id = "mine"\ntitle = "Mine"\nkind = "coding"\nminutes = "45 min"\n')
    table = run("list", data_dir=tmp_path)
    assert table.returncode == 0
    lines = [line for line in table.stderr.splitlines() if "mine.toml" in line]
    assert lines and all(line.startswith(f"left out: {user / 'mine.toml'}") for line in lines), table.stderr
    assert "warning" not in table.stderr
    assert "mine" not in [row.split()[0] for row in table.stdout.splitlines() if row.strip()]


ASK_SCRIPT = """
id = "cache_round"
title = "Coding: a cache"
kind = "coding"
minutes = 45
no_fact_reply = "Assume what you need and say it."

[[phases]]
id = "clarify"
name = "Clarify"
minutes = 45
prompt = "Here's the problem."

[[questions]]
id = "lru"
text = "Implement an LRU cache."
clarifying_topics = ["input size"]
expected_points = []

[questions.facts]
"input size" = "Up to a hundred thousand entries."
"""


@pytest.mark.parametrize("text, reply", [
    ("Can I use Python for this?", "Sure, go ahead."),
    ("Can I assume the keys are strings?", "Yes, that's a fair assumption. Go with it."),
])
def test_ask_does_not_call_a_request_or_an_assumption_the_no_fact_reply(tmp_path, text, reply):
    """`scripts ask ... "Can I use Python?"` printed 'topic: none (no fact fits: the no_fact_reply)'
    above 'interviewer: Sure, go ahead.', which is not the script's no_fact_reply."""
    script = tmp_path / "cache.toml"
    script.write_text(ASK_SCRIPT, encoding="utf-8")
    result = run("ask", "--keywords-only", str(script), "lru", text, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    topic, said = result.stdout.splitlines()[:2]
    assert said == f"interviewer: {reply}"
    assert topic.startswith("topic: none (no fact fits") and "no_fact_reply" not in topic, topic
