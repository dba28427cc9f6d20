"""Trial 33 defect 6: to "Which test cases would you write for this function?" the candidate said
"Honestly I'm pretty confident the code works, so I'd rather skip the tests. I'm done." and got
"Okay, thanks." and the next follow-up; the review said nothing of it. A real interviewer
insists once ("I'd still like to see ... trace it through your code"), in any round and for any
question declined ("I'd rather skip", "let's not", "can we skip that"), and the review notes the
decline. Core engine with a fake clock; the finding from analyze_answer."""
import pytest

from interviewer.core.analysis.report import DECLINED_KIND, analyze_answer, declines
from interviewer.core.clock import FakeClock
from interviewer.core.engine import INSIST_ID, AskQuestion, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir
from tests.core.analysis.speech import spoken

DECLINE = "Honestly I'm pretty confident the code works, so I'd rather skip the tests. I'm done."
WORK = ("I sort the sessions by start time, then walk through them and merge each one into the last merged "
        "session when it overlaps, otherwise I append it as a new session. That's it.")


def _asked_on(script_file: str, phase_id: str):
    """An engine in `phase_id`, its question just asked, and the events of that ask."""
    script = load_script(bundled_scripts_dir() / script_file, bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    events = engine.start()
    for _ in range(200):
        asks = [e for e in events if isinstance(e, AskQuestion)]
        if engine.current_phase.id == phase_id and asks and not asks[-1].follow_up_id:
            return engine, clock, asks[-1]
        clock.advance(30)
        events = engine.answer_finished(WORK)
        engine.code_typed()
    pytest.fail(f"never reached {phase_id}")


def _next_asks(engine, clock, said):
    clock.advance(20)
    return [e for e in engine.answer_finished(said) if isinstance(e, AskQuestion)]


def test_declining_the_test_question_gets_one_insistence_then_the_round_goes_on():
    engine, clock, asked = _asked_on("coding_intervals.toml", "test")
    assert asked.question_id == "test_cases"
    [insist] = _next_asks(engine, clock, DECLINE)
    assert insist.follow_up_id == INSIST_ID and insist.question_id == "test_cases"
    assert insist.text.startswith("I'd still like to see it") and "trace" in insist.text
    # Declined again: no second insistence; the round goes on with its own lines.
    after = _next_asks(engine, clock, "I'd rather skip it, really.")
    assert all(a.follow_up_id != INSIST_ID for a in after)


def test_declining_a_breadth_question_gets_the_default_insistence():
    engine, clock, asked = _asked_on("ml_breadth_applied.toml", "training")
    [insist] = _next_asks(engine, clock, "Can we skip that one? Let's move on.")
    assert insist.follow_up_id == INSIST_ID and insist.text.startswith("I'd still like to hear your take")


def test_the_review_notes_the_decline():
    question = "Which test cases would you write for this function? Name each one and what it checks."
    analysis = analyze_answer(spoken(DECLINE), question_text=question, round_kind="coding")
    [f] = [f for f in analysis.findings if f.kind == DECLINED_KIND]
    assert f.message == f"You declined this one: {question}"


@pytest.mark.parametrize("said", ["I'd rather skip the tests.", "Let's not go into that.", "Can we skip that?",
                                  "I'd prefer not to answer that one."])
def test_declines_are_recognised(said):
    assert declines(said)


@pytest.mark.parametrize("said", ["I'd rather not sort twice, so I merge in one pass.",
                                  "I would test the empty list, one session, and two that touch.",
                                  "Let's say the list fits in memory."])
def test_answers_are_not_declines(said):
    assert not declines(said)


def test_the_insistence_is_said_without_thanks_for_the_decline(tmp_path):
    """Through the controller with its fakes: "Okay, thanks. I'd still like..." thanks for a no."""
    import sys
    from dataclasses import replace
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from engine_scripts import design_round
    from test_round_controller import step
    from test_round_turns import at_feed_question

    from interviewer.core.engine import INSIST
    from interviewer.core.round_settings import ACKNOWLEDGEMENTS

    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=replace(design_round(), kind="ml_breadth"), speech_seconds=3)
    recorder.speak("I would ask about the latency and the ctr")
    controller.on_silence(0)
    step(clock, speaker, controller)
    controller.on_silence(9)
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
        if controller.current_answer is not None and speaker.said and "How many users" in speaker.said[-1]:
            break
    said_before = len(speaker.said)
    controller.on_silence(0)
    recorder.speak("Can we skip that one? I'd rather move on.")
    step(clock, speaker, controller)
    controller.on_silence(9)
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
        if INSIST["default"].text in speaker.said[-1]:
            break
    new = speaker.said[said_before:]
    assert new and new[-1] == INSIST["default"].text
    assert not any(s in ACKNOWLEDGEMENTS for s in new), new
