"""Trial 32 (D9): the candidate's own question at the end, "How does your team decide when a
model is ready to ship?", got "Good question, and a good one to ask in your real interviews.
Anything else you'd like to ask?", which answers nothing; and the "That's it." after the question
closed the round at once, over that "Anything else you'd like to ask?", so N or End round, as the
banner offered, could not be used. The interviewer now answers the common kinds of end-of-round
questions briefly (assets/interviewer_answers.toml, which a script may override, matched with the
round's matcher), the canned reply only for the others; a bare "That's it." after a question of
the candidate's ends that question, not the round."""
from dataclasses import replace

import pytest

from engine_scripts import design_round
from interviewer.app.interviewer_answers import bundled_answers, round_answers
from interviewer.core.candidate_questions import DEFAULT_REPLIES, FLOOR_BACK
from interviewer.core.clock import FakeClock
from interviewer.core.conversation_cues import only_hands_back
from interviewer.core.engine import RoundEngine
from interviewer.core.interviewer_answers import InterviewerAnswer, InterviewerAnswers
from interviewer.core.matching import Matcher
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.loader import ScriptError, parse_script

from test_round_controller import FakeRecorder, FakeSpeaker, run_now, step
from test_round_turns import SegmentTranscriber, ask

SHIP = "How does your team decide when a model is ready to ship?"


def at_wrap_up(tmp_path, script=None, settings=ControllerSettings()):
    script = script or design_round()
    clock = FakeClock(1000.0)
    engine = RoundEngine(script, clock)
    speaker, recorder = FakeSpeaker(clock), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, SegmentTranscriber.timed(clock), tmp_path,
                                 settings=settings, run_in_background=run_now,
                                 interviewer_answers=InterviewerAnswers(round_answers(script), Matcher()))
    controller.start()
    clock.set(1000 + 55 * 60 + 5)
    while controller.current_answer is None or controller.current_answer.phase != "wrap":
        step(clock, speaker, controller, 0.5)
    return clock, engine, speaker, recorder, controller


def _answer(name_start: str) -> InterviewerAnswer:
    return next(a for a in bundled_answers() if a.name.startswith(name_start))


@pytest.mark.parametrize("question, name_start", [
    (SHIP, "how the team decides"),
    ("What does a typical week look like for you?", "what a typical day"),
    ("How do you measure success in this role?", "how success is measured"),
    ("What do you enjoy most about the work?", "what the interviewer likes"),
    ("What are the next steps in the process?", "the next steps"),
])
def test_the_common_end_of_round_questions_get_a_short_real_answer(tmp_path, question, name_start):
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path)
    ask(controller, recorder, question)
    said = speaker.said[-1]
    assert said not in DEFAULT_REPLIES, said
    assert said.startswith(_answer(name_start).reply) and said.endswith(FLOOR_BACK), said
    assert len(said.split()) <= 80  # brief, as a real interviewer's


def test_a_question_that_matches_none_gets_the_canned_reply(tmp_path):
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path)
    ask(controller, recorder, "What's the weather like over there today?")
    assert speaker.said[-1] in DEFAULT_REPLIES


def test_a_script_overrides_an_answer_by_its_name_and_adds_its_own():
    text = '''
id = "tiny"
title = "Tiny"
kind = "ml_system_design"
minutes = 45

[[phases]]
id = "design"
name = "Design"
minutes = 40
prompt = "Let's design it."

[[phases]]
id = "wrap"
name = "Your questions"
minutes = 5
prompt = "What questions do you have for me?"

[[questions]]
id = "q"
phase = "design"
text = "Design a feed."

[[interviewer_answers]]
name = "how the team decides a model is ready to ship"
keywords = ["ship"]
reply = "We ship on Tuesdays after the fraud review."

[[interviewer_answers]]
name = "the on-call"
keywords = ["on-call", "pager"]
reply = "One week in eight, mostly quiet."
'''
    script = parse_script(text)
    answers = InterviewerAnswers(round_answers(script))
    assert answers.answer(SHIP).reply == "We ship on Tuesdays after the fraud review."
    assert answers.answer("How often are you on the pager?").reply == "One week in eight, mostly quiet."
    assert answers.answer("What does a typical week look like?") == _answer("what a typical day")
    with pytest.raises(ScriptError, match=r"interviewer_answers: table \[0\]: reply: must be a non-empty text"):
        parse_script(text.replace('reply = "We ship on Tuesdays after the fraud review."', 'reply = ""'))


@pytest.mark.parametrize("paused", [True, False])
def test_thats_it_after_a_question_ends_the_question_not_the_round(tmp_path, paused):
    """`paused`: the reply came in the pause after the question, then "That's it." (the trial);
    else "That's it." followed at once, and the reply comes at the turn's end."""
    settings = ControllerSettings(silence_ends_answer_after=8)
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path, settings=settings)
    if paused:
        ask(controller, recorder, f"I have one question. {SHIP}")
        step(clock, speaker, controller, 0.5)
        controller.on_silence(0)
        recorder.speak("That's it.")
    else:
        controller.on_silence(0)
        recorder.speak(f"I have one question. {SHIP} That's it.")
    controller.on_silence(9)
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert speaker.said[-1].startswith(_answer("how the team decides").reply)
    assert not engine.is_over and not controller.finished, speaker.said[-3:]
    assert settings.early_closing_text not in speaker.said
    # "No, that's all, thanks." to "Anything else you'd like to ask?" closes it.
    for _ in range(40):  # the floor is still theirs: listening again
        if controller.current_answer is not None:
            break
        step(clock, speaker, controller, 0.5)
    assert controller.current_answer is not None and controller.status == "listening"
    controller.on_silence(0)
    recorder.speak("No, that's all from me, thanks.")
    controller.on_silence(9)
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == settings.early_closing_text


@pytest.mark.parametrize("said, bare", [
    ("How do you ship? That's it.", True), ("So that's all. Thanks.", True),
    ("That's all from me.", False), ("No more questions.", False), ("That's it?", False),
])
def test_a_bare_hand_back_is_told_from_no_more_questions(said, bare):
    assert only_hands_back(said) is bare
