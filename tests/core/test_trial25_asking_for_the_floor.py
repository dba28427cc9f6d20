"""Trial 25, item 6: "Sorry, can I jump in? I have a quick question about that." said to a
follow-up was taken as its answer: no reply, the silence ended it, the interviewer moved on, and
the review counted "Sorry, can I jump in?" as a clarifying question. A request for the floor is
no answer and asks nothing yet: "Sure, go ahead.", and the candidate's question is waited for."""
import pytest
from test_round_turns import at_feed_question, design_round

from interviewer.core.analysis.questions import analyze_clarifying
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import INVITATION, asks_to_ask
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import ClarifyingAnswered
from interviewer.core.transcript import Word

JUMP_IN = "Sorry, can I jump in? I have a quick question about that."


@pytest.mark.parametrize("said", [JUMP_IN, "Sorry, can I jump in?", "Can I interrupt you for a second?",
                                  "Sorry to interrupt, I have a question."])
def test_asking_for_the_floor_is_a_request_to_ask(said):
    assert asks_to_ask(said)


@pytest.mark.parametrize("said", ["Can I jump in with the latency?", "I would jump in and fix it myself."])
def test_jumping_in_with_something_asks_or_tells_it(said):
    assert not asks_to_ask(said)


def test_the_interviewer_gives_the_floor_and_waits_for_the_question(tmp_path):
    script = design_round()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8),
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak(JUMP_IN)
    controller.on_silence(1)
    controller.poll()
    assert speaker.said[-1] == INVITATION
    assert answer.clarifications == [] and not [u for u in updates if isinstance(u, ClarifyingAnswered)]
    assert controller.current_answer is answer and answer.ended_by is None, "the floor is theirs: no moving on"


def test_the_review_does_not_count_the_request_as_a_clarifying_question():
    words = [Word(w, i * 0.3, i * 0.3 + 0.25) for i, w in enumerate(JUMP_IN.split())]
    assert analyze_clarifying(split_utterances(tokenize(words))).questions == []


def test_asking_for_the_floor_in_answer_to_a_follow_up_gets_it_too(tmp_path):
    """As in the trial: said to a follow-up, not to the main question."""
    from test_resume_after_acknowledgement import METRIC
    from test_round_controller import step

    script = design_round()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8),
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    step(clock, speaker, controller, 2)
    controller.on_silence(0)
    recorder.speak("I would rank posts by engagement.")
    for seconds in (2, 5, 8):
        clock.advance(3)
        controller.on_silence(seconds)
        controller.poll()
    while controller.current_answer is None or controller.current_answer.follow_up_id is None:
        step(clock, speaker, controller, 0.5)
    answer = controller.current_answer
    assert answer.question_text == METRIC
    controller.on_silence(0)
    recorder.speak(JUMP_IN)
    controller.on_silence(1)
    controller.poll()
    assert speaker.said[-1] == INVITATION
    assert controller.current_answer is answer and answer.ended_by is None
