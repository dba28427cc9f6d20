"""Trial 45 defect 7: "Remember to think out loud." came 8-10 s after a new question was asked,
before the candidate had said a word (round 2 "The fix", round 3 a follow-up): it read as impatience.
The Settings' nudge time (12 s by default) is for a silence mid-answer; before the first word the
candidate is thinking about the question just asked, and an interviewer waits longer there. Now
the nudge comes no sooner than START_NUDGE_MIN_S after a question before the first word; mid-answer
the setting's time still holds. The controller with a fake clock, speaker and recorder."""
from engine_scripts import design_round
from test_round_controller import make, step

from interviewer.core.round_settings import START_NUDGE_MIN_S, ControllerSettings

# As the app sets it (gui.main_window): Settings' 12 s, and START_NUDGE_MIN_S before the first word.
SETTINGS = ControllerSettings(silence_ends_answer_after=0, silence_nudge_after=12, start_nudge_after=START_NUDGE_MIN_S)
NUDGE = SETTINGS.nudge_text


def _on_the_feed_question(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=design_round(),
                                                                 speech_seconds=2.0, settings=SETTINGS)
    controller.start()
    clock.set(1000 + 300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller)
    while speaker.busy:
        step(clock, speaker, controller)
    return clock, speaker, recorder, controller


def _silence(clock, controller, seconds, start=0):
    for s in range(start + 1, start + int(seconds) + 1):
        clock.advance(1)
        controller.on_silence(s)
        controller.poll()


def test_no_nudge_twelve_seconds_after_a_new_question_before_the_first_word(tmp_path):
    clock, speaker, recorder, controller = _on_the_feed_question(tmp_path)
    said = len(speaker.said)
    _silence(clock, controller, 15)  # past the 12 s mid-answer setting: still thinking about the question
    assert NUDGE not in speaker.said[said:]
    _silence(clock, controller, START_NUDGE_MIN_S - 15 + 1, start=15)
    assert speaker.said[said:] == [NUDGE]


def test_mid_answer_the_settings_nudge_time_holds(tmp_path):
    clock, speaker, recorder, controller = _on_the_feed_question(tmp_path)
    controller.on_silence(0)
    recorder.speak("I'd rank the posts by predicted engagement")
    said = len(speaker.said)
    clock.advance(12.5)
    controller.on_silence(12.5)
    controller.poll()
    assert speaker.said[said:] == [NUDGE]
