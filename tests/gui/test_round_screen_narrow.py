"""The round screen at 1024x700, the smallest window the app is tried at: a new-user run saw a
sideways scroll bar under the round, pushed out by a long script title in the header (a label
as wide as its text), and the title ran into the phase name ("...· Behavioral Introduction")."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window
from test_round_screen_turns import start

LONG_TITLE = "Behavioral: conflict, earning trust, feedback and owning mistakes, told with numbers"


def test_a_long_round_title_elides_instead_of_widening_the_round_screen(qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    design = bundled / "design.toml"
    design.write_text(design.read_text().replace("Design a feed ranker", LONG_TITLE))
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1024, 700)
    screen = start(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen_key() == "round", timeout=5000)
    qtbot.wait(50)
    page = window._pages["round"]
    # Elided on one line since trial 27 (wrapped, it split the kind); the whole title is its tooltip.
    assert LONG_TITLE in screen.title.toolTip() and "\u2026" in screen.title.text()
    assert page.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    assert screen.title.geometry().right() < screen.phase_label.geometry().left() - 8
    screen.scratchpad.setPlainText("notes")  # a round with nothing said or typed is not kept
    screen.stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=5000)
    wait_for_background_work()
    window.shutdown()


def test_at_150_percent_on_a_small_screen_the_buttons_wrap_instead_of_scrolling_sideways(qtbot, isolated_dirs,
                                                                                          script_dirs, tmp_path):
    """Trial8: 1024x640 with 150 % scaling leaves 683x427; the answer buttons in one row made the
    round 661 px wide in a 591 px page, 'End round' and the round clock out of sight."""
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.show()
    window.setMinimumSize(1, 1)  # the test screen is 800x600: its minimum would be larger
    window.resize(683, 427)
    screen = start(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen_key() == "round", timeout=5000)
    qtbot.wait(50)
    page = window._pages["round"]
    assert page.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    assert screen.stop_button.geometry().right() <= page.viewport().width()
    buttons = (screen.end_button, screen.repeat_button, screen.next_button, screen.pause_button, screen.stop_button)
    for one in buttons:  # none over another
        for other in buttons:
            assert one is other or not one.geometry().intersects(other.geometry()), (one.text(), other.text())
    screen.scratchpad.setPlainText("notes")  # a round with nothing said or typed is not kept
    screen.stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=5000)
    wait_for_background_work()
    window.shutdown()
