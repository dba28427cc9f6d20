"""Trial 38 item 4: in "Summary and your questions", "What does a typical week look like for your
team?" heard as "Well done a typical week look like for your team." got "Sorry, I didn't catch
that" twice, though its words are about one of the interviewer's answers; and "No, that's all.
Thank you for your time." got no reply for 30 s, while "No questions from me, thanks." closed the
round at once. Words the round's matcher ties to an answer are answered on the candidate's floor
whatever their opening; a goodbye or a trailing thanks of any usual wording closes the round."""
import pytest

from interviewer.core.candidate_questions import FLOOR_BACK
from interviewer.core.conversation_cues import declines_to_ask
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.transcript import SpeechRegion
from interviewer.core.unheard_questions import UNHEARD_QUESTION_WAIT_S

from test_round_controller import step
from test_round_turns import ask
from test_trial32_interviewer_answers import _answer, at_wrap_up

SAY_AGAIN = ControllerSettings().unclear_text


@pytest.mark.parametrize("said", [
    "No, that's all. Thank you for your time.", "That's all, thank you so much for your time.",
    "Thanks for your time, that's all from me.", "Thank you for your time.",
    "I think that covers everything I wanted to ask. Thanks for having me.", "Nope, I'm good. Thanks for the chat.",
    "That answers all my questions, thank you.", "Great, that's all I wanted to know. Have a nice day!",
    "It was great talking to you.", "I appreciate your time. No more questions.",
])
def test_the_usual_ways_of_closing_ones_questions(said):
    assert declines_to_ask(said)


@pytest.mark.parametrize("said", ["Thanks.", "Thanks for having me.", "Thanks for the hint, so I'd use a heap.",
                                  "Thank you. What does the team work on?", "Thanks for explaining. How big is the team?"])
def test_a_thanks_that_closes_nothing(said):
    assert not declines_to_ask(said)


def _rising(controller, clock):
    transcriber = controller._transcribers[controller.current_answer.index]
    transcriber.live_speech = [SpeechRegion(0.0, max(1.0, clock.now() - transcriber.origin), final_rise=3.9)]


def test_a_misheard_opening_of_a_known_question_is_answered_then_thanks_closes(tmp_path):
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path)
    _rising(controller, clock)
    before = len(speaker.said)
    ask(controller, recorder, "Well done a typical week look like for your team.", pause=2.0)
    clock.advance(UNHEARD_QUESTION_WAIT_S - 2.0)
    controller.on_silence(UNHEARD_QUESTION_WAIT_S)
    controller.poll()
    new = speaker.said[before:]
    assert SAY_AGAIN not in new, new
    assert new and new[-1].startswith(_answer("what a typical day").reply) and new[-1].endswith(FLOOR_BACK), new
    for _ in range(40):  # the floor is theirs again
        step(clock, speaker, controller, 0.5)
        if controller.current_answer is not None and controller.status == "listening":
            break
    controller.on_silence(0)
    recorder.speak("No, that's all. Thank you for your time.")
    controller.on_silence(9)
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == controller.settings.early_closing_text, speaker.said[-3:]


def test_no_thats_all_thank_you_for_your_time_closes_the_round(tmp_path):
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path)
    controller.on_silence(0)
    recorder.speak("No, that's all. Thank you for your time.")
    controller.on_silence(9)
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == controller.settings.early_closing_text, speaker.said[-3:]


def test_an_unknown_misheard_question_is_still_asked_again(tmp_path):
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path)
    _rising(controller, clock)
    before = len(speaker.said)
    ask(controller, recorder, "Well done the purple elephant dance tomorrow.", pause=2.0)
    clock.advance(UNHEARD_QUESTION_WAIT_S - 2.0)
    controller.on_silence(UNHEARD_QUESTION_WAIT_S)
    controller.poll()
    assert speaker.said[before:] == [SAY_AGAIN]
