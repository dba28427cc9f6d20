"""Trial 32 D5: after Pause and Resume on an answer already complete, "Welcome back. ... Go on when
you're ready." was followed 20 s later by "Remember to think out loud." to that complete answer.
Silence after the welcome back on an answer given before the pause is no thinking time: the
interviewer asks whether to move on ("Take your time. Shall I move on?") and, still silent, moves
on; no nudge to think aloud. An answer the candidate goes on with is the same answer as before.
Fake clock and fakes."""
from engine_scripts import design_round
from test_round_controller import make, step

from interviewer.core.round_settings import ControllerSettings

SETTINGS = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=12)
NUDGE = SETTINGS.nudge_text
CHECK_IN = SETTINGS.check_in_text
GO_ON = SETTINGS.go_on_after_pause_text
ANSWER = "I'd rank the posts with a gradient-boosted model on engagement, trained on last week's clicks."


def _resumed_after(tmp_path, said):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=design_round(),
                                                                 speech_seconds=2.0, settings=SETTINGS)
    controller.start()
    clock.set(1000 + 300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller)
    step(clock, speaker, controller, 110)
    if said:
        controller.on_silence(0)
        recorder.speak(said)
    controller.on_silence(2)
    controller.poll()
    controller.pause()
    clock.advance(20)
    controller.resume()
    while controller.current_answer is None:
        step(clock, speaker, controller)
    return clock, speaker, controller


def _silent_for(clock, speaker, controller, seconds):
    for t in range(1, int(seconds * 2) + 1):
        controller.on_silence(t / 2)
        step(clock, speaker, controller, 0.5)


def test_silence_after_going_on_with_a_complete_answer_asks_to_move_on_then_moves_on(tmp_path):
    clock, speaker, controller = _resumed_after(tmp_path, ANSWER)
    assert speaker.said[-1].endswith(GO_ON)
    first = len(speaker.said)
    _silent_for(clock, speaker, controller, 20)
    said = speaker.said[first:]
    # "Take your time. Shall I move on?", then, still silent, the next ask: no nudge before it.
    assert said[:1] == [CHECK_IN] and len(said) >= 2 and NUDGE not in said[:2], said
    assert said[1] == "Which metric would you optimize?"  # the feed question's follow-up: moved on


def test_a_question_not_answered_before_the_pause_still_gets_the_nudge(tmp_path):
    clock, speaker, controller = _resumed_after(tmp_path, "")
    first = len(speaker.said)
    _silent_for(clock, speaker, controller, 14)
    assert NUDGE in speaker.said[first:]
