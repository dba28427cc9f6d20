"""Trial 24 (C1): quitting mid-round (Yes to "Quit and end the round?") waited for the last
answer's transcript and save on the GUI thread, up to 10 s, with nothing on screen. With a slow
transcriber (3 s to finish the last answer) the window stays live and says "Saving your
round...", the answer's recording and transcript are kept, and the window closes once saved."""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from interviewer.app.services import AppServices, ScriptList
from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow
from interviewer.storage import Store

from gui_fakes import ANSWER_TEXT, FakeRecorder, FakeSpeaker, FakeTranscriber

FINISH_SECONDS = 3.0


class SlowTranscriber(FakeTranscriber):
    def finish(self):
        time.sleep(FINISH_SECONDS)  # a loaded machine's last answer
        return super().finish()


def _round_at_its_first_answer(qtbot, script_dirs, tmp_path):
    """A window with a round started and listening for its first answer; its last answer's
    transcript takes FINISH_SECONDS (SlowTranscriber)."""
    bundled, user = script_dirs
    clock, data = FakeClock(), tmp_path / "data"
    window = MainWindow(AppServices(
        load_scripts=lambda: ScriptList(discover_scripts(bundled, user).scripts), clock=clock,
        make_speaker=lambda _s: FakeSpeaker(), make_recorder=lambda _s: FakeRecorder(),
        make_live_transcriber=lambda _model, _s: SlowTranscriber(), load_model=lambda _s: "fake-model",
        open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.show()
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.model_status.ready and window.speaker.wait_ready(0), timeout=5000)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    for _ in range(200):  # on to the first answer
        if screen.session.controller.status == "listening":
            break
        clock.advance(1.0)
        screen._tick()
        qtbot.wait(1)
    return window, screen, data


def test_quitting_mid_round_saves_with_the_window_live(qtbot, isolated_dirs, script_dirs, tmp_path, confirmations):
    window, screen, data = _round_at_its_first_answer(qtbot, script_dirs, tmp_path)
    assert screen.session.controller.status == "listening"
    session_id = screen.session.session_id

    ticks: list[float] = []  # the GUI thread's heartbeat while quitting
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(20)
    saying = []

    def look():
        dialog = window.findChild(QProgressDialog)
        if dialog is not None and dialog.isVisible():
            saying.append(dialog.labelText())

    looking = QTimer()
    looking.timeout.connect(look)
    looking.start(50)
    started = time.monotonic()
    window.actions['quit'].trigger()
    returned = time.monotonic() - started
    assert confirmations.asked == ["Quit and end the round?"]
    assert returned < 1.0, f"the quit blocked the GUI thread {returned:.1f} s"
    assert window.isVisible()  # it shows that it saves rather than vanish or freeze
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    took = time.monotonic() - started
    heartbeat.stop()
    looking.stop()
    gaps = [b - a for a, b in zip([started, *ticks], ticks)]
    assert max(gaps) < 0.5, f"the window stood still {max(gaps):.1f} s while saving"
    assert saying and saying[0] == "Saving your round..."
    assert FINISH_SECONDS - 0.5 < took < FINISH_SECONDS + 5  # closed as soon as saved, not at a timeout

    store = Store.open(data)
    try:
        saved = store.get_session(session_id)
        assert saved.status != "in_progress"
        assert saved.answers and saved.answers[-1].audio_path
        assert saved.answers[-1].transcript is not None and saved.answers[-1].transcript.text == ANSWER_TEXT
    finally:
        store.close()
    QApplication.processEvents()


def test_quitting_mid_round_never_says_a_review_is_open(qtbot, isolated_dirs, script_dirs, tmp_path, confirmations):
    """Trial 26 (item 11): while the window closed, the round screen said "Its review is open;
    start a new round from Home" and the banner "Saving the session...": no review opens when
    the app quits. What the window shows while it saves says it saves before closing."""
    window, screen, data = _round_at_its_first_answer(qtbot, script_dirs, tmp_path)
    shown: list[str] = []

    def look():
        shown.extend([screen.question.text(), screen.status.text(), screen.round_clock.toolTip()])

    looking = QTimer()
    looking.timeout.connect(look)
    looking.start(10)
    window.actions['quit'].trigger()
    look()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    looking.stop()
    shown.extend(text for _level, text in window.banner.history)
    assert not [text for text in shown if "review" in text.lower()]
    assert any("before the app closes" in text for text in shown)
    QApplication.processEvents()
