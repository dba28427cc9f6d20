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
