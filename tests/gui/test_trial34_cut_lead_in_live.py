"""Trial 34, D9: a stray sound cut off the part's lead-in ("Here's the problem. Take a few minutes
on requirements first: ask me about ..."), so the instruction to ask clarifying questions was
never heard; the review showed "Here's the problem... [cut off]" but the live transcript showed
the whole lead-in as said: LineCutOff marked only a question's heading, never an interviewer's
line (a prompt) unless named, and it was not named. Then the question, said for the first time,
is shown as a question, not "Again:"."""
from __future__ import annotations

from interviewer.core.round_records import UtteranceKind, cut_off_text
from interviewer.core.round_updates import LineCutOff, Speaking
from interviewer.gui.round_screen import RoundScreen

LEAD_IN = ("Here's the problem. Take a few minutes on requirements first: ask me about the product, the scale "
           "and what a good estimate means.")
PROBLEM = ("When a customer places an order in our food delivery app, we show when the food will arrive, and "
           "we update it until it does. Design the system behind that estimate. Where do you start?")


def test_a_lead_in_cut_off_live_reads_as_cut_off_and_the_question_after_it_is_no_again(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(LEAD_IN, UtteranceKind.PROMPT, 25.0))
    marked = cut_off_text(LEAD_IN, len("Here's the problem."))
    screen.on_update(LineCutOff(UtteranceKind.PROMPT, LEAD_IN, marked, 27.4))
    lines = [line for line in screen.transcript.plain_text().splitlines() if line.strip()]
    assert lines[-1] == f"Interviewer: {marked}", lines
    assert not any("Take a few minutes" in line for line in lines), "the part never heard is not shown"
    screen.on_update(Speaking(PROBLEM, UtteranceKind.QUESTION, 30.2, "design_eta"))
    assert not screen.question.text().startswith("Again"), screen.question.text()
    lines = [line for line in screen.transcript.plain_text().splitlines() if line.strip()]
    assert lines[-1] == f"Q: {PROBLEM}", lines


def test_the_closing_said_aloud_is_a_line_of_the_live_transcript(qtbot):
    """Trial 34, D2: "Thank you, that's the end of the round." was said aloud after the candidate
    ended the round (heard in the trial's recording of the speaker), and the review and exports
    list it, but live it was only in the question box, soon replaced: the transcript lacked it."""
    from interviewer.core.round_settings import ControllerSettings
    from interviewer.core.round_updates import ListeningStarted, PartialTranscript

    from gui_fakes import transcript_of

    closing = ControllerSettings().early_closing_text
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Thanks. What questions do you have for me?", UtteranceKind.PROMPT, 631.0))
    screen.on_update(ListeningStarted(22, None, 635.0))
    screen.on_update(PartialTranscript(22, transcript_of("That's it.").segments[0]))
    screen.on_update(Speaking(closing, UtteranceKind.CLOSING, 707.2))
    screen._render_partial()
    lines = [line for line in screen.transcript.plain_text().splitlines() if line.strip()]
    assert lines[-1] == f"Interviewer: {closing}", lines
    assert "That's it." in lines[-2]
