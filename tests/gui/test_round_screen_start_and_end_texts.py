"""Trial 29 items 6, 7 and 10 (round screen part).

6: a new round showed, for about a second, the last round's part name and "The round is over..."
7: a round ended with nothing said: the question box said "Its review is open" (there was none),
   and the header read "Round      over" (a wide gap, a tiny "over").
10: at Text size 150 % the clocks' digits and the scratchpad kept the desktop's size."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui import theme
from interviewer.gui.workers import wait_for_background_work

import threading

from gui_fakes import FakeRecorder, FakeSpeaker
from test_round import make_window


class HeldSpeaker(FakeSpeaker):
    """While `held`, a line is still being made ready (a real voice takes about a second)."""

    held = True

    def say(self, text, on_done=None):
        if not self.held:
            return super().say(text, on_done)
        self.said.append(text)


class SlowMicRecorder(FakeRecorder):
    """The interviewer begins once the microphone hears (PulseAudio takes 0.8-2 s): until
    `heard` is set, the new round has not begun."""

    def __init__(self) -> None:
        super().__init__()
        self.heard = threading.Event()

    def start_round(self, path, on_block=None):
        pass

    def stop_round(self):
        pass

    def pause_round(self):
        pass

    def resume_round(self):
        pass

    def wait_for_audio(self):
        self.heard.wait(10)


def _start(window):
    window.show_screen("home")
    window.home.select_script("test-design")
    window.home.start_button.click()


def test_a_new_round_shows_nothing_of_the_last_one(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    _start(window)
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    screen.next_part()  # on to "Design": not the name the next round starts with
    qtbot.waitUntil(lambda: "Design" in screen.phase_label.text(), timeout=3000)
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window._round_was_saved, timeout=10000)
    wait_for_background_work()

    seen = []
    original = screen.begin

    def begin(session):  # the screen as it is first painted: before any update of the new round is polled
        original(session)
        seen.append((screen.phase_label.text(), screen.question.text(), screen.status.text()))

    screen.begin = begin
    recorder = SlowMicRecorder()
    window.services.make_recorder = lambda _settings: recorder
    _start(window)
    qtbot.wait(50)
    screen._tick()
    seen.append((screen.phase_label.text(), screen.question.text(), screen.status.text()))
    recorder.heard.set()
    qtbot.waitUntil(lambda: "Clarify" in screen.phase_label.text(), timeout=3000)
    for part, question, status in seen:
        assert "Design" not in part
        assert "over" not in question.lower() and "review" not in question.lower()
        assert "over" not in status.lower()
    screen.stop_button.click()
    qtbot.waitUntil(lambda: not screen.running, timeout=10000)
    wait_for_background_work()


def test_a_round_ended_with_nothing_said_promises_no_review_and_reads_round_over(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock(), speaker=HeldSpeaker())
    _start(window)
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status != "", timeout=3000)
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window._round_was_saved, timeout=10000)
    wait_for_background_work()
    assert window.last_session_id is None
    assert "not kept" in screen.question.text() and "review" not in screen.question.text().lower()
    assert screen.status.text() == "Round over: not kept."  # said in full once, by the question box (trial 30)
    assert "review" not in screen.round_clock.toolTip().lower()

    # "Round over" together, in one size, the caption not stretched across the row.
    assert screen.round_clock.text() == "over"
    gap = screen.round_clock.geometry().left() - screen.round_caption.geometry().right()
    assert gap < 16, gap
    assert screen.round_clock.font().pointSizeF() == screen.round_caption.font().pointSizeF()


def test_the_clocks_and_the_scratchpad_follow_the_text_size(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    screen = window.round_screen
    app = QApplication.instance()
    try:
        theme.apply_text_size(app, 100)
        widgets = (screen.round_clock, screen.phase_clock, screen.scratchpad)
        before = {w: w.font().pointSizeF() for w in widgets}
        theme.apply_text_size(app, 150)
        for widget, size in before.items():
            assert abs(widget.font().pointSizeF() - size * 1.5) < 0.2, (widget, size, widget.font().pointSizeF())
        assert abs(screen.round_clock.font().pointSizeF() - app.font().pointSizeF()) < 0.01
    finally:
        theme.apply_text_size(app, 100)
