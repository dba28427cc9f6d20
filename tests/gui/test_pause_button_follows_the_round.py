"""Trial 25 item 3: a round ended from "End the round?" (which pauses the round while it asks)
left the Pause button reading "Resume (P)" in every later round while it ran. The button's
text follows the round's one state (controller.paused), not the last pause event seen."""
from __future__ import annotations

from interviewer.gui.workers import wait_for_background_work


def test_pause_button_reads_pause_in_the_next_round_after_ending_one_from_the_question(
        qtbot, isolated_dirs, script_dirs, tmp_path, confirmations):
    from interviewer.core.clock import FakeClock
    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status == "listening", timeout=3000)
    confirmations.answer_yes = True
    assert screen.confirm_stop_round() and not screen.running  # Ctrl+E, then "End the round"
    assert screen.pause_button.text() == "Pause (P)", "an ended round is not paused"
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    wait_for_background_work()

    window.show_screen("home")
    window.home.select_script("test-design")
    window.home.start_button.click()
    qtbot.waitUntil(lambda: screen.running and screen.session.controller.status == "listening", timeout=3000)
    assert not screen.session.controller.paused
    assert screen.pause_button.text() == "Pause (P)"
    screen.toggle_pause()
    assert screen.pause_button.text() == "Resume (P)"
    screen.toggle_pause()
    assert screen.pause_button.text() == "Pause (P)"
    screen.stop_button.click()
    qtbot.waitUntil(lambda: not screen.running, timeout=10000)
    wait_for_background_work()
