"""Trial 22 item 3 on the round screen: a reply that went on with the question cut off showed
twice (alone, then whole); a reply said again after being cut as it started showed twice; a
reply cut off after its first word showed in full. Live, as in the review: each once, as said."""
from __future__ import annotations

from gui_fakes import transcript_of

from interviewer.core.round_records import Clarification, UtteranceKind
from interviewer.core.round_updates import (
    ClarifyingAnswered, ListeningStarted, PartialTranscript, ReplyCutOff, Speaking,
)
from interviewer.gui.round_screen import RoundScreen

FACT = "About one payment in a thousand is fraud."


def _asked(qtbot, question="Is this for card payments only?"):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Design a fraud scorer.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of(question).segments[0]))
    screen.on_update(ClarifyingAnswered(1, Clarification(question, "class balance", FACT, 9.0)))
    return screen


def test_a_reply_that_finishes_the_question_shows_the_reply_then_the_rest(qtbot):
    screen = _asked(qtbot)
    finish = "Let me finish the question: Design a fraud scorer."
    screen.on_update(Speaking(f"{FACT} {finish}", UtteranceKind.CLARIFICATION, 9.0))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines() == [
        "Q: Design a fraud scorer.", "Is this for card payments only?", f"Interviewer: {FACT}", f"Interviewer: {finish}"]


def test_a_reply_said_again_after_a_cut_at_its_start_shows_once(qtbot):
    screen = _asked(qtbot)
    screen.on_update(Speaking(FACT, UtteranceKind.CLARIFICATION, 9.0))
    screen.on_update(Speaking(FACT, UtteranceKind.CLARIFICATION, 11.0, again=True))
    screen._render_partial()
    assert screen.transcript.plain_text().count(FACT) == 1


def test_a_reply_cut_off_shows_the_words_heard(qtbot):
    screen = _asked(qtbot)
    screen.on_update(Speaking(FACT, UtteranceKind.CLARIFICATION, 9.0))
    marked = "About... [cut off]"
    screen.on_update(ReplyCutOff(1, FACT, marked, FACT, marked, 9.5))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines()[-1] == f"Interviewer: {marked}"


def test_a_reply_cut_inside_it_drops_the_finish_it_never_reached(qtbot):
    """Trial 24 item 6: the reply that went on with the question was stopped mid-reply (the
    speaker's word events: 75 of its 110 characters). Live showed the reply whole and "Let me
    finish the question: ..." as if said; the review showed the reply cut off and no finish.
    Live now shows what the review does."""
    screen = _asked(qtbot)
    finish = "Let me finish the question: Design a fraud scorer."
    said = f"{FACT} {finish}"
    screen.on_update(Speaking(said, UtteranceKind.CLARIFICATION, 9.0))
    marked = "About one payment... [cut off]"
    screen.on_update(ReplyCutOff(1, said, marked, FACT, marked, 10.0))
    screen._render_partial()
    lines = screen.transcript.plain_text().splitlines()
    assert lines[-1] == f"Interviewer: {marked}" and not any(finish in line for line in lines)
    assert sum(FACT in line for line in lines) == 0


def test_a_reply_cut_in_its_finish_keeps_the_reply_and_marks_the_finish(qtbot):
    screen = _asked(qtbot)
    finish = "Let me finish the question: Design a fraud scorer."
    said = f"{FACT} {finish}"
    screen.on_update(Speaking(said, UtteranceKind.CLARIFICATION, 9.0))
    marked = f"{FACT} Let me finish the question... [cut off]"
    screen.on_update(ReplyCutOff(1, said, marked, FACT, FACT, 12.0))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines()[-2:] == [
        f"Interviewer: {FACT}", "Interviewer: Let me finish the question... [cut off]"]


def test_a_held_reply_never_said_leaves_an_earlier_line_alike_whole(qtbot):
    """Trial 24 (C2): a reply held for the candidate's pause and then moved on from (a repeat,
    Next) was never said: its cut-off update names no line (text ""), and the same words said in
    full just before stay whole."""
    from interviewer.core.round_records import CUT_OFF_MARK

    screen = _asked(qtbot)
    screen.on_update(Speaking(FACT, UtteranceKind.CLARIFICATION, 9.0))
    screen.on_update(ReplyCutOff(1, "", "", FACT, FACT + CUT_OFF_MARK, 14.0))
    screen._render_partial()
    assert f"Interviewer: {FACT}" in screen.transcript.plain_text().splitlines()
