"""Trial 27: after "Remember to think out loud." the candidate stayed silent and the interviewer
said nothing more for 55 s. Now, silent on for as long again (silence_nudge_after), it offers a
hint or to move on, shows the wait on the status line, and then moves on to the next question
(not a follow-up of the one never answered). Driven with the fake clock."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerDropped
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now

NUDGE = "Remember to think out loud."
OFFER = ControllerSettings().offer_help_text


def breadth_round() -> RoundScript:
    phases = (Phase("training", "Training deep networks", 12, "Let's start with training deep networks."),
              Phase("attention", "Attention and transformers", 12, "Now attention."))
    questions = (
        Question("norms", "Compare batch normalization and layer normalization.", "training", follow_ups=(
            FollowUp("norms-why", "Why do transformers use layer norm?"),)),
        Question("init", "How would you initialize a deep network?", "training"),
        Question("attn", "What does attention compute?", "attention"),
    )
    return RoundScript("breadth-test", "Breadth", "ml_breadth", 30, phases, questions)


def make(tmp_path, settings):
    clock = FakeClock(1000.0)
    engine = RoundEngine(breadth_round(), clock)
    speaker, recorder, updates = FakeSpeaker(clock), FakeRecorder(), []
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, on_update=updates.append,
                                 settings=settings, run_in_background=run_now)
    controller.start()
    for _ in range(20):
        clock.advance(0.25)
        speaker.tick()
        controller.poll()
        if controller.current_answer is not None:
            break
    assert controller.current_answer.question_id == "norms"
    return clock, speaker, recorder, controller, updates


def silent(clock, speaker, controller, seconds, start=0):
    """The candidate says nothing for `seconds` more (the silence tracker's count goes on from `start`)."""
    for s in range(start + 1, start + seconds + 1):
        clock.advance(1)
        controller.on_silence(s)
        speaker.tick()
        controller.poll()


def test_silence_after_the_nudge_gets_an_offer_of_help_then_the_next_question(tmp_path):
    settings = ControllerSettings(silence_nudge_after=12)
    clock, speaker, recorder, controller, updates = make(tmp_path, settings)
    asked = controller.current_answer
    silent(clock, speaker, controller, 12)
    assert speaker.said[-1] == NUDGE
    silent(clock, speaker, controller, 11, start=12)
    assert speaker.said[-1] == NUDGE  # not yet: the nudge gets as long as it waited for
    silent(clock, speaker, controller, 1, start=23)
    assert speaker.said[-1] == OFFER and asked.help_offered_at is not None
    assert controller.current_answer is asked  # the candidate may still answer or ask for a hint
    silent(clock, speaker, controller, 3, start=24)
    assert "Moving on to the next question in 5 s" in controller.status_line
    silent(clock, speaker, controller, 5, start=27)
    # Moved on: the next question, not the follow-up built on the answer never given.
    assert asked.ended_by == "silence" and asked.left_unanswered
    assert speaker.said[-1] == "How would you initialize a deep network?"
    assert "Why do transformers use layer norm?" not in speaker.said
    assert speaker.said[-2] == OFFER  # no "Okay, thanks." for an answer never given
    assert not asked.dropped and AnswerDropped(asked.index) not in updates  # kept: asked, not answered
    assert speaker.said.count(NUDGE) == 1 and speaker.said.count(OFFER) == 1


def test_talking_after_the_offer_keeps_the_question(tmp_path):
    settings = ControllerSettings(silence_nudge_after=12)
    clock, speaker, recorder, controller, updates = make(tmp_path, settings)
    asked = controller.current_answer
    silent(clock, speaker, controller, 24)
    assert speaker.said[-1] == OFFER
    controller.on_silence(0)
    recorder.speak("batch norm normalizes over the batch")
    silent(clock, speaker, controller, 6)
    assert controller.current_answer is asked and not asked.left_unanswered


def test_no_offer_without_the_nudge_setting(tmp_path):
    clock, speaker, recorder, controller, updates = make(tmp_path, ControllerSettings(silence_nudge_after=None))
    silent(clock, speaker, controller, 90)
    assert OFFER not in speaker.said and controller.current_answer.question_id == "norms"
