"""A very long question (a user's 1,500-character problem statement) scrolls inside its own box
on the round screen: at 1024x640 it pushed the answer keys (End answer, Next part) below the
window's edge and the whole round page scrolled. A short question is shown whole, as before."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window
from test_round_screen_turns import start, tick_until

SHORT = "Design a system that ranks posts in a news feed."
LONG = " ".join(["Imagine you are building the calendar back end for a company with tens of thousands of "
                 "employees, where meetings overlap, repeat and sit inside each other."] * 14)


def test_a_long_question_scrolls_in_its_box_and_the_answer_keys_stay_in_the_window(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    design = bundled / "design.toml"
    design.write_text(design.read_text().replace(SHORT, LONG))
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1024, 640)
    screen = start(qtbot, window)
    tick_until(qtbot, screen, lambda: LONG in screen.question.text(), timeout=5000)
    qtbot.wait(50)
    page = window._pages["round"]
    box = screen.question_box
    assert box.verticalScrollBar().maximum() > 0, "the rest of the question scrolls in its box"
    assert box.height() <= 0.3 * window.height()
    assert page.verticalScrollBar().maximum() == 0, "the round page itself does not scroll"
    for button in (screen.end_button, screen.next_button):
        assert not button.visibleRegion().isEmpty(), button.text()
    screen.stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=5000)
    wait_for_background_work()
    window.shutdown()


def test_a_short_question_is_shown_whole(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1024, 640)
    screen = start(qtbot, window)
    tick_until(qtbot, screen, lambda: SHORT in screen.question.text(), timeout=5000)
    qtbot.wait(50)
    assert screen.question_box.verticalScrollBar().maximum() == 0
    assert screen.question_box.height() >= screen.question.heightForWidth(screen.question_box.width())
    screen.stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=5000)
    wait_for_background_work()
    window.shutdown()
