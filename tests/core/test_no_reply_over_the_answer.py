"""Trial 13: in the NaN-loss follow-up the candidate said "So, um, the first thing I want to check is
the learning rate.", went on explaining, paused 3 s to think, and the interviewer said the setup
fact ("It's a transformer-style model trained with Adam...") into the pause, 7 s after that
sentence. Two faults: the candidate's plan was taken for a question ("want to check"), and a
reply was decided for words said long before the pause, whose later words were not transcribed
yet. A plan is never a question; a reply never comes long after the question it answers."""
import pytest
from test_round_turns import FakeAnswerer, SegmentTranscriber, at_feed_question, ask
from test_trailing_question import _words

from interviewer.core.clarifying_turns import MAX_REPLY_DELAY_S
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.trailing_questions import stated_question, trailing_questions

LATENCY_FACT = "Assume a 200 millisecond budget."


@pytest.mark.parametrize("said", [
    "So, um, the first thing I want to check is the learning rate.",
    "The first thing I would check is the latency budget.",
    "I'm going to check the gradient norms first.",
    "We're going to need the latency budget here.",
    "I'd start with the learning rate.",
    "Let me look at the latency first.",
])
def test_the_candidates_own_plan_is_never_a_question(said):
    words = _words(f"Okay. {said}")
    assert trailing_questions(words) == [], said
    assert stated_question(words) is None, said


@pytest.mark.parametrize("said", [
    "I want to check whether the labels are delayed.",
    "The thing I want to clarify is whether we have labels.",
    "What is the learning rate?",
])
def test_questions_near_a_plan_still_ask(said):
    assert trailing_questions(_words(said)) == [said]


def test_a_question_the_candidate_went_on_from_gets_no_reply_in_a_later_pause(tmp_path):
    """The question's words are transcribed, the words said after it are not yet: the pause that
    follows them is not a wait for the reply."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    said = list(speaker.said)
    controller.on_silence(0)
    controller.poll()
    recorder.speak("What is the latency budget? Hmm.")  # Whisper's words for the question
    for _ in range(12):  # and the candidate goes on for 6 s, not transcribed yet
        clock.advance(0.5)
        controller.on_silence(0)
        controller.poll()
    clock.advance(0.6)
    controller.on_silence(0.6)  # a thinking pause
    controller.poll()
    assert speaker.said == said and answerer.asked == []
    recorder.speak("If it is tight I would use a small model.")  # the transcript catches up
    controller.on_silence(1.2)
    controller.poll()
    assert speaker.said == said and answerer.asked == []


def test_a_reply_decided_long_after_the_question_is_dropped(tmp_path, monkeypatch):
    """The question's words reach the round late (the transcriber lagging under load): its reply
    now would land in the middle of whatever the candidate does next, so it is not said."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, answerer=answerer, settings=ControllerSettings(silence_ends_answer_after=30))
    lag = MAX_REPLY_DELAY_S + 2.0  # the words end 1 s into the recording
    monkeypatch.setattr(SegmentTranscriber, "lag", lag)
    controller.on_silence(0)
    controller.poll()
    clock.advance(lag)
    controller.on_silence(lag)  # silence all along: nothing transcribed yet, nothing to answer
    recorder.speak("What is the latency budget?")
    controller.on_silence(lag + 0.1)
    controller.poll()
    assert LATENCY_FACT not in speaker.said and answerer.asked == []
    assert controller.current_answer.clarifications == []


def test_a_question_answered_in_time_still_gets_its_reply(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "What is the latency budget?")
    assert speaker.said[-1] == LATENCY_FACT
