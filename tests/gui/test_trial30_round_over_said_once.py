"""Trial 30 defect 3: after a round ended with nothing said, the blue banner "The round is over.
Nothing was said or typed in this round, so it was not kept in your history." stayed on Home and
Settings (moving the layout, so the first click on "Start round" missed) and over the next running
round; and the same sentence was shown three times (banner, question box, status line)."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.core.round_records import NOTHING_SAID_NOTE
from interviewer.gui.workers import wait_for_background_work

from gui_fakes import FakeSpeaker
from test_round import make_window


class HeldSpeaker(FakeSpeaker):
    """The opening is still being said when the candidate ends the round."""

    def say(self, text, on_done=None):
        self.said.append(text)


def _start(window):
    window.show_screen("home")
    window.home.select_script("test-design")
    window.home.start_button.click()


def _end_at_once(qtbot, window):
    screen = window.round_screen
    qtbot.waitUntil(lambda: screen.session.controller.status != "", timeout=3000)
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window._round_was_saved, timeout=10000)
    wait_for_background_work()
    assert window.last_session_id is None and window.round_session.not_kept == NOTHING_SAID_NOTE


def test_an_empty_round_is_said_over_once_and_nothing_of_it_stays(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock(), speaker=HeldSpeaker())
    screen = window.round_screen
    _start(window)
    _end_at_once(qtbot, window)
    shown = [text for text in (window.banner.text, screen.question.text(), screen.status.text())
             if NOTHING_SAID_NOTE in text]
    assert shown == [screen.question.text()]  # once, in the question box
    assert screen.status.text() == "Round over: not kept."
    for key in ("home", "settings", "home"):
        window.show_screen(key)
        assert NOTHING_SAID_NOTE not in window.banner.text, key
    assert window.banner.isHidden()  # nothing above Home moves "Start round" from under the pointer
    _start(window)
    assert window.round_screen.running
    assert "round is over" not in window.banner.text.lower()
    screen.stop_button.click()
    qtbot.waitUntil(lambda: not screen.running, timeout=10000)
    wait_for_background_work()


def test_an_empty_round_ended_from_another_screen_is_said_there_and_goes_with_it(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock(), speaker=HeldSpeaker())
    _start(window)
    _end_at_once(qtbot, window)
    window.show_screen("settings")  # as if the round had been ended to go to Settings
    window._round_saved(None)
    assert NOTHING_SAID_NOTE in window.banner.text
    window.show_screen("home")
    assert window.banner.text == ""
    window.show_screen("settings")
    window._round_saved(None)
    _start(window)  # a new round takes it away too
    assert NOTHING_SAID_NOTE not in window.banner.text
    window.round_screen.stop_button.click()
    qtbot.waitUntil(lambda: not window.round_screen.running, timeout=10000)
    wait_for_background_work()
