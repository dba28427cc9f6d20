"""The real app: bundled rounds listed, launch reports; and the errors a user can hit."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from interviewer.core.clock import FakeClock
from interviewer.core.scripts.model import ROUND_KINDS
from interviewer.gui.main_window import MainWindow
from interviewer.app.services import AppServices
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import DiskFullError

from test_round import make_window, play_to_review, run_round


def test_home_lists_every_bundled_round(qtbot, isolated_dirs):
    window = MainWindow(AppServices())  # the real script discovery: bundled + user folder
    qtbot.addWidget(window)
    scripts = window.home.visible_scripts()
    kinds = {s.kind for s in scripts}
    assert kinds == set(ROUND_KINDS)
    for kind in ROUND_KINDS:
        assert sum(s.kind == kind for s in scripts) >= 2, kind
    assert all(s.bundled for s in scripts)


def test_interviewer_command_opens_the_window_before_the_model_is_ready(tmp_path):
    exe = Path(sys.executable).with_name("interviewer")
    env = dict(os.environ, INTERVIEWER_STARTUP_REPORT="1", QT_QPA_PLATFORM="offscreen",
               INTERVIEWER_DATA_DIR=str(tmp_path / "data"), INTERVIEWER_CONFIG_DIR=str(tmp_path / "config"))
    start = time.time()
    out = subprocess.run([str(exe)], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    times = {line.split()[0]: float(line.split()[1]) for line in out.stdout.splitlines() if line.strip()}
    assert "window_shown_at" in times and "model_ready_at" in times, out.stdout
    # A bound only against a hang: the startup time itself is measured by benchmarks/gui_responsiveness.py
    # (this test took 10.3 s at load average 17 with other suites running).
    assert times["window_shown_at"] - start < 60
    assert times["window_shown_at"] < times["model_ready_at"]


class MuteSpeaker:
    available = False
    unavailable_reason = "No speech engine, so questions will be shown as text (espeak-ng missing)."

    def say(self, text, on_done=None):
        raise AssertionError("must not be called")

    def stop(self):
        pass


def test_no_speech_engine_shows_questions_as_text(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock, speaker=MuteSpeaker())
    qtbot.waitUntil(lambda: window.speaker is not None and window.speaker.wait_ready(0), timeout=3000)
    qtbot.waitUntil(lambda: "shown as text" in window.banner.text, timeout=3000)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: "news feed" in screen.question.text(), timeout=3000)
    assert screen.session.controller.status == "listening"
    screen.stop_round()


class FullDiskStore:
    """The real store, except that saving transcripts fails as on a full disk."""

    def __init__(self, store):
        self._store = store

    def attach_transcript(self, *a, **k):
        raise DiskFullError("Saving a transcript failed: the disk is full. Free some space.")

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_full_disk_mid_round_gives_a_message_and_keeps_the_recordings(qtbot, isolated_dirs, script_dirs, tmp_path):
    from interviewer.storage import Store

    clock = FakeClock()
    window, _, recorder = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.services.open_store = lambda: FullDiskStore(Store.open(tmp_path / "data"))
    window._store.close()
    window._store = None
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()
    assert any("disk is full" in text for _, text in window.banner.history)
    assert recorder.paths and all(p.is_file() and p.stat().st_size > 44 for p in recorder.paths)
    session = window.store().get_session(window.last_session_id)
    assert session.status == "completed" and len(session.answers) == len(recorder.paths)


def test_export_from_the_review(qtbot, isolated_dirs, script_dirs, tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path)
    for fmt in ("html", "pdf", "json"):
        out = tmp_path / f"round.{fmt}"
        window.review.last_export = None
        window.review.export_session(window.last_session_id, fmt, out)
        qtbot.waitUntil(lambda: window.review.last_export is not None, timeout=10000)
        assert out.is_file() and out.stat().st_size > 500, fmt
    assert window.review_screen.export_note.note().startswith("Exported to")
    window.review.export_session(window.last_session_id, "html", tmp_path / "no-such-folder" / "x.html")
    qtbot.waitUntil(lambda: "export failed" in window.banner.text, timeout=5000)


def test_an_interrupted_round_is_reported_reviewable_and_discardable(qtbot, isolated_dirs, tmp_path, confirmations):
    """A round left in progress by a process that died shows up at the next start."""
    import subprocess as sp

    from interviewer.app.services import ScriptList
    from interviewer.storage import Store

    data = tmp_path / "data"
    code = ("import os, sys\nfrom interviewer.storage import Store\n"
            f"s = Store.open({str(data)!r})\n"
            "sid = s.create_session('test-design', 'Design a feed ranker', 'ml_system_design', 45)\n"
            "a = s.add_answer(sid, 'feed', 'Design a feed.', answer_start=1.0)\n"
            "from interviewer.storage.wav_writer import CrashSafeWavWriter\nimport numpy as np\n"
            "w = CrashSafeWavWriter(s.audio_path_for(sid, a)); w.write(np.zeros(32000, dtype=np.float32)); w.flush()\n"
            "os._exit(0)\n")
    sp.run([sys.executable, "-c", code], check=True, timeout=60)
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.refresh_sessions()
    assert "interrupted" in window.banner.text
    assert "1 round was interrupted (the app stopped during the round); its recordings were kept" in window.banner.text
    home = window.home
    assert home.recent_list.count() == 1 and "[interrupted]" in home.recent_list.item(0).text()
    assert "(1 answer)" in home.recent_list.item(0).text()  # it said "(1 answers)"
    assert "Design a feed ranker [interrupted] (1 answer)" in home.recent_list.item(0).text()  # no double spaces
    home.recent_list.setCurrentRow(0)
    assert home.discard_button.isVisibleTo(window)
    home.open_session_button.click()
    assert window.current_screen_key() == "review"
    assert "interrupted" in window.review_screen.title.text()
    window.show_screen("home")
    home.recent_list.setCurrentRow(0)
    confirmations.answer_yes = False  # asked first: No keeps it (it was discarded at once, without a word)
    home.discard_button.click()
    assert confirmations.asked == ["Discard the interrupted round?"]
    assert "[interrupted]" in home.recent_list.item(0).text()
    confirmations.answer_yes = True
    home.discard_button.click()
    assert "discarded" in window.banner.text
    assert home.recent_list.item(0).data(0x0100) is None  # only the "no sessions yet" line is left


def test_imported_recordings_are_not_counted_as_rounds_completed(qtbot, isolated_dirs, tmp_path):
    """Home said "4 rounds completed" after two rounds and two imported recordings."""
    from interviewer.app.import_recording import IMPORTED_KIND, IMPORTED_SCRIPT
    from interviewer.storage import Store

    data = tmp_path / "data"
    with Store.open(data) as store:
        for script, kind in ((IMPORTED_SCRIPT, IMPORTED_KIND), ("beh", "behavioral"), (IMPORTED_SCRIPT, IMPORTED_KIND)):
            _completed_round(store, script, kind)
    assert "1 round completed." in _home_progress_text(qtbot, data)


def test_a_round_closed_before_anything_was_said_is_not_counted_as_completed(qtbot, isolated_dirs, tmp_path):
    """New-user trial: a round quit 6 s in (no answer) made Home say "3 rounds completed" after
    two rounds, while the practice plan (Progress) counted 2."""
    from interviewer.storage import SessionStatus, Store

    data = tmp_path / "data"
    with Store.open(data) as store:
        _completed_round(store, "beh", "behavioral")
        silent = store.create_session("coding", "A coding round", "coding", 45)
        store.finish_session(silent, SessionStatus.COMPLETED)
    assert "1 round completed." in _home_progress_text(qtbot, data)


def test_a_round_ended_early_is_counted_as_such_on_home_as_in_the_plan(qtbot, isolated_dirs, tmp_path):
    """A whole-round trial: after a round ended with End round 6 minutes into 45, Home said
    "1 round completed." beside its own list's "ended after 6 of 45 min", while the practice plan
    left it out of its full-length weeks."""
    from interviewer.storage import Store

    data = tmp_path / "data"
    with Store.open(data) as store:
        early = _completed_round(store, "cod", "coding")
        store.finish_session(early, ended_at=store.get_session(early).started_at + 6 * 60)
        store.add_finding(early, "round_ended_early", "You ended the round at 6.0 of 45 min planned.", start=360.0)
    text = _home_progress_text(qtbot, data, "ended early")
    assert "1 round, ended early, too short to count for the plan." in text
    assert "completed" not in text.split("Practice plan")[0]
    with Store.open(data) as store:
        _completed_round(store, "beh", "behavioral")
    assert ("2 rounds: 1 completed, 1 ended early; 1 of them too short to count for the plan."
            in _home_progress_text(qtbot, data, "ended early"))


def _home_progress_text(qtbot, data, waits_for: str = "completed") -> str:
    """Home's progress line once the rounds stored in `data` are read."""
    from interviewer.app.services import ScriptList
    from interviewer.gui.workers import wait_for_background_work
    from interviewer.storage import Store

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.refresh_sessions()
    wait_for_background_work()
    qtbot.waitUntil(lambda: waits_for in window.home.progress_label.text(), timeout=5000)
    return window.home.progress_label.text()


def _completed_round(store, script_id: str, kind: str) -> int:
    """A completed session with one answer in which something was said."""
    from interviewer.core.analysis.report import analyze_answer
    from interviewer.storage import SessionStatus
    from tests.core.analysis.speech import spoken

    sid = store.create_session(script_id, "A round", kind, 45, started_at=time.time() - 45 * 60)  # run in full
    aid = store.add_answer(sid, "q", "Tell me about a project.", asked_at=1.0, answer_start=2.0, answer_end=9.0,
                           with_audio=False)
    transcript = spoken("I led the migration of our ranking model to a new feature store.")
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analyze_answer(transcript).to_dict())
    store.finish_session(sid, SessionStatus.COMPLETED)
    return sid


def test_home_says_what_it_waits_for_while_it_reads_the_rounds(qtbot, isolated_dirs, tmp_path):
    """New-user trial: under "Next step" Home showed nothing for several seconds after the start
    (the rounds are read in the background while the speech model loads)."""
    from interviewer.app.services import ScriptList
    from interviewer.gui.workers import wait_for_background_work
    from interviewer.storage import Store

    data = tmp_path / "data"
    with Store.open(data) as store:
        _completed_round(store, "beh", "behavioral")
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.refresh_sessions()  # the reading's result comes through the event loop, not yet run
    assert window.home.progress_label.text().strip(), "an empty 'Next step'"
    assert "Reading" in window.home.progress_label.text()
    wait_for_background_work()
    qtbot.waitUntil(lambda: "1 round completed." in window.home.progress_label.text(), timeout=5000)
