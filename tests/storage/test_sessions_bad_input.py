"""`interviewer sessions ...` with bad input or a hostile machine, through the real command:
one clear line and exit status 1 for what cannot be done, never a traceback, and nothing else
hidden by it (a broken transcript, a full disk, a busy database still let the rest be read)."""
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interviewer.core.scripts.model import ROUND_KINDS
from interviewer.storage import Store, files
from storage_helpers import full_round, record_tone, tmpfs

HUGE_ID = "9" * 23


def sessions(*args: str, data_dir: Path, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INTERVIEWER_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "interviewer", "sessions", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=cwd, stdin=subprocess.DEVNULL)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def interrupted_round(store: Store) -> int:
    """A round whose recording process died mid-answer (its lock released, status in_progress)."""
    sid = store.create_session("s", "Crashed round", "coding", 45)
    aid = store.add_answer(sid, "q", "Q?", answer_start=1.0)
    record_tone(store.audio_path_for(sid, aid))
    store._locks.pop(sid).release()
    return sid


# ---------------------------------------------------------------- an id SQLite cannot hold

@pytest.mark.parametrize("command", [["show"], ["export"], ["delete", "--yes"], ["discard"], ["transcribe"]])
def test_an_id_beyond_64_bits_is_no_such_round(data_dir, tmp_path, command):
    with Store.open() as store:
        full_round(store)
    line = one_error_line(sessions(command[0], HUGE_ID, *command[1:], data_dir=data_dir, cwd=tmp_path))
    assert line.startswith(f"interviewer: no session with id {HUGE_ID}")
    assert list(tmp_path.glob("session-*")) == []


# ---------------------------------------------------------------- a malformed stored transcript

BROKEN_TRANSCRIPTS = {
    "segments_object": ('{"segments": {"a": 1}}', "segments"),
    "segments_strings": ('{"segments": ["a", "b"]}', "segments[0]"),
    "top_level_array": ("[1, 2]", "top level"),
    "nan": ('{"duration": NaN, "segments": []}', "duration"),
    "huge_integer": ('{"segments": [{"text": "a", "start": 0, "end": 1' + "0" * 400 + "}]}", "segments[0].end"),
    "negative": ('{"segments": [{"text": "a", "start": -3, "end": 1}]}', "segments[0].start"),
    "deep": ('{"segments": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    "not_json": ('{"segments": [', "not valid JSON"),
}


@pytest.mark.parametrize("name", BROKEN_TRANSCRIPTS)
def test_an_unreadable_stored_transcript_is_named_and_the_rest_is_shown(data_dir, tmp_path, name):
    stored, field = BROKEN_TRANSCRIPTS[name]
    with Store.open() as store:
        sid = full_round(store, marker="KEPT")
        first, second = store.get_session(sid).answers
    db = sqlite3.connect(data_dir / files.DB_NAME)
    with db:
        db.execute("UPDATE answers SET transcript_json = ?, analysis_json = ? WHERE id = ?",
                   (stored, "[" * 100_000 + "]" * 100_000, first.id))
    db.close()

    shown = sessions("show", str(sid), data_dir=data_dir)
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    assert "### 1. Question 0?" in shown.stdout and "### 2. Question 1?" in shown.stdout
    assert "KEPT" in shown.stdout  # the other answer's transcript and the scratchpad
    (warning,) = shown.stderr.strip().splitlines()
    assert warning.startswith(f"warning: round {sid}, answer 1 (q0): unreadable transcript")
    assert field in warning and "recording is kept" in warning

    out = tmp_path / "round.md"
    exported = sessions("export", str(sid), "-o", str(out), data_dir=data_dir)
    assert exported.returncode == 0 and "Traceback" not in exported.stderr, exported.stderr
    assert "### 2. Question 1?" in out.read_text()
    assert exported.stderr.strip().splitlines() == [warning]
    listed = sessions("list", data_dir=data_dir)
    assert listed.returncode == 0 and "Feed ranking design" in listed.stdout, listed.stderr


# ---------------------------------------------------------------- another process writing

HOLD_WRITE_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE sessions SET title = title")
print("locked", flush=True)
sys.stdin.read()  # held until the test closes our stdin (or kills us): no clock to race
db.execute("COMMIT")
"""


def test_reading_works_while_another_process_holds_the_write_lock(data_dir):
    with Store.open() as store:
        sid = full_round(store)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(data_dir / files.DB_NAME)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        listed = sessions("list", data_dir=data_dir)
        assert listed.returncode == 0, listed.stderr
        assert "Feed ranking design" in listed.stdout and listed.stderr == ""
        read = time.monotonic() - started
        shown = sessions("show", str(sid), data_dir=data_dir)
        assert shown.returncode == 0 and "### 1. Question 0?" in shown.stdout, shown.stderr

        started = time.monotonic()
        line = one_error_line(sessions("discard", str(sid), data_dir=data_dir))
        waited = time.monotonic() - started
        assert "busy" in line and str(data_dir / files.DB_NAME) in line and "Nothing was changed" in line
        assert holder.poll() is None, "the lock was gone before the write gave up"
        # The write waited out the busy timeout (5 s) before giving up; the read did not wait
        # for the writer. Compared side by side, as a loaded machine slows both.
        assert read + 2.5 < waited, (read, waited)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert sessions("discard", str(sid), data_dir=data_dir).returncode == 0  # free again


# ---------------------------------------------------------------- a full disk

def fill(folder: Path) -> None:
    """Write until not one byte more fits."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)


CRASH_MID_ROUND = """
import os, sys
sys.path.insert(0, sys.argv[2])
from interviewer.storage import Store
from test_sessions_bad_input import interrupted_round
print(interrupted_round(Store.open(sys.argv[1])), flush=True)
os._exit(0)  # dies: the database is left open, with its -wal and -shm files
"""


@pytest.mark.parametrize("how", ["closed", "crashed"])
def test_a_full_disk(tmp_path, how):
    """`closed`: the last process closed the database (SQLite must create its -shm file to open
    it again, which a full disk refuses). `crashed`: the recording process died mid-round."""
    mount = tmp_path / "small-disk"
    with tmpfs(mount, "size=2m,mode=0700") as mounted:
        if not mounted:
            pytest.skip("cannot mount a tmpfs here (needs root); CI runs as root")
        old, new = mount / "data", mount / "new-data"
        with Store.open(old) as store:
            done = full_round(store, marker="SAVED")
            if how == "closed":
                crashed = interrupted_round(store)
        if how == "crashed":
            child = subprocess.run([sys.executable, "-c", CRASH_MID_ROUND, str(old), str(Path(__file__).parent)],
                                   capture_output=True, text=True, timeout=60)
            assert child.returncode == 0, child.stderr
            crashed = int(child.stdout)
            assert (old / (files.DB_NAME + "-shm")).exists()
        fill(mount)
        assert os.statvfs(mount).f_bavail == 0

        # A brand-new data folder on the full disk: one clear line.
        line = one_error_line(sessions("list", data_dir=new))
        assert "full" in line and str(new) in line

        # An interrupted round cannot be recovered now; reading and exporting elsewhere work.
        listed = sessions("list", data_dir=old)
        assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
        assert "Crashed round" in listed.stdout and "in progress" in listed.stdout  # the status as every view words it
        (warning,) = listed.stderr.strip().splitlines()
        assert "is full" in warning and "export" in warning and "interrupted round" in warning
        assert [p.name for p in old.iterdir() if "unreadable" in p.name] == []  # never moved aside
        shown = sessions("show", str(done), data_dir=old)
        assert shown.returncode == 0 and "SAVED" in shown.stdout, shown.stderr
        later = [shown]
        elsewhere = tmp_path / "export"
        elsewhere.mkdir()
        for sid, fmt in ((done, "md"), (crashed, "wav")):
            out = elsewhere / f"round-{sid}.{fmt}"
            exported = sessions("export", str(sid), "-f", fmt, "-o", str(out), data_dir=old)
            assert exported.returncode == 0, exported.stderr
            assert out.stat().st_size > 1000
            later.append(exported)
        # A write fails with a clear line, unless SQLite still finds room in its own files.
        discarded = sessions("discard", str(done), data_dir=old)
        assert "Traceback" not in discarded.stderr
        if discarded.returncode != 0:
            assert discarded.returncode == 1 and "is full" in discarded.stderr.strip().splitlines()[-1]

        # Space freed: the next command recovers the round (or one above already did, where
        # SQLite found room in the pages its -wal file already had).
        (mount / "filler").unlink()
        recovered = sessions("list", data_dir=old)
        assert recovered.returncode == 0, recovered.stderr
        said = "".join(run.stderr for run in later + [discarded, recovered])
        assert said.count(f"round {crashed} (Crashed round) was interrupted") == 1, said
        row = next(line for line in recovered.stdout.splitlines() if "Crashed round" in line)
        assert "interrupted" in row and "in progress" not in row


# ---------------------------------------------------------------- overwriting on export

def test_export_never_overwrites_without_force(data_dir, tmp_path):
    with Store.open() as store:
        sid = full_round(store)
    target = tmp_path / "notes.md"
    target.write_text("my own notes")
    line = one_error_line(sessions("export", str(sid), "-o", str(target), data_dir=data_dir))
    assert line == f"interviewer: {target}: already exists; nothing was written (add --force to overwrite it)"
    assert target.read_text() == "my own notes"
    # The default name in the current folder too.
    (tmp_path / f"session-{sid}.html").write_text("kept")
    one_error_line(sessions("export", str(sid), "-f", "html", data_dir=data_dir, cwd=tmp_path))
    assert (tmp_path / f"session-{sid}.html").read_text() == "kept"

    forced = sessions("export", str(sid), "-o", str(target), "--force", data_dir=data_dir)
    assert forced.returncode == 0, forced.stderr
    assert "# " in target.read_text() and "my own notes" not in target.read_text()


def test_split_audio_export_never_overwrites_without_force(data_dir, tmp_path):
    with Store.open() as store:
        sid = full_round(store)
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "02-q1.flac").write_bytes(b"mine")
    (folder / "unrelated.txt").write_text("stays")
    line = one_error_line(sessions("export", str(sid), "-f", "flac", "--split", "-o", str(folder),
                                   data_dir=data_dir))
    assert str(folder / "02-q1.flac") in line and "--force" in line
    assert sorted(p.name for p in folder.iterdir()) == ["02-q1.flac", "unrelated.txt"]  # nothing written
    assert (folder / "02-q1.flac").read_bytes() == b"mine"

    forced = sessions("export", str(sid), "-f", "flac", "--split", "-o", str(folder), "--force",
                      data_dir=data_dir)
    assert forced.returncode == 0, forced.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["01-q0.flac", "02-q1.flac", "debrief-01.flac",
                                                        "unrelated.txt"]
    assert (folder / "02-q1.flac").read_bytes() != b"mine"


def test_export_to_a_folder_or_split_into_a_file_is_refused(data_dir, tmp_path):
    with Store.open() as store:
        sid = full_round(store)
    line = one_error_line(sessions("export", str(sid), "-o", str(tmp_path), data_dir=data_dir))
    assert "is a folder" in line
    file = tmp_path / "x.txt"
    file.write_text("x")
    line = one_error_line(sessions("export", str(sid), "-f", "wav", "--split", "-o", str(file), data_dir=data_dir))
    assert "is a file" in line and file.read_text() == "x"


# ---------------------------------------------------------------- list --kind

def test_list_kind_says_what_there_is(data_dir):
    with Store.open() as store:
        full_round(store)  # ml_system_design
        full_round(store)
    none = sessions("list", "--kind", "coding", data_dir=data_dir)
    assert none.returncode == 0, none.stderr
    assert none.stdout.strip() == ("No coding rounds yet; 2 rounds of other kinds "
                                   "(`interviewer sessions list` shows them).")
    assert json.loads(sessions("list", "--kind", "coding", "--json", data_dir=data_dir).stdout) == []

    line = one_error_line(sessions("list", "--kind", "codng", data_dir=data_dir))
    assert "unknown round kind 'codng'" in line and "did you mean 'coding'" in line
    assert all(kind in line for kind in ROUND_KINDS)
    empty = sessions("list", "--kind", "coding", data_dir=data_dir.parent / "empty-data")
    assert empty.returncode == 0 and "No rounds recorded yet" in empty.stdout, empty.stderr
