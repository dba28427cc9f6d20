"""The status line counts down the last seconds before silence ends an answer, so the quiet
never ends an answer without warning (a trial: 8 s of silence with no sign felt like dead air)."""
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_status import ControllerStatus, status_text
from interviewer.core.round_updates import StatusChanged

from test_round_turns import at_feed_question


def texts(updates):
    return [u.text for u in updates if isinstance(u, StatusChanged)]


def quiet_for(controller, seconds):
    controller.on_silence(seconds)
    controller.poll()
    return controller.status_line


def test_the_last_seconds_of_silence_are_counted_down_and_talking_again_clears_it(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8))
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("I would start with the candidate generation and a light ranker")
    assert "Moving on" not in quiet_for(controller, 0.5)
    assert "Moving on" not in quiet_for(controller, 3.5)  # a thinking pause: no pressure yet
    assert "Moving on in 4 s" in quiet_for(controller, 4.0)
    assert "Moving on in 2 s" in quiet_for(controller, 6.2)
    assert "Space" in controller.status_line
    # The candidate goes on: the countdown is gone, and starts again only after a new silence.
    controller.on_silence(0)
    controller.poll()
    assert "Moving on" not in controller.status_line
    assert "Moving on" not in quiet_for(controller, 2.0)
    assert "Moving on in 3 s" in quiet_for(controller, 5.0)
    assert answer.ended_by is None
    quiet_for(controller, 8.1)
    assert answer.ended_by == "silence"
    shown = texts(updates)
    assert any("Moving on in 4 s" in t for t in shown) and any("Moving on in 2 s" in t for t in shown)


def test_after_a_hand_back_the_countdown_says_the_short_wait(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8))
    controller.on_silence(0)
    recorder.speak("A two tower model, then a ranker. That's my approach.")
    assert "Moving on in 2 s" in quiet_for(controller, 1.0)


def test_no_countdown_while_silence_cannot_end_the_answer(tmp_path):
    # Switched off in Settings: silence never ends the answer, so nothing counts down.
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=None))
    controller.on_silence(0)
    recorder.speak("I would start with the candidate generation")
    assert "Moving on" not in quiet_for(controller, 30)
    # Before the first word silence is thinking time: no countdown either.
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path / "b", speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8))
    assert "Moving on" not in quiet_for(controller, 7.0)
    assert controller.status == ControllerStatus.LISTENING


def test_status_text_rounds_the_seconds_up():
    line = status_text(ControllerStatus.LISTENING, heard_speech=True, goes_on_in=2.2)
    assert "Moving on in 3 s" in line
    assert "Moving on" not in status_text(ControllerStatus.LISTENING, heard_speech=False, goes_on_in=2.2)


def test_talking_before_the_first_word_is_transcribed_is_not_called_thinking_time(tmp_path):
    """Trial10, a human voice talking fast in a room with some noise: the live transcript cuts a
    chunk only at a pause, so 21 s passed before its first word, and all that time the status line
    said "take your time to think, then answer out loud" to someone talking."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, speech_seconds=2, settings=ControllerSettings(silence_ends_answer_after=8))
    assert "take your time to think" in controller.status_line
    controller.on_silence(0)  # the voice is heard; no word transcribed yet
    controller.poll()
    line = controller.status_line
    assert "take your time" not in line and "answer out loud" not in line
    assert "Space" in line and "just pause" not in line  # silence cannot end it before a word
    assert texts(updates)[-1] == line
    assert controller.talking_before_words  # the live transcript says so where the words will come
    assert "take your time" not in quiet_for(controller, 1.0)  # between two words
    # A cough (no word ever comes) turns back into thinking time.
    assert "take your time to think" in quiet_for(controller, 3.0)
    assert controller.current_answer.ended_by is None and not controller.talking_before_words
    controller.on_silence(0)
    recorder.speak("I would rank by watch time")  # the first words: no longer before them
    controller.poll()
    assert not controller.talking_before_words and "just pause" in controller.status_line
