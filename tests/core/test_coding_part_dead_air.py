"""Trial15 item 3: in a phone screen's solve part, "What's the time and space complexity of your
solution?" answered "It is O of n log k time and O of n space for the counts. That's it." met 40 s
of dead air. The answer did end, but the part is held until the code is talked through
(engine._still_working) and nothing was said: the round sat waiting for a voice, and the next
words were filed as more of the same answer with the 40 s gap in it counted as no pause.
Now the interviewer asks once to go on with the code and listens; the answer to that moves on.
Fake clock and fakes; no typing in the scratchpad."""
from interviewer.core.analysis.summary import PAUSE_BEFORE_KEY, Part, summarize
from interviewer.core.clock import FakeClock
from interviewer.core.engine import TRACE_EXAMPLE, RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_records import AnswerRecord, EndedBy
from interviewer.core.round_settings import BARGE_IN_PREROLL_SECONDS, ControllerSettings
from interviewer.core.round_status import ControllerStatus
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.transcript import Segment, Transcript, Word
from interviewer.resources import bundled_scripts_dir

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now, step

SCRIPT = next(s for s in discover_scripts(bundled_scripts_dir(), user_dir=bundled_scripts_dir() / "none").scripts
              if s.id == "phone_screen_top_k_and_fundamentals")
COMPLEXITY = "What's the time and space complexity of your solution?"
KEEP_WORKING = ControllerSettings().keep_working_text


def at_complexity_follow_up(tmp_path, on_update=None):
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    speaker, recorder = FakeSpeaker(clock, 0.0), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, run_in_background=run_now,
                                 on_update=on_update)
    controller.start()
    for said in ("Hi, I work on search ranking.", "Are the queries normalized already? That's all my questions.",
                 "I would count each query with a hash map and keep a heap of size k."):
        while controller.status != ControllerStatus.LISTENING:
            step(clock, speaker, controller, 0.5)
        step(clock, speaker, controller, 5)
        recorder.speak(said)
        controller.end_answer()
        for _ in range(20):
            step(clock, speaker, controller, 0.5)
    assert engine.current_phase.id == "code" and speaker.said[-1] == COMPLEXITY
    assert controller.status == ControllerStatus.LISTENING
    return clock, engine, speaker, recorder, controller


def silence_for(clock, speaker, controller, seconds, start=0.0):
    """The candidate is quiet: the silence tracker reports every 0.5 s, from `start` s of silence."""
    quiet = start
    while quiet < seconds:
        clock.advance(0.5)
        quiet += 0.5
        controller.on_silence(quiet)
        speaker.tick()
        controller.poll()


def test_a_finished_complexity_answer_ends_after_the_short_wait_and_the_interviewer_goes_on(tmp_path):
    clock, engine, speaker, recorder, controller = at_complexity_follow_up(tmp_path)
    controller.on_silence(0)
    recorder.speak("It is O of n log k time and O of n space for the counts. That's it.")
    silence_for(clock, speaker, controller, 2.5)
    assert controller.current_answer is not None, "not before the usual short wait"
    silence_for(clock, speaker, controller, 3.5, start=2.5)
    [answered] = [a for a in controller.answers if a.follow_up_id == "complexity"]
    assert answered.ended_by == "silence"
    # No dead air: the interviewer asks to go on with the code at once, and listens.
    assert speaker.said[-1] == KEEP_WORKING
    assert controller.status == ControllerStatus.LISTENING and controller.current_answer.question_id is None
    # Its answer ends the part (asked once, not held again).
    controller.on_silence(0)
    recorder.speak("I would write the counting loop, then push each count into the heap. That's it.")
    silence_for(clock, speaker, controller, 3.5)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    # The code talked through in a dozen words with most of the part left: one request to trace an
    # example through it (engine.TRACE_EXAMPLE, trials 33-34), whose answer ends the part.
    assert speaker.said[-1] == TRACE_EXAMPLE.text and engine.current_phase.id == "code"
    answer_the_trace(clock, speaker, recorder, controller)
    assert engine.current_phase.id != "code", "the part moves on after the answer to the trace"
    assert speaker.said.count(KEEP_WORKING) == 1 and speaker.said.count(TRACE_EXAMPLE.text) == 1


def answer_the_trace(clock, speaker, recorder, controller):
    while controller.status != ControllerStatus.LISTENING:
        step(clock, speaker, controller, 0.5)
    controller.on_silence(0)
    recorder.speak("With one to three and two to six it returns one to six. That's it.")
    silence_for(clock, speaker, controller, 3.5)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)


def test_a_long_silence_without_typing_ends_the_answer_at_the_usual_limit(tmp_path):
    clock, engine, speaker, recorder, controller = at_complexity_follow_up(tmp_path)
    limit = controller.settings.silence_ends_answer_after
    controller.on_silence(0)
    recorder.speak("It is O of n log k time and O of n space for the counts.")
    silence_for(clock, speaker, controller, limit - 0.5)
    assert controller.current_answer is not None and controller.current_answer.follow_up_id == "complexity"
    silence_for(clock, speaker, controller, limit + 0.5, start=limit - 0.5)
    [answered] = [a for a in controller.answers if a.follow_up_id == "complexity"]
    assert answered.ended_by == "silence"
    assert speaker.said[-1] == KEEP_WORKING, "the interviewer speaks, no dead air"


def test_a_40_s_silence_inside_one_answer_is_a_long_pause_in_the_review():
    """Talking while the interviewer waits adds to the last answer (continue_answer: a
    continuation with no interviewer line before it): the 40 s before it are a silence inside
    that one answer, counted as a long pause, as they are when it resumes over "Okay, thanks."."""
    first = AnswerRecord(4, "top_k_queries", "complexity", COMPLEXITY, "code", 86.7, 90.1, None)
    first.ended_at, first.ended_by = 104.3, EndedBy.SILENCE
    second = AnswerRecord(5, "top_k_queries", "complexity", COMPLEXITY, "code", 86.7, 141.8, None,
                          continuation=True, after_interviewer=False)
    second.ended_at, second.ended_by = 159.4, EndedBy.SILENCE
    first.transcript = Transcript([Segment("That's it.", 6.0, 7.0, (Word("That's", 6.0, 6.5), Word("it.", 6.5, 7.0)))])
    second.transcript = Transcript([Segment("More", 0.0, 0.2, (Word("More", 0.0, 0.2),))])
    assert second.goes_on_after_silence
    gap = second.pause_before(first, BARGE_IN_PREROLL_SECONDS)
    assert gap is not None and abs(gap - (141.8 - 97.1)) < 1e-6
    # A continuation after the interviewer said the question again is a new start, not a pause.
    again = AnswerRecord(5, "top_k_queries", "complexity", COMPLEXITY, "code", 86.7, 141.8, None,
                         continuation=True, after_interviewer=True)
    again.transcript = second.transcript
    assert again.pause_before(first, BARGE_IN_PREROLL_SECONDS) is None
    parts = [Part(r.index, r.question_id, r.follow_up_id, r.question_text, r.asked_at, r.started_at, r.ended_at,
                  {"words": [{"text": "x", "start": 0.5, "end": 1.0}],
                   **({PAUSE_BEFORE_KEY: gap} if r is second else {})})
             for r in (first, second)]
    numbers = summarize(parts)
    assert [a.part_ids for a in numbers.answers] == [[4, 5]]
    assert numbers.answers[0].long_pauses == 1 and numbers.long_pauses == 1


def test_the_round_is_told_the_answer_after_the_request_answers_the_request(tmp_path):
    """Trial 26 item 7: the round stored the talk-through after "Go ahead and write it..." under
    the follow-up before it (the controller filed it under the request), and the review joined
    the two answers into one row: 00:21 for a 10 s answer. The round hears of the request as a
    turn of its own (CandidateTurn), as it does of "What questions do you have for me?"."""
    from interviewer.core.round_updates import CandidateTurn

    updates = []
    clock, engine, speaker, recorder, controller = at_complexity_follow_up(tmp_path, updates.append)
    controller.on_silence(0)
    recorder.speak("It is O of n log k time and O of n space for the counts. That's it.")
    silence_for(clock, speaker, controller, 6.0)
    assert speaker.said[-1] == KEEP_WORKING
    assert [u.text for u in updates if isinstance(u, CandidateTurn)] == [KEEP_WORKING]
    assert controller.current_answer.question_text == KEEP_WORKING
