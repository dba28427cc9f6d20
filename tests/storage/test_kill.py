"""SIGKILL a real process in the middle of an answer; the next start must recover the round."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import soundfile as sf

from interviewer.storage import Store

HELPER = Path(__file__).with_name("headless_round.py")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_mid_answer_keeps_audio_transcripts_and_lets_user_review_or_discard(tmp_path):
    data_dir = tmp_path / "data"
    child = subprocess.Popen([sys.executable, str(HELPER), str(data_dir), "--answers", "1", "--answer-seconds", "1.5",
                              "--speed", "1.0", "--last-answer-seconds", "30"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    last_written = last_flushed = 0.0
    committed = None
    deadline = time.monotonic() + 60
    try:
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "ANSWER_COMMITTED":
                committed = int(parts[1])
            elif parts[0] == "RECORDING" and committed is not None and int(parts[1]) != committed:
                last_written, last_flushed = float(parts[2]), float(parts[3])
                if last_written >= 2.55:  # mid-answer, between two flushes
                    break
            assert time.monotonic() < deadline, "headless round never reached the second answer"
        os.kill(child.pid, signal.SIGKILL)
        # Lines the child printed before it died but we had not read yet (a loaded machine).
        for line in child.stdout.read().splitlines():
            parts = line.split()
            if parts and parts[0] == "RECORDING" and int(parts[1]) != committed:
                last_written, last_flushed = float(parts[2]), float(parts[3])
    finally:
        child.kill()
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, child.stderr.read()
    assert committed is not None and last_written >= 2.55

    # As the next app start does:
    store = Store.open(data_dir)
    summary = store.list_sessions()[0]
    assert summary.status == "in_progress"
    recovered = store.recover_interrupted()
    assert [r.id for r in recovered] == [summary.id]
    assert store.list_sessions()[0].status == "interrupted"
    assert store.recover_interrupted() == []  # idempotent

    session = store.get_session(summary.id)
    first, second = session.answers
    assert first.id == committed
    assert first.transcript is not None and "distributions" in first.transcript.text
    assert first.analysis["pace"]["words"] > 0 and first.analysis["filler_stats"]["count"] == 2
    assert len(session.findings_for(first.id)) == len(first.analysis["findings"])
    assert second.transcript is None and second.analysis is None

    # The interrupted answer is playable up to about a second before the kill.
    audio_path = store.audio_file(second.audio_path)
    assert audio_path is not None
    data, rate = sf.read(audio_path, dtype="float32")
    seconds = len(data) / rate
    assert rate == 16000
    # Each chunk is written before it is reported, so at most one unreported chunk (0.1 s) more.
    assert last_written - 1.1 <= seconds <= last_written + 0.1 + 1e-6, (seconds, last_written, last_flushed)
    assert seconds >= last_flushed
    assert recovered[0].audio_seconds[second.audio_path] == pytest.approx(seconds)
    assert second.answer_end == pytest.approx(second.answer_start + seconds, abs=0.01)
    # The finished answer's audio is complete.
    first_audio, _ = sf.read(store.audio_file(first.audio_path), dtype="float32")
    assert len(first_audio) == int(1.5 * 16000)

    # The user can discard it (kept, out of progress) or delete it for good.
    store.discard_session(summary.id)
    assert store.get_session(summary.id).status == "discarded"
    assert store.progress() == []
    store.delete_session(summary.id)
    assert store.list_sessions() == []
    assert list((data_dir / "recordings").iterdir()) == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_between_and_during_commits_loses_no_finished_answer(tmp_path):
    """Answers committed as fast as possible; killed at varying moments, often mid-transaction."""
    data_dir = tmp_path / "data"
    committed_by_run = []
    for run, (after, pause) in enumerate([(4, 0.0), (9, 0.013), (15, 0.031)]):
        child = subprocess.Popen([sys.executable, str(HELPER), str(data_dir), "--answers", "100000",
                                  "--answer-seconds", "0.3", "--speed", "0"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        committed = []
        try:
            for line in child.stdout:
                if line.startswith("ANSWER_COMMITTED"):
                    committed.append(int(line.split()[1]))
                    if len(committed) >= after:
                        break
            time.sleep(pause)
            os.kill(child.pid, signal.SIGKILL)
            committed += [int(x.split()[1]) for x in child.stdout.read().splitlines()
                          if x.startswith("ANSWER_COMMITTED")]
        finally:
            child.kill()
            child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL, child.stderr.read()
        committed_by_run.append(committed)

    store = Store.open(data_dir)
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Each new run recovered the one before it at start, as the app does; this start takes the last.
    assert [r.id for r in store.recover_interrupted()] == [3]
    sessions = sorted(store.list_sessions(), key=lambda s: s.id)
    assert [s.status for s in sessions] == ["interrupted"] * 3
    for summary, committed in zip(sessions, committed_by_run):
        answers = {a.id: a for a in store.get_session(summary.id).answers}
        for answer_id in committed:  # everything reported as saved is there, complete
            a = answers[answer_id]
            assert a.transcript is not None and a.analysis is not None and a.answer_end is not None
            assert sf.info(store.audio_file(a.audio_path)).duration == pytest.approx(0.3)
        for answer_id in set(answers) - set(committed):  # the one in flight: readable or not yet started
            path = store.audio_file(answers[answer_id].audio_path)
            if path is not None:
                assert sf.info(path).duration <= 0.3
