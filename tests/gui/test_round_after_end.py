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


def test_after_the_round_ends_its_clocks_say_it_is_over(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Trial 19: after End round the round screen kept its clocks frozen ("Phase 10:48 Round
    42:11"), as if the round still ran. It says "Round over"; a new round shows its clocks again."""
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    clock.advance(90)
    screen._tick()
    assert screen.round_clock.text() == "43:30" and screen.phase_clock.isVisible()
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()
    screen._tick()  # a late tick does not bring the clocks back
    assert screen.round_clock.text() == "over"
    assert not screen.phase_clock.isVisibleTo(screen) and not screen.phase_caption.isVisibleTo(screen)
    assert not screen.phase_label.isVisibleTo(screen)
    window.show_screen("home")
    window.home.select_script("test-design")
    window.home.start_button.click()
    qtbot.waitUntil(lambda: screen.running and screen.session.controller.status == "listening", timeout=3000)
    assert screen.round_clock.text() == "45:00" and screen.phase_clock.isVisibleTo(screen)
    screen.stop_button.click()
    qtbot.waitUntil(lambda: not screen.running, timeout=10000)
    wait_for_background_work()
