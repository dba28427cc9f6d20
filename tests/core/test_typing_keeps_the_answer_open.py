"""Typing in the scratchpad is the candidate working (trial13, a coding round: the status line
counted down "Moving on in 4 s" while they typed code): no silence ends the answer, and nothing
counts down, while they type; the silence that ends it counts from the last key."""
from interviewer.core.round_settings import ControllerSettings

from test_round_turns import at_feed_question


def test_typing_holds_off_the_silence_end_and_its_countdown(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8))
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("I'll use a heap of size k and write it now")
    for tenth in range(5, 300, 5):  # 30 s of silence on the microphone, typing all along
        controller.on_silence(tenth / 10)
        controller.on_typing()
        controller.poll()
        assert "Moving on" not in controller.status_line, tenth / 10
    assert answer.ended_by is None and controller.status == "listening"
    # Typing stops at 29.5 s of silence: the end of the answer counts from there.
    controller.on_silence(34.0)
    controller.poll()
    assert "Moving on in 4 s" in controller.status_line and answer.ended_by is None
    controller.on_silence(37.6)
    controller.poll()
    assert answer.ended_by == "silence"


def test_typing_before_any_word_still_ends_nothing_and_keeps_the_nudge(tmp_path):
    # Silence with typing and no word yet is thinking time as before; the nudge still comes.
    settings = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=5)
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, settings=settings)
    for seconds in (2, 4, 6):
        controller.on_typing()
        controller.on_silence(seconds)
    controller.poll()
    assert speaker.said.count("Remember to think out loud.") == 1
    assert controller.current_answer is not None and controller.current_answer.ended_by is None
