"""Trial 30 defect 5 (the window and the stored round): N pressed a few seconds into the opening,
only its first words heard, and both the live transcript and the review showed the whole opening
as said, unmarked. The line now reads its words heard, marked cut off, in both; a line of which
nothing was heard is shown in neither."""
from __future__ import annotations

import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.round_records import CUT_OFF_MARK
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store

from gui_fakes import FakeSpeaker
from test_round import make_window


class TellingSpeaker(FakeSpeaker):
    """The first line is held (being said) until stop(), which reports `heard` characters of it
    played: the end of its second word, or 0 (none of it); later lines end at once."""

    def __init__(self, nothing_heard: bool) -> None:
        super().__init__()
        self.nothing_heard, self.held = nothing_heard, None

    def say(self, text, on_done=None):
        if self.said:
            return super().say(text, on_done)
        self.said.append(text)
        self.held = on_done

    def stop(self):
        held, self.held = self.held, None
        if held is None:
            return None
        held()
        text = self.said[0]
        return 0 if self.nothing_heard else text.index(" ", text.index(" ") + 1)


@pytest.mark.parametrize("nothing_heard", [False, True])
def test_n_during_the_opening_shows_and_keeps_only_what_was_heard(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                  nothing_heard):
    speaker = TellingSpeaker(nothing_heard)
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock(), speaker=speaker)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    qtbot.waitUntil(lambda: speaker.held is not None, timeout=3000)
    opening = speaker.said[0]
    qtbot.waitUntil(lambda: opening in screen.transcript.plain_text(), timeout=3000)
    words = opening.split()
    heard = " ".join(words[:2]).rstrip(",.;:!?") + "..." + CUT_OFF_MARK
    screen.next_part()  # N, its first two words heard
    qtbot.waitUntil(lambda: len(speaker.said) > 1, timeout=3000)
    screen._tick()
    shown = screen.transcript.plain_text()
    assert opening not in shown
    assert (heard in shown) is not nothing_heard
    screen.scratchpad.setPlainText("clarify the metric")  # the round is kept
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window._round_was_saved, timeout=10000)
    wait_for_background_work()
    assert window.last_session_id is not None
    with Store.open(tmp_path / "data") as store:
        lines = [line.text for line in store.get_session(window.last_session_id).lines]
    assert opening not in lines
    assert (heard in lines) is not nothing_heard
