"""After the round ends (a new-user run): the round screen kept a phase prompt and enabled End
answer / Next / Pause / End round buttons, and N stored an empty answer."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window


def test_after_the_round_ends_its_controls_are_off_and_keys_store_nothing(qtbot, isolated_dirs, script_dirs,
                                                                         tmp_path):
    clock = FakeClock()
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()
    stored = len(window.store().get_session(window.last_session_id).answers)
    buttons = (screen.end_button, screen.repeat_button, screen.next_button, screen.pause_button, screen.stop_button)
    assert [b.isEnabled() for b in buttons] == [False] * 5
    assert "news feed" not in screen.question.text() and "over" in screen.question.text().lower()
    for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_P, Qt.Key.Key_R):
        qtbot.keyClick(screen, key)
        screen._tick()
    wait_for_background_work()
    assert len(window.store().get_session(window.last_session_id).answers) == stored
    assert not screen.running
