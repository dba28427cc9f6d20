"""Trial 17 item 7: "Sorry, could you repeat the question?" and the interviewer's question said
again never showed in the live transcript, while its counter counted the request's 6 words; the
review showed both lines. Live, the exchange is shown where it was said, as the review shows it,
and the counter counts the words the pane shows."""
from __future__ import annotations

from gui_fakes import transcript_of

from interviewer.core.round_records import EndedBy, UtteranceKind
from interviewer.core.round_updates import AnswerEnded, ListeningStarted, PartialTranscript, Speaking, TranscriptReady
from interviewer.gui.round_screen import RoundScreen

QUESTION = "Tell me about a time you had a serious conflict with a peer."
REQUEST = "Sorry, could you repeat the question?"
STORY = "Sure. Last year I fixed the alerting with my peer."


def shown_words(screen) -> int:
    """Words of the candidate's lines in the pane (not the question's, not the interviewer's)."""
    lines = screen.transcript.plain_text().splitlines()
    return sum(len(line.split()) for line in lines if line and not line.startswith(("Q:", "Interviewer:")))


def test_the_spoken_repeat_exchange_shows_live_and_the_counter_counts_what_is_shown(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(QUESTION, UtteranceKind.QUESTION, 1.0, "peer"))
    screen.on_update(ListeningStarted(1, "peer", 8.0))
    screen.on_update(PartialTranscript(1, transcript_of(REQUEST).segments[0]))
    # The request got the repeat at once, before the pane's next repaint.
    screen.on_update(AnswerEnded(1, EndedBy.REPEAT, 11.0, asked_to_repeat=True))
    screen.on_update(Speaking(QUESTION, UtteranceKind.REPEAT, 11.0, "peer"))
    assert "Again: " + QUESTION in screen.question.text()
    screen.on_update(ListeningStarted(2, "peer", 18.0))
    # The request's final transcript comes after the next recording started: it keeps its place.
    screen.on_update(TranscriptReady(1, transcript_of(REQUEST)))
    screen.on_update(PartialTranscript(2, transcript_of(STORY).segments[0]))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines() == [
        f"Q: {QUESTION}", REQUEST, f"Interviewer: {QUESTION}", STORY]
    # Trial 24, fixA26 A2: the request is shown but, as in the review, no part of the answer's
    # numbers: the counter counts the answer's words only (it counted the request's too).
    assert screen.transcript.word_count == len(STORY.split()) == shown_words(screen) - len(REQUEST.split())
    screen.on_update(TranscriptReady(2, transcript_of(STORY)))
    assert screen.transcript.word_count == len(STORY.split())


def test_the_last_words_of_the_request_go_above_the_repeat(qtbot):
    """The live words lag the voice: the final transcript of the request has a word more."""
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(QUESTION, UtteranceKind.QUESTION, 1.0, "peer"))
    screen.on_update(ListeningStarted(1, "peer", 8.0))
    screen.on_update(PartialTranscript(1, transcript_of("Sorry, could you repeat").segments[0]))
    screen._render_partial()
    screen.on_update(AnswerEnded(1, EndedBy.REPEAT, 11.0, asked_to_repeat=True))
    screen.on_update(Speaking(QUESTION, UtteranceKind.REPEAT, 11.0, "peer"))
    screen.on_update(ListeningStarted(2, "peer", 18.0))
    screen.on_update(TranscriptReady(1, transcript_of(REQUEST)))
    assert screen.transcript.plain_text().splitlines() == [f"Q: {QUESTION}", REQUEST, f"Interviewer: {QUESTION}"]
    assert screen.transcript.word_count == 0  # shown, not counted: the late words neither


def test_words_before_the_r_key_still_count(qtbot):
    """The R key after some of the answer leaves that part an answer's part (no request)."""
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(QUESTION, UtteranceKind.QUESTION, 1.0, "peer"))
    screen.on_update(ListeningStarted(1, "peer", 8.0))
    screen.on_update(PartialTranscript(1, transcript_of(STORY).segments[0]))
    screen.on_update(AnswerEnded(1, EndedBy.REPEAT, 11.0))
    screen.on_update(Speaking(QUESTION, UtteranceKind.REPEAT, 11.0, "peer"))
    screen.on_update(ListeningStarted(2, "peer", 18.0))
    screen.on_update(TranscriptReady(1, transcript_of(STORY)))
    assert screen.transcript.word_count == len(STORY.split())


def test_a_reply_to_an_offer_is_shown_but_not_counted(qtbot):
    """Trial 44: "No, let's wrap up." (the reply to the offer of an extra question) raised the live
    count from 150 to 154 words; the core marks it not counted (AnswerEnded.not_counted)."""
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(QUESTION, UtteranceKind.QUESTION, 1.0, "peer"))
    screen.on_update(ListeningStarted(1, "peer", 8.0))
    screen.on_update(PartialTranscript(1, transcript_of(STORY).segments[0]))
    screen.on_update(AnswerEnded(1, EndedBy.SILENCE, 20.0))
    screen.on_update(TranscriptReady(1, transcript_of(STORY)))
    screen.on_update(Speaking("Would you like another question?", UtteranceKind.FOLLOW_UP, 21.0, None))
    screen.on_update(ListeningStarted(2, None, 24.0))
    screen.on_update(PartialTranscript(2, transcript_of("No, let's wrap up.").segments[0]))
    screen.on_update(AnswerEnded(2, EndedBy.SILENCE, 27.0, not_counted=True))
    screen.on_update(TranscriptReady(2, transcript_of("No, let's wrap up.")))
    screen._render_partial()
    assert "No, let's wrap up." in screen.transcript.plain_text()
    assert screen.transcript.word_count == len(STORY.split())
