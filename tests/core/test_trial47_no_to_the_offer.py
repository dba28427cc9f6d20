"""Trial 47 defect 1: right after "Would a hint help, or shall we move on?" the candidate said
"No, let's wrap up." The interviewer said "Okay, thanks." and asked a follow-up on an answer never
given, and the reply counted as an answer (4 words, "Slow start: Took 39.8 s", first under "To
work on"). A reply that declines the hint and takes the move on ("No, let's move on.", "No, let's
wrap up.", "Let's skip it.", "Next question please.") now moves on as offered, as silence would,
with no acknowledgement and no follow-up, and is no answer: it is filed as a reply to a control
question (core.control_questions, the one place), so no word, length or latency counts it.
Driven with the fake clock (the trial 27 round) and a transcriber that times its words."""
from __future__ import annotations

import pytest

from interviewer.core.clock import FakeClock
from interviewer.core import control_questions
from interviewer.core.control_questions import is_control_reply, without_control_replies
from interviewer.core.echo_filter import PlayedLine
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerDropped, TranscriptReady
from interviewer.core.transcript import Segment, Transcript, Word

from test_control_question_replies import WordTranscriber
from test_round_controller import FakeRecorder, FakeSpeaker, run_now
from test_trial27_silence_after_nudge import NUDGE, OFFER, breadth_round, silent

SETTINGS = ControllerSettings(silence_nudge_after=12)
DECLINES = ("No, let's wrap up.", "No, let's move on.", "Let's skip it.", "Next question please.")


def _at_the_offer(tmp_path):
    clock = FakeClock(1000.0)
    engine = RoundEngine(breadth_round(), clock)
    speaker, recorder, updates = FakeSpeaker(clock), FakeRecorder(), []
    timed = type("Timed", (WordTranscriber,), {"clock": clock})
    controller = RoundController(engine, speaker, recorder, timed, tmp_path, on_update=updates.append,
                                 settings=SETTINGS, run_in_background=run_now)
    controller.start()
    for _ in range(20):
        clock.advance(0.25)
        speaker.tick()
        controller.poll()
        if controller.current_answer is not None:
            break
    asked = controller.current_answer
    assert asked.question_id == "norms"
    silent(clock, speaker, controller, 24)
    assert speaker.said[-1] == OFFER and asked.help_offered_at is not None
    return clock, speaker, recorder, controller, updates, asked


@pytest.mark.parametrize("reply", DECLINES)
def test_a_no_that_takes_the_move_on_moves_on_as_offered(tmp_path, reply):
    clock, speaker, recorder, controller, updates, asked = _at_the_offer(tmp_path)
    offered = len(speaker.said)
    clock.advance(0.5)
    controller.on_silence(0)
    recorder.speak(reply)
    silent(clock, speaker, controller, 3)  # a beat after the reply, well before silence would move on
    after = speaker.said[offered:]
    assert after == ["How would you initialize a deep network?"], after  # on as offered: no "Okay, thanks."
    assert "Why do transformers use layer norm?" not in speaker.said  # no follow-up on no answer
    assert asked.left_unanswered and asked.declined_offer
    # No answer: not filed with words, not counted (no word count, no slow start).
    assert asked.dropped and AnswerDropped(asked.index) in updates and not asked.counted
    assert not [u for u in updates if isinstance(u, TranscriptReady) and u.answer == asked.index]
    assert speaker.said.count(NUDGE) == 1


def test_an_answer_or_a_wait_after_the_offer_keeps_the_question(tmp_path):
    clock, speaker, recorder, controller, updates, asked = _at_the_offer(tmp_path)
    clock.advance(0.5)
    controller.on_silence(0)
    recorder.speak("No, give me a second.")
    silent(clock, speaker, controller, 3)
    assert controller.current_answer is asked and not asked.left_unanswered


def test_the_declining_replies_are_control_replies():
    words = [Word(w, 0.3 * i, 0.3 * i + 0.25) for i, w in enumerate("No, let's wrap up.".split())]
    transcript = Transcript([Segment("No, let's wrap up.", 0, 1.2, tuple(words))])
    assert without_control_replies(transcript, 100.0, [PlayedLine(OFFER, 97.0, 99.5)]).text == ""
    for reply in DECLINES + ("Pass.", "Let's wrap it up."):
        assert is_control_reply(reply) and control_questions.declines_offer(reply), reply
    for other in ("No, give me a second.", "Yes, a hint please.", "Sure, go ahead.", "No.",
                  "I'd skip the warmup and move on to a cosine schedule.", "Let's skip the bias terms in weight decay."):
        assert not control_questions.declines_offer(other), other
