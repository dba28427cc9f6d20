"""Trial 18: "Okay, thanks." and the follow-up asked again after "Welcome back" were in the
review but never in the live pane, and the review showed that follow-up once (after the pause)
although it was first said before it. Every line the interviewer says is a line live as in the
review, and a line a pause cut off and said again is kept both times it was said."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.app.round_session import RoundSession
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import ListeningStarted, PartialTranscript, Speaking
from interviewer.export.interviewer_lines import lines_to_show
from interviewer.gui.round_screen import RoundScreen

from gui_fakes import transcript_of

QUESTION = "Tell me about a conflict with a peer."
FOLLOW_UP = "How would the other person describe that conflict, if I asked them?"
WELCOME = "Welcome back. We were on the conflict with a peer; you have about eight minutes left for it."


def test_the_live_pane_shows_the_acknowledgement_and_the_follow_up_said_again(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(QUESTION, UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("We settled it with data.").segments[0]))
    screen._render_partial()
    screen.on_update(Speaking("Okay, thanks.", UtteranceKind.ACKNOWLEDGEMENT, 115.5))
    screen.on_update(Speaking(FOLLOW_UP, UtteranceKind.FOLLOW_UP, 118.7))
    screen.on_update(Speaking(WELCOME, UtteranceKind.NUDGE, 123.9))
    screen.on_update(Speaking(FOLLOW_UP, UtteranceKind.FOLLOW_UP, 131.1, again=True))
    assert screen.transcript.plain_text().splitlines() == [
        f"Q: {QUESTION}", "We settled it with data.", "Interviewer: Okay, thanks.",
        f"Follow-up: {FOLLOW_UP}", f"Interviewer: {WELCOME}", f"Follow-up: {FOLLOW_UP}"]


def test_a_line_said_again_after_a_pause_is_stored_both_times_and_the_review_shows_both():
    stored = []
    session = RoundSession.__new__(RoundSession)
    session.store = SimpleNamespace(add_interviewer_line=lambda sid, at, kind, text: stored.append(
        SimpleNamespace(said_at=at, kind=kind, text=text)))
    session.session_id = 1
    session._write = lambda fn, what: fn()
    session._last_said = None
    session._said(Speaking(FOLLOW_UP, UtteranceKind.FOLLOW_UP, 118.7))
    session._said(Speaking(WELCOME, UtteranceKind.NUDGE, 123.9))
    session._said(Speaking(FOLLOW_UP, UtteranceKind.FOLLOW_UP, 131.1, again=True))
    assert [(line.said_at, line.text) for line in stored] == [(118.7, FOLLOW_UP), (123.9, WELCOME), (131.1, FOLLOW_UP)]
    # The answer's heading is the follow-up asked last (at 131.1); the first time stays a line.
    answer = SimpleNamespace(id=4, question_id="peer", follow_up_id="their_view", asked_at=131.1,
                             answer_start=137.2, question_text=FOLLOW_UP, clarifications=[])
    shown = lines_to_show(SimpleNamespace(lines=stored, answers=[answer]))
    assert [(line.said_at, line.text) for line in shown] == [(118.7, FOLLOW_UP), (123.9, WELCOME)]
