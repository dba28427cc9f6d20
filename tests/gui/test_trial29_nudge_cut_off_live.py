"""Trial 29 item D11 (c): a nudge talked over reads the words heard and "[cut off]" live, as the
review shows it (the controller's ReplyCutOff for a line with no exchange)."""
from gui_fakes import transcript_of

from interviewer.core.round_records import UtteranceKind, cut_off_text
from interviewer.core.round_updates import ListeningStarted, PartialTranscript, ReplyCutOff, Speaking
from interviewer.gui.round_screen import RoundScreen

NUDGE = "Remember to think out loud."


def test_a_nudge_talked_over_shows_cut_off_live(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("So I would").segments[0]))
    screen.on_update(Speaking(NUDGE, UtteranceKind.NUDGE, 20.0))
    marked = cut_off_text(NUDGE, len("Remember"))
    screen.on_update(ReplyCutOff(1, NUDGE, marked, "", "", 20.4))
    screen._render_partial()
    assert f"Interviewer: {marked}" in screen.transcript.plain_text().splitlines()
