"""Trial 29 item 11: while "End the round?" was open, the round's status line said "Paused: the
clocks and the recording are stopped. Press P to go on." P is not what the question asks for:
the status line says what it does ask, and goes back to the round's own once it is answered."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.core.round_status import QUESTION_OPEN_TEXT
from interviewer.gui import confirm
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window


def test_the_status_line_says_what_the_end_round_question_asks(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                               monkeypatch):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    shown = []

    def ask(parent, title, text, yes, no):
        screen.session.poll()
        shown.append(screen.status.text())
        return False  # Keep going

    monkeypatch.setattr(confirm, "ask_destructive", ask)
    assert not screen.confirm_stop_round()
    assert shown == [QUESTION_OPEN_TEXT]
    assert "Press P" not in shown[0] and "end the round" in shown[0]
    screen.session.poll()
    assert screen.status.text() != QUESTION_OPEN_TEXT and screen.running
    screen.stop_round()
    qtbot.waitUntil(lambda: not screen.running, timeout=10000)
    wait_for_background_work()
