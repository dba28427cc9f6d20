"""Trial 33 #3: in the Approach part the candidate said "...otherwise I append it as a new
session.", written "But why am I appended in a new session?", and went on about 2 s later. The
interviewer started the edge-case fact 0.5 s after it (its match, 0.379 for a threshold of 0.35,
was loose) and was cut off. A "question" that falls after the candidate's own explanation, is not
put to the interviewer and matches no fact well waits MID_EXPLANATION_WAIT_S of silence: the
candidate going on first gets no reply. A question that matches a fact well, or is put to the
interviewer, is still answered at once."""
from __future__ import annotations

import pytest

from test_round_turns import ask
from test_trial28_assumption_replies import PROBLEM, SCRIPT, _fact, _round

from interviewer.adapters.embeddings import load_text_encoder
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.clarifying_turns import MID_EXPLANATION_WAIT_S
from interviewer.core.matching import Matcher

EXPLANATION = ("Okay, so my idea is to first sort the sessions by their start time. Then I keep a result list and "
               "loop over the sorted sessions. For each one, if it starts before the end of the last merged "
               "session, I extend that end to the max of the two ends.")
MISHEARD = "But why am I appended in a new session?"


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_text_encoder())  # the app's model: the trial's scores are its


def test_the_trial_question_matches_its_fact_only_loosely(matcher):
    responder = ClarifyingResponder(PROBLEM, matcher, SCRIPT)
    assert responder.weakly_matched(MISHEARD)
    assert not responder.weakly_matched("Can the list of sessions be empty?")
    assert not responder.weakly_matched("How big is the input?")


def test_a_loose_question_mid_explanation_gets_no_reply_when_the_candidate_goes_on(tmp_path, matcher):
    clock, engine, speaker, recorder, controller = _round(tmp_path, matcher)
    said = len(speaker.said)
    ask(controller, recorder, f"{EXPLANATION} {MISHEARD}", pause=0.6)
    controller.on_silence(1.0)
    controller.poll()
    assert speaker.said[said:] == []
    ask(controller, recorder, "And that's linear after the sort, so n log n overall.", pause=0.6)
    assert speaker.said[said:] == []


def test_a_loose_question_mid_explanation_waited_on_is_answered(tmp_path, matcher):
    clock, engine, speaker, recorder, controller = _round(tmp_path, matcher)
    said = len(speaker.said)
    ask(controller, recorder, f"{EXPLANATION} {MISHEARD}", pause=0.6)
    clock.advance(MID_EXPLANATION_WAIT_S)
    controller.on_silence(MID_EXPLANATION_WAIT_S + 0.6)
    controller.poll()
    assert len(speaker.said) > said


def test_a_question_matching_a_fact_mid_explanation_is_answered_at_once(tmp_path, matcher):
    clock, engine, speaker, recorder, controller = _round(tmp_path, matcher)
    ask(controller, recorder, f"{EXPLANATION} Can the list of sessions be empty?", pause=0.6)
    assert speaker.said[-1] == _fact("edge cases")
