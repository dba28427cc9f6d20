"""Trial 11: "Could I get a small hint on where to start?" was answered aloud, but the live
transcript showed nothing between the question and the candidate's next words: only replies kept
as clarifying exchanges were shown. Every reply the candidate hears is shown, once."""
from __future__ import annotations

from gui_fakes import transcript_of

from interviewer.core.round_records import Clarification, UtteranceKind
from interviewer.core.round_updates import ClarifyingAnswered, ListeningStarted, PartialTranscript, Speaking
from interviewer.gui.round_screen import RoundScreen


def test_a_hint_and_a_fact_each_show_once_between_the_words_around_them(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("Could I get a hint?").segments[0]))
    hint = "What order would put overlapping sessions next to each other?"
    screen.on_update(Speaking(hint, UtteranceKind.CLARIFICATION, 5.0))  # no exchange kept for a hint
    screen.on_update(PartialTranscript(1, transcript_of("Is the input sorted?").segments[0]))
    fact = "No, the input is in no particular order."
    screen.on_update(ClarifyingAnswered(1, Clarification("Is the input sorted?", "sorted input", fact, 9.0)))
    screen.on_update(Speaking(fact, UtteranceKind.CLARIFICATION, 9.0))
    screen.on_update(PartialTranscript(1, transcript_of("I would sort them").segments[0]))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines() == [
        "Q: Merge the sessions.", "Could I get a hint?", f"Interviewer: {hint}",
        "Is the input sorted?", f"Interviewer: {fact}", "I would sort them"]


def test_an_answer_shown_in_pieces_around_replies_is_counted_as_its_final_transcript(qtbot):
    """Trial 12: the live counter said 6 fillers and 398 words, the review 5 and 394: an answer
    with a reply in it keeps the pieces shown as the words came, and its final transcript (which
    the review counts) never reached the counter. The text stays; the counter takes the final."""
    from interviewer.core.analysis.marks import filler_marks
    from interviewer.core.round_updates import TranscriptReady

    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("Could I get a hint?").segments[0]))
    hint = "What order would put overlapping sessions next to each other?"
    screen.on_update(Speaking(hint, UtteranceKind.CLARIFICATION, 5.0))
    screen.on_update(PartialTranscript(1, transcript_of("like I would sort them").segments[0]))
    screen._render_partial()
    shown = screen.transcript.plain_text()
    final = transcript_of("Could I get a hint? um I would sort them by start time")
    screen.on_update(TranscriptReady(1, final))
    expected_fillers = len(filler_marks(list(final.words), final.speech))
    assert (screen.transcript.word_count, screen.transcript.filler_count) == (len(final.words), expected_fillers)
    assert screen.transcript.plain_text() == shown
    # The next question, and the next answer, count on from there.
    screen.on_update(Speaking("Which tests would you write?", UtteranceKind.QUESTION, 20.0))
    screen.on_update(ListeningStarted(2, "tests", 21.0))
    screen.on_update(TranscriptReady(2, transcript_of("empty input and one session")))
    assert screen.transcript.word_count == len(final.words) + 5
    assert screen.transcript.filler_count == expected_fillers


def test_the_think_aloud_nudge_is_an_interviewer_line_live_as_in_the_review(qtbot):
    """The live view showed "Remember to think out loud." only in its banner, the review as an
    interviewer line: both show it as a line where it was said (interviewer_lines is the one
    source); a time warning is a line too, and live it also shows in the banner."""
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(Speaking("Remember to think out loud.", UtteranceKind.NUDGE, 15.0))  # before any word
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("I would sort them").segments[0]))
    screen.on_update(Speaking("Remember to think out loud.", UtteranceKind.NUDGE, 40.0))
    screen.on_update(Speaking("Two minutes left in this part.", UtteranceKind.PHASE_WARNING, 50.0))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines() == [
        "Q: Merge the sessions.", "Interviewer: Remember to think out loud.", "I would sort them",
        "Interviewer: Remember to think out loud.", "Interviewer: Two minutes left in this part."]
    assert "Two minutes left" in screen.warning.text() and "think out loud" not in screen.warning.text()
