"""Resuming after a break (trial17): P cut the check-in "Take your time. Shall I move on?" to
"Take it.", and after 65 s away the next words were "Remember to think out loud." The interviewer
now says where the round stands in one line, then the question the candidate was answering (the
check-in is stale), and the silence that earns a nudge counts from the end of those lines."""
from engine_scripts import design_round
from test_round_controller import make, step

from interviewer.core.round_settings import ControllerSettings, REORIENT_AFTER_PAUSE_S
from interviewer.core.round_records import UtteranceKind

SETTINGS = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=12)
QUESTION = "Design a news feed ranking system."
WELCOME = "Welcome back. We were on the requirements; you have about eight minutes left for it."


def _answering(tmp_path):
    """The feed question (Requirements, 5-15 min), answered for a while, then silent."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=design_round(),
                                                                 speech_seconds=2.0, settings=SETTINGS)
    controller.start()
    clock.set(1000 + 300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller)
    step(clock, speaker, controller, 110)  # thinking, then talking
    controller.on_silence(0)
    recorder.speak("I'd rank the posts by predicted engagement and")
    return clock, engine, speaker, recorder, controller


def test_a_break_that_cut_the_check_in_short_gets_a_welcome_back_and_the_question(tmp_path):
    clock, engine, speaker, recorder, controller = _answering(tmp_path)
    controller.on_silence(8.5)  # sounds unfinished: the check-in first
    controller.poll()
    assert speaker.said[-1] == SETTINGS.check_in_text and speaker.busy
    clock.advance(0.5)
    controller.pause()  # "Take it."
    clock.advance(65)
    controller.poll()
    controller.resume()
    said = []
    while controller.current_answer is None:
        said.append(speaker.said[-1])
        step(clock, speaker, controller)
    assert list(dict.fromkeys(said)) == [WELCOME, QUESTION]
    assert controller.utterances[-1].kind == UtteranceKind.REPEAT  # "Again:" in the review
    assert controller.current_answer.continuation  # the same answer goes on
    # No nudge in the first seconds back: the silence counts from the end of the question.
    for seconds in (2, 6, 11):
        controller.on_silence(seconds)
        controller.poll()
    assert speaker.said[-1] == QUESTION
    controller.on_silence(12.5)
    controller.poll()
    assert speaker.said[-1] == SETTINGS.nudge_text


def test_a_break_mid_question_gets_the_welcome_then_the_question_in_full(tmp_path):
    clock, engine, speaker, recorder, controller = _answering(tmp_path)
    controller.end_answer()
    while speaker.said[-1] != "Which metric would you optimize?":
        step(clock, speaker, controller)
    controller.pause()  # the follow-up is cut off
    clock.advance(REORIENT_AFTER_PAUSE_S)
    controller.resume()
    assert speaker.said[-1].startswith("Welcome back. We were on the requirements")
    step(clock, speaker, controller, 2)
    assert speaker.said[-1] == "Which metric would you optimize?"


def test_a_slip_of_the_key_gets_no_welcome_back(tmp_path):
    clock, engine, speaker, recorder, controller = _answering(tmp_path)
    controller.pause()
    clock.advance(2)
    controller.resume()
    step(clock, speaker, controller)
    assert not any(s.startswith("Welcome back") for s in speaker.said)
    assert controller.current_answer is not None


def test_a_break_before_the_follow_up_is_answered_gets_the_welcome_then_the_follow_up(tmp_path):
    """Trial 27: the follow-up was said in full and the candidate paused before answering it;
    after 30 s "Welcome back..." was said, but the follow-up only stayed on screen."""
    clock, engine, speaker, recorder, controller = _answering(tmp_path)
    controller.end_answer()
    follow_up = "Which metric would you optimize?"
    while not (speaker.said[-1] == follow_up and controller.current_answer is not None):
        step(clock, speaker, controller)
    controller.pause()  # listening, nothing said yet
    clock.advance(30)
    controller.resume()
    assert speaker.said[-1].startswith("Welcome back. We were on the requirements")
    step(clock, speaker, controller, 6)
    assert speaker.said[-1] == follow_up
    assert controller.utterances[-1].kind == UtteranceKind.REPEAT
    assert sum(s.startswith("Welcome back") for s in speaker.said) == 1
