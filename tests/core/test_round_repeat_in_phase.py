"""Repeat question (R) says what the interviewer last asked in this part. A new-user trial
pressed R in a part that had only a prompt ("Let's wrap up. Do you have questions for me?")
and heard the previous part's follow-up again."""
from engine_scripts import design_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.model import Phase, RoundScript

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now, step


def make(tmp_path, script):
    clock = FakeClock(1000.0)
    engine = RoundEngine(script, clock)
    speaker, recorder = FakeSpeaker(clock), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, run_in_background=run_now)
    return clock, engine, speaker, recorder, controller


def at_wrap_up(tmp_path, script=None):
    clock, engine, speaker, recorder, controller = make(tmp_path, script or design_round())
    controller.start()
    clock.set(1000 + 55 * 60 + 5)  # the wrap-up phase, on plan
    step(clock, speaker, controller)
    assert engine.current_phase.id == "wrap" and controller.current_answer is not None
    return clock, engine, speaker, recorder, controller


def test_repeat_in_a_part_with_only_a_prompt_says_the_prompt(tmp_path):
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path)
    answer = controller.current_answer
    recorder.speak("what does the team")
    step(clock, speaker, controller, 2)
    assert controller.repeat_question()
    step(clock, speaker, controller)
    assert speaker.said[-1] == "Let's wrap up. Do you have questions for me?"
    repeat = controller.utterances[-1]
    assert repeat.kind == UtteranceKind.REPEAT and repeat.question_id is None
    # The answer goes on as the same one (the prompt's), after the prompt is said again.
    again = controller.current_answer
    assert again.continuation and again.question_id is None and again.question_text == answer.question_text


def test_repeat_after_a_question_of_this_part_still_says_that_question(tmp_path):
    clock, engine, speaker, recorder, controller = make(tmp_path, design_round())
    controller.start()
    clock.set(1300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller, 0.5)
    assert controller.repeat_question()
    step(clock, speaker, controller)
    assert speaker.said[-1] == "Design a news feed ranking system."


def test_repeat_says_so_when_the_part_has_nothing_to_say_again(tmp_path):
    script = design_round()
    phases = script.phases[:-1] + (Phase("wrap", "Wrap-up", 5, " "),)
    script = RoundScript(script.id, script.title, script.kind, script.minutes, phases, script.questions)
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path, script)
    assert controller.repeat_question()
    step(clock, speaker, controller)
    assert speaker.said[-1] == ControllerSettings().nothing_to_repeat_text


def test_a_repeated_prompt_states_the_time_as_it_is_then():
    """A prompt made true when the phase began early ("about five minutes left": the wrap-up keeps
    its planned length and the round ends with it) is said again with the time left at the moment
    of the repeat."""
    clock = FakeClock(0.0)
    script = design_round()
    phases = script.phases[:-1] + (Phase("wrap", "Wrap-up", 5, "We have a few minutes left. Questions for me?"),)
    engine = RoundEngine(RoundScript(script.id, script.title, script.kind, 60, phases, script.questions), clock)
    engine.start()
    for _ in range(4):
        clock.advance(8 * 60)
        engine.next_phase()
    assert engine.current_phase.id == "wrap"
    assert "about five minutes for this part" in engine.prompt_now()  # the round ends early: not "left"
    clock.advance(2 * 60 + 10)
    assert "about two minutes for this part" in engine.prompt_now()
