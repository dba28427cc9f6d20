"""Trial 34, D3: at the end the candidate asked "How does your team decide when a model is ready
to ship?"; the interviewer began its answer, whose last words hand the floor back ("... Anything
else you'd like to ask?"), and the candidate's "That's it." 14 s after the question cut it off.
The interviewer then said nothing for ~50 s ("Listening: take your time to think..."), until the
candidate pressed N: a bare "That's it." after an answered question keeps the floor theirs,
listening, because the reply asked "Anything else you'd like to ask?", but that part of the reply
was never heard.

Now a reply on the candidate's floor cut off before its hand-back is followed by the hand-back
itself ("Anything else you'd like to ask?"); "No, that's all." then closes the round. Fake clock,
speaker (each line takes 6 s) and transcriber."""
from engine_scripts import design_round
from interviewer.app.interviewer_answers import round_answers
from interviewer.core.candidate_questions import FLOOR_BACK
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.interviewer_answers import InterviewerAnswers
from interviewer.core.matching import Matcher
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings

from test_round_controller import FakeRecorder, FakeSpeaker, run_now, step
from test_round_turns import SegmentTranscriber, ask

SHIP = "How does your team decide when a model is ready to ship?"
SETTINGS = ControllerSettings(silence_ends_answer_after=8)


def _reply_being_said(tmp_path):
    script = design_round()
    clock = FakeClock(1000.0)
    engine = RoundEngine(script, clock)
    speaker, recorder = FakeSpeaker(clock, 6.0), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, SegmentTranscriber.timed(clock), tmp_path,
                                 settings=SETTINGS, run_in_background=run_now,
                                 interviewer_answers=InterviewerAnswers(round_answers(script), Matcher()))
    controller.start()
    clock.set(1000 + 55 * 60 + 5)
    for _ in range(400):
        if controller.current_answer is not None and controller.current_answer.phase == "wrap":
            break
        step(clock, speaker, controller, 0.5)
    assert controller.current_answer is not None and controller.current_answer.phase == "wrap"
    ask(controller, recorder, SHIP)
    step(clock, speaker, controller, 0.5)
    for _ in range(20):
        if speaker.busy and speaker.said[-1].endswith(FLOOR_BACK):
            break
        step(clock, speaker, controller, 0.5)
    assert speaker.busy and speaker.said[-1].endswith(FLOOR_BACK), speaker.said[-2:]
    step(clock, speaker, controller, 3.0)  # well into the answer, before its last sentence
    assert speaker.busy
    return clock, engine, speaker, recorder, controller


def _thats_it_over_the_reply(clock, speaker, recorder, controller):
    said_before = len(speaker.said)
    controller.on_voice()
    controller.poll()
    assert not speaker.busy, "the interviewer stops"
    controller.on_silence(0)
    recorder.speak("That's it.")
    for seconds in (3, 6, 9):
        clock.advance(3)
        controller.on_silence(seconds)
        controller.poll()
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
    return speaker.said[said_before:]


def test_thats_it_over_the_answer_to_the_candidates_question_gets_anything_else(tmp_path):
    clock, engine, speaker, recorder, controller = _reply_being_said(tmp_path)
    after = _thats_it_over_the_reply(clock, speaker, recorder, controller)
    assert after and after[0] in FLOOR_BACK, f"no dead air: the floor is handed back, said {after}"
    assert not engine.is_over and not controller.finished
    assert controller.current_answer is not None and controller.status == "listening"
    # "No, that's all from me, thanks." to it closes the round.
    controller.on_silence(0)
    recorder.speak("No, that's all from me, thanks.")
    controller.on_silence(9)
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == SETTINGS.early_closing_text


def test_an_answer_heard_to_its_end_is_not_followed_by_a_second_anything_else(tmp_path):
    """The hand-back was heard (the reply said in full): "That's it." after it only listens."""
    clock, engine, speaker, recorder, controller = _reply_being_said(tmp_path)
    step(clock, speaker, controller, 4.0)
    assert not speaker.busy
    n = len(speaker.said)
    controller.on_silence(0)
    recorder.speak("That's it.")
    for seconds in (3, 6, 9):
        clock.advance(3)
        controller.on_silence(seconds)
        controller.poll()
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[n:] == [] and not engine.is_over


def test_the_interviewers_answers_are_two_sentences_at_most():
    """A real interviewer answers in two or three sentences; the trial's answer to "How does your
    team decide ...?" ran four sentences (64 words) and was cut off by "That's it." 14 s in."""
    import re

    from interviewer.app.interviewer_answers import bundled_answers
    for answer in bundled_answers():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", answer.reply.strip()) if s]
        assert len(sentences) <= 2 and len(answer.reply.split()) <= 40, answer.reply
