"""The debrief's "moments to recall": a new-user run of a behavioral round was offered its
6-second greeting as "One of your longest answers (0.1 min)". The quote is the question answered
('One of your longest answers (1.3 min): "OK, let's move from clarifying..."' read as if the
candidate had said the interviewer's words): it says "to"."""
from __future__ import annotations

import re

from interviewer.app.review_model import LONG_ANSWER_MIN_S, flagged_moments
from interviewer.storage.models import Answer, Session


def _session(*durations: float) -> Session:
    answers, start = [], 10.0
    for i, seconds in enumerate(durations, 1):
        answers.append(Answer(i, 1, f"q{i}", None, f"Question {i}", start - 1, start, start + seconds, None))
        start += seconds + 5
    return Session(1, "f", "s", "Round", "behavioral", 45, 0.0, start, "completed", answers=answers)


def test_only_answers_long_enough_to_overrun_are_recalled_as_the_longest():
    moments = [m.message for m in flagged_moments(_session(6.0, 23.0, 95.0)) if m.kind == "long_answer"]
    assert moments == ['One of your longest answers (1 min 35 s), to "Question 3"']
    moments = [m.message for m in flagged_moments(_session(6.0, 42.0)) if m.kind == "long_answer"]
    assert moments == ['One of your longest answers (42 s), to "Question 2"']
    assert not [m for m in flagged_moments(_session(6.0, LONG_ANSWER_MIN_S - 1)) if m.kind == "long_answer"]


def test_a_round_with_no_moments_to_recall_does_not_say_nothing_was_flagged(qtbot):
    """A trial's phone screen had 'No clarifying questions' under To work on in its review, and
    its debrief said 'Nothing was flagged in this round.': the moments are only filler clusters,
    long silences and long answers, and the placeholder says so."""
    from interviewer.gui.debrief_screen import DebriefScreen

    screen = DebriefScreen()
    qtbot.addWidget(screen)
    screen.show_session(_session(6.0, 12.0))
    shown = [screen.moments.item(i).text() for i in range(screen.moments.count())]
    assert len(shown) == 1 and "Nothing was flagged" not in shown[0]
    assert "filler" in shown[0] and "silence" in shown[0] and "review" in shown[0].lower()


def test_a_filler_burst_is_said_as_the_review_says_it():
    """Trial10: the review listed "4 fillers within 10 s at 0:03.4." and the debrief the same
    burst as "4 fillers within 8 s while answering ...": one burst, two numbers."""
    from interviewer.core.analysis.report import analyze_answer
    from interviewer.core.transcript import Segment, Transcript, Word

    words, t = [], 0.0
    said = ("Well um the model uh ranked the um posts by er watch time and then we shipped it to every "
            "user in the country over two weeks and measured how long people stayed on the page um")
    for text in said.split():  # four fillers in 8 s, one more 20 s later
        words.append(Word(text, round(t, 2), round(t + 0.3, 2)))
        t += 2.2 if text in ("um", "uh", "er") else 0.4
        t += 12.0 if text == "weeks" else 0.0
    transcript = Transcript([Segment(" ".join(w.text for w in words), 0.0, t, words)], duration=t + 1)
    analysis = analyze_answer(transcript)
    review = [f.message for f in analysis.findings if "fillers within" in f.message]
    session = _session(30.0)
    session.answers[0].analysis = analysis.to_dict()  # as stored
    recalled = [m.message for m in flagged_moments(session) if m.kind == "filler_cluster"]
    assert review and recalled
    said = re.search(r"\d+ fillers within \d+ s", review[0]).group(0)
    assert recalled[0].startswith(said), (review, recalled)


def test_the_silence_before_going_on_over_the_acknowledgement_is_recalled_in_its_answer():
    """A part that resumed the answer over "Okay, thanks." keeps the silence before it
    (`pause_before`): a long silence inside that answer, recalled at the part's start."""
    from interviewer.core.analysis.summary import PAUSE_BEFORE_KEY

    session = _session(6.0, 4.0)
    session.answers[1].analysis = {PAUSE_BEFORE_KEY: 9.2}
    [moment] = [m for m in flagged_moments(session) if m.kind == "long_silence"]
    assert (moment.answer_id, moment.start) == (2, 0.0) and moment.message.startswith("9.2 s of silence")


def test_two_bursts_of_fillers_in_one_answer_are_two_moments_told_apart():
    """Trial 19: an answer with six fillers in two bursts was recalled as "3 fillers within 10 s
    while answering 'You have a categorical feature...'" twice, read as one moment listed twice.
    Each says when, in the review's round clock (the answer started at 1:51.9 of the round)."""
    answer = Answer(1, 1, "q1", None, "You have a categorical feature, the merchant id", 110.0, 111.9, 147.1, None)
    answer.analysis = {"fillers": [{"start": t} for t in (5.2, 6.4, 14.6, 15.9, 16.4, 24.2)]}
    session = Session(1, "f", "s", "Round", "ml_breadth", 45, 0.0, 200.0, "completed", answers=[answer])
    bursts = [m.message for m in flagged_moments(session) if m.kind == "filler_cluster"]
    assert len(bursts) == 2 and len(set(bursts)) == 2, bursts
    assert bursts[0].endswith(" at 01:57") and bursts[1].endswith(" at 02:08"), bursts
    assert all(b.startswith("3 fillers within 10 s while answering") for b in bursts)


def test_a_long_answer_to_a_phase_prompt_is_named_by_the_question_it_went_on_with():
    """Trial 21: 'One of your longest answers (32 s), to "We're about a minute in. Let's move from
    clarifying to your..."': named by the interviewer's hand-over line, not the question answered."""
    prompt = "We're about a minute in. Let's move from clarifying to your approach."
    answers = [Answer(1, 1, "merge", None, "Merge the overlapping intervals.", 0.0, 1.0, 8.0, None, phase_id="clarify"),
               Answer(2, 1, "", None, prompt, 10.0, 11.0, 43.0, None, phase_id="approach")]
    session = Session(1, "f", "s", "Round", "coding", 45, 0.0, 50.0, "completed", answers=answers)
    moments = [m.message for m in flagged_moments(session) if m.kind == "long_answer"]
    assert moments == ['One of your longest answers (32 s), to "Merge the overlapping intervals."']


def test_a_question_met_with_silence_is_no_long_answer():
    """Trial 28: the debrief recalled "One of your longest answers (41 s)" for the customer
    question the candidate stayed silent on ("No speech was heard in this answer (41.3 s)")."""
    session = _session(35.0, 41.3)
    session.answers[1].analysis = {"words": [], "findings": [
        {"kind": "no_speech", "start": 0.0, "end": 41.3, "message": "No speech was heard in this answer (41.3 s)."}]}
    recalled = [m.message for m in flagged_moments(session) if m.kind == "long_answer"]
    assert recalled == ['One of your longest answers (35 s), to "Question 1"']
