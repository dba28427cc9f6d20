"""Trial 25 item 12: after the reply that was finishing a cut-off question was talked over, the
interviewer said "Let me finish the question:" and the whole question; the live transcript
showed the lead-in and nothing after it (the question's text was the last heading it had shown,
so the Speaking of it was taken for the same line said again). The review showed both. Live
now shows every line the interviewer says, as the review does (export.interviewer_lines)."""
from __future__ import annotations

from gui_fakes import transcript_of

from interviewer.core.round_records import Clarification, UtteranceKind, cut_off_text
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import (
    ClarifyingAnswered, LineCutOff, ListeningStarted, PartialTranscript, ReplyCutOff, Speaking,
)
from interviewer.gui.round_screen import RoundScreen

PROBLEM = "Design the model that predicts the chance a user clicks an ad. Where would you start?"
FACT = "About two hundred thousand ad requests per second at peak."
FINISH = ControllerSettings().finish_lead_in


def test_the_question_said_again_after_the_finish_lead_in_is_shown(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(PROBLEM, UtteranceKind.QUESTION, 1.0, "design_ctr"))
    marked = cut_off_text(PROBLEM, len("Design the model"))
    screen.on_update(LineCutOff(UtteranceKind.QUESTION, PROBLEM, marked, 3.0, "design_ctr", None))
    screen.on_update(ListeningStarted(1, "design_ctr", 3.0))
    asked = "How many requests per second?"
    screen.on_update(PartialTranscript(1, transcript_of(asked).segments[0]))
    screen.on_update(ClarifyingAnswered(1, Clarification(asked, "scale", FACT, 6.0)))
    said = f"{FACT} {FINISH} {PROBLEM}"
    screen.on_update(Speaking(said, UtteranceKind.CLARIFICATION, 6.0))
    cut = cut_off_text(FACT, len("About two hundred"))
    screen.on_update(ReplyCutOff(1, said, cut, FACT, cut, 7.0))
    screen.on_update(PartialTranscript(1, transcript_of("Okay.").segments[0]))
    screen.on_update(Speaking(FINISH, UtteranceKind.ACKNOWLEDGEMENT, 10.0))
    screen.on_update(Speaking(PROBLEM, UtteranceKind.QUESTION, 11.0, "design_ctr"))
    screen._render_partial()
    lines = screen.transcript.plain_text().splitlines()
    assert lines[-2:] == [f"Interviewer: {FINISH}", f"Q: {PROBLEM}"], lines
