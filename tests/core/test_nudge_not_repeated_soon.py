""""Remember to think out loud." is not said twice on one question within a minute.

Trial 21 (coding, a follow-up): a nudge at 2:43, a pause, "Welcome back. ..." at 2:47, and the same
nudge again at 3:04.7, 12 s after listening resumed: each was due by the 12 s setting, together
they nag. The welcome back restarts the silence count; a second nudge on the same question waits
until NUDGE_REPEAT_MIN_S have passed on the round clock since the first."""
from engine_scripts import design_round
from test_round_controller import make, step

from interviewer.core.round_settings import NUDGE_REPEAT_MIN_S, ControllerSettings

SETTINGS = ControllerSettings(silence_ends_answer_after=0, silence_nudge_after=12)
NUDGE = SETTINGS.nudge_text


def _nudged_on_the_feed_question(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=design_round(),
                                                                 speech_seconds=2.0, settings=SETTINGS)
    controller.start()
    clock.set(1000 + 300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller)
    controller.on_silence(0)
    recorder.speak("I'd rank the posts by predicted engagement")
    clock.advance(12.5)
    controller.on_silence(12.5)
    controller.poll()
    assert speaker.said[-1] == NUDGE
    step(clock, speaker, controller, 2.5)  # the nudge is said
    return clock, engine, speaker, recorder, controller


def _silence(clock, controller, seconds):
    for s in range(1, int(seconds) + 1):
        clock.advance(1)
        controller.on_silence(s)
        controller.poll()


def test_no_second_nudge_right_after_a_welcome_back(tmp_path):
    clock, engine, speaker, recorder, controller = _nudged_on_the_feed_question(tmp_path)
    nudged_at = controller.current_answer.nudges[-1]
    controller.pause()
    clock.advance(65)
    controller.poll()
    controller.resume()
    assert speaker.said[-1].startswith("Welcome back.")
    while controller.current_answer is None or speaker.busy:
        step(clock, speaker, controller)
    assert controller.current_answer.continuation
    said = len(speaker.said)
    _silence(clock, controller, 14)  # past the 12 s setting, well within a minute of the nudge
    assert NUDGE not in speaker.said[said:]
    # A minute after the first nudge on the round clock, a long silence earns another one.
    clock.advance(NUDGE_REPEAT_MIN_S)
    controller.on_silence(14 + NUDGE_REPEAT_MIN_S)  # the same silence goes on
    controller.poll()
    assert controller._now() - nudged_at >= NUDGE_REPEAT_MIN_S
    assert speaker.said[said:] == [NUDGE]


def test_no_second_nudge_after_a_few_words_on_the_same_question(tmp_path):
    clock, engine, speaker, recorder, controller = _nudged_on_the_feed_question(tmp_path)
    said = len(speaker.said)
    controller.on_silence(0)
    recorder.speak("and the freshness")
    _silence(clock, controller, 14)
    assert NUDGE not in speaker.said[said:]
