"""Trial 26, item 10: in the phone screen's coding part ("Tell me the approach, then code it in the
scratchpad"), the candidate gave the approach, typed the function in the scratchpad, talked it
through ("..., That's it.") and answered the follow-up; the interviewer then said "Okay. Go ahead
and write it in the scratchpad, talking me through it." with the code on screen. Keys pressed in the
scratchpad in the part are the code under way: the code counts as asked for from the first key, and
a request, if one is still due, asks to talk through the code that is there."""
from test_coding_part_dead_air import KEEP_WORKING, SCRIPT, answer_the_trace, silence_for
from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now, step

from interviewer.core.clock import FakeClock
from interviewer.core.engine import TRACE_EXAMPLE, RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_status import ControllerStatus

COMPLEXITY = "What's the time and space complexity of your solution?"
WALK_THROUGH = ControllerSettings().walk_through_code_text


def at_complexity_follow_up(tmp_path, approach, typed=True):
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    speaker, recorder = FakeSpeaker(clock, 0.0), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, run_in_background=run_now)
    controller.start()
    for said in ("Hi, I work on search ranking.", "Are the queries normalized already? That's all my questions.",
                 approach):
        while controller.status != ControllerStatus.LISTENING:
            step(clock, speaker, controller, 0.5)
        step(clock, speaker, controller, 5)
        if said is approach and typed:
            for _ in range(3):
                controller.on_typing()  # the function, typed while talking
                step(clock, speaker, controller, 1)
        recorder.speak(said)
        controller.end_answer()
        for _ in range(20):
            step(clock, speaker, controller, 0.5)
    assert engine.current_phase.id == "code" and speaker.said[-1] == COMPLEXITY
    return clock, engine, speaker, recorder, controller


def answer_complexity(clock, speaker, recorder, controller):
    controller.on_silence(0)
    recorder.speak("It is O of n log k time and O of n space for the counts. That's it.")
    silence_for(clock, speaker, controller, 6)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)


def test_code_typed_and_talked_through_is_not_asked_for_again(tmp_path):
    clock, engine, speaker, recorder, controller = at_complexity_follow_up(
        tmp_path, "I would count each query with a hash map and keep a heap of size k. In code: I define "
                  "the function, count with a counter, push into the heap and return the top k. That's it.")
    answer_complexity(clock, speaker, recorder, controller)
    assert KEEP_WORKING not in speaker.said and WALK_THROUGH not in speaker.said
    # Talked through in a few dozen words: one request to trace an example (engine.TRACE_EXAMPLE),
    # not a request for the code; its answer ends the part.
    assert speaker.said[-1] == TRACE_EXAMPLE.text
    answer_the_trace(clock, speaker, recorder, controller)
    assert engine.current_phase.id != "code", "the code was written and talked through: the part moves on"


def test_code_typed_but_not_talked_through_gets_a_request_to_talk_it_through(tmp_path):
    clock, engine, speaker, recorder, controller = at_complexity_follow_up(
        tmp_path, "I would count each query with a hash map and keep a heap of size k.")
    answer_complexity(clock, speaker, recorder, controller)
    assert speaker.said[-1] == WALK_THROUGH and KEEP_WORKING not in speaker.said


def test_without_typing_the_code_is_asked_for_as_before(tmp_path):
    clock, engine, speaker, recorder, controller = at_complexity_follow_up(
        tmp_path, "I would count each query with a hash map and keep a heap of size k.", typed=False)
    answer_complexity(clock, speaker, recorder, controller)
    assert speaker.said[-1] == KEEP_WORKING
