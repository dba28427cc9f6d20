"""Trial 25 items 1 and 12 (the ML system design round's crash loop). The candidate cut the
problem off with a clarifying question; its reply (which went on "Let me finish the question:
...") was talked over with "That's all my questions."; the interviewer then read the whole
problem again, and Space on the silent answer after it raised IndexError in
_reply_before_finishing (`words[-1]` of no words) about ten times a second for 40 s: the
finish deadline was never cleared, so every poll tried again. Dead air until N."""
from test_question_cut_off import talk
from test_question_finished_after_a_late_cut import FINISH
from test_round_controller import step
from test_round_turns import FakeAnswerer, at_feed_question, make

from interviewer.core.round_updates import Problem
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

ADS = {s.id: s for s in discover_scripts(bundled_scripts_dir(), user_dir=bundled_scripts_dir() / "no-such-folder").scripts}[
    "ml_system_design_ads_ctr"]


def settle(clock, speaker, controller, seconds=10.0):
    for _ in range(int(seconds / 0.5)):
        step(clock, speaker, controller, 0.5)


def test_space_on_an_answer_with_no_words_finishes_it_without_raising(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    answer = controller.current_answer
    step(clock, speaker, controller, 3)
    controller.end_answer()  # nothing said (a muted microphone, or a candidate done already)
    settle(clock, speaker, controller, 3)
    assert answer.ended_at is not None and controller.current_answer is not answer
    assert not [u for u in updates if isinstance(u, Problem)]


def test_a_failure_while_finishing_an_answer_is_reported_once_and_the_round_goes_on(tmp_path, monkeypatch):
    """Whatever goes wrong there, the poll's deadline must not call it again every 100 ms."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    calls = []

    def broken():
        calls.append(clock.now())
        raise IndexError("list index out of range")

    monkeypatch.setattr(controller, "_reply_before_finishing", broken)
    answer = controller.current_answer
    talk(controller, recorder, "I would optimize the click through rate with a ranking model.")
    controller.end_answer()
    settle(clock, speaker, controller, 20)  # past the transcript timeout
    assert len(calls) == 1
    assert [u for u in updates if isinstance(u, Problem)], "said, not hidden"
    assert answer.ended_at is not None and controller.current_answer is not answer
    assert len(speaker.said) > 0 and controller.status.name != "FINISHED"


def ads_problem_cut_late(tmp_path):
    """The bundled ads round (its Requirements part asks no follow-up), the problem cut 2 s in."""
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=ADS, speech_seconds=6, answerer=FakeAnswerer())
    controller.start()
    clock.set(1000 + 2 * 60 + 1)  # past the introduction
    controller.poll()
    speaker.stop()
    controller.poll()
    problem = ADS.question("design_ctr").text
    for _ in range(40):
        if speaker.busy and speaker.said[-1] == problem:
            break
        step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == problem and speaker.busy
    step(clock, speaker, controller, 2)
    controller.on_voice()
    controller.poll()
    return clock, engine, speaker, recorder, controller, updates, problem


def test_thats_all_my_questions_over_the_reply_ends_the_clarifying_part(tmp_path):
    clock, engine, speaker, recorder, controller, updates, problem = ads_problem_cut_late(tmp_path)
    talk(controller, recorder, "How many requests per second, and what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    assert speaker.busy and speaker.said[-1].endswith(f"{FINISH} {problem}")
    controller.on_voice()  # talked over, inside the reply
    talk(controller, recorder, "That's all my questions.")
    for quiet in range(1, 12):  # the candidate waits for the interviewer to go on
        controller.on_silence(quiet)
        step(clock, speaker, controller, 1.0)
        if engine.current_phase.id != "requirements":
            break
    settle(clock, speaker, controller, 5)
    assert engine.current_phase.id == "design", "the hand-back ends the clarifying part"
    assert FINISH not in speaker.said, "the problem is not read again"
    assert speaker.said.count(problem) == 1
    assert not [u for u in updates if isinstance(u, Problem)]


def test_anything_else_over_the_reply_still_gets_the_question_finished(tmp_path):
    """Not a hand-back ("Okay."): the question was never heard in full, so it is finished after
    the turn, as before (test_question_finished_after_a_late_cut)."""
    clock, engine, speaker, recorder, controller, updates, problem = ads_problem_cut_late(tmp_path)
    talk(controller, recorder, "What is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    controller.on_voice()
    talk(controller, recorder, "Okay.")
    controller.end_answer()
    settle(clock, speaker, controller, 15)
    assert FINISH in speaker.said and speaker.said.count(problem) == 2
    assert engine.current_phase.id == "requirements"


def test_silence_after_the_question_read_again_is_no_answer_scored_as_no_speech(tmp_path):
    """The question read again after the candidate's turn about it (cut late: that turn stays
    filed under it) asks nothing new: Space in silence after it ends no answer of its own, as
    after a repeat (AnswerRecord.adds_nothing); it was scored "No speech was heard in this
    answer (8.9 s). Check the microphone" for the app's own re-reading."""
    clock, engine, speaker, recorder, controller, updates, problem = ads_problem_cut_late(tmp_path)
    talk(controller, recorder, "What is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    controller.on_voice()
    talk(controller, recorder, "Okay.")
    controller.end_answer()
    for _ in range(40):
        step(clock, speaker, controller, 0.5)
        if controller.current_answer is not None and speaker.said.count(problem) == 2:
            break
    silent = controller.current_answer
    assert silent is not None and silent.question_id == "design_ctr"
    for quiet in range(1, 9):
        controller.on_silence(quiet)
        step(clock, speaker, controller, 1.0)
    controller.end_answer()
    settle(clock, speaker, controller, 3)
    assert silent.dropped, "no words after the app's own re-reading: not an answer"
    kept = [a for a in controller.answers if a.question_id == "design_ctr" and not a.dropped]
    assert kept and all(a.transcript is not None and a.transcript.text.strip() for a in kept)
    assert not [u for u in updates if isinstance(u, Problem)]
