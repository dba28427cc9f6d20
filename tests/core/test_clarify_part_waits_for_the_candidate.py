"""A part for clarifying questions waits for the candidate (trial13, a coding round: "Can a
session have its end before its start, or can the list be empty?", heard as a statement, got no
reply, "Moving on in 1 s", and the round left the part the interviewer had just said to "take a
few minutes" in). Once nothing more is planned in it, silence alone does not end the candidate's
turn there: a hand-back ("That's all my questions."), Space, N or its time does."""
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript

from test_round_controller import make, step


def coding_round() -> RoundScript:
    phases = (
        Phase("clarify", "Clarify", 5, "Take a few minutes to ask me anything about the problem.",
              expects_clarifying=True),
        Phase("approach", "Approach", 10, "Tell me your approach."),
        Phase("code", "Code", 30, "Go ahead and code it up."),
    )
    questions = (Question("merge", "Merge overlapping sessions into one list.", "clarify", follow_ups=(
        FollowUp("complexity", "What's the complexity of that?"),)),)  # its follow-ups wait for the approach
    return RoundScript("coding-test", "Sessions", "coding", 45, phases, questions)


def at_the_question(tmp_path, nudge_after=None):
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=coding_round(), speech_seconds=1.0,
        settings=ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=nudge_after))
    controller.start()
    while controller.current_answer is None:
        step(clock, speaker, controller)
    assert controller.current_answer.question_id == "merge" and engine.phase_agenda_done
    return clock, engine, speaker, recorder, controller


def say(controller, recorder, text):
    controller.on_silence(0)
    recorder.speak(text)
    controller.poll()


def test_silence_after_a_question_heard_as_a_statement_does_not_leave_the_part(tmp_path):
    clock, engine, speaker, recorder, controller = at_the_question(tmp_path, nudge_after=5)
    answer = controller.current_answer
    say(controller, recorder, "Can a session have its end before its start, or can the list be empty.")
    for tenth in range(1, 200):  # 20 s of silence: twice what ends an answer elsewhere
        clock.advance(0.1)
        speaker.tick()
        controller.on_silence(tenth / 10)
        controller.poll()
        assert "Moving on" not in controller.status_line
    assert answer.ended_by is None and engine.current_phase.id == "clarify"
    assert "just pause" not in controller.status_line and "Space" in controller.status_line
    assert "Remember to think out loud." not in speaker.said  # thinking of the next question is no work to voice


def test_a_hand_back_ends_the_turn_and_the_part_moves_on(tmp_path):
    clock, engine, speaker, recorder, controller = at_the_question(tmp_path)
    answer = controller.current_answer
    say(controller, recorder, "Can the list be empty. Okay, that's all my questions.")
    for tenth in range(1, 40):
        clock.advance(0.1)
        speaker.tick()
        controller.on_silence(tenth / 10)
        controller.poll()
    assert answer.ended_by == "silence"
    for _ in range(20):
        step(clock, speaker, controller)
    assert engine.current_phase.id == "approach"


def test_space_ends_the_turn_and_the_part_moves_on(tmp_path):
    clock, engine, speaker, recorder, controller = at_the_question(tmp_path)
    say(controller, recorder, "Can the list be empty.")
    controller.end_answer()
    for _ in range(20):
        step(clock, speaker, controller)
    assert engine.current_phase.id == "approach"
