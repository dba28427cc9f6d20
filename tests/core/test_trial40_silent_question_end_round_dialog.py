"""Trial 40: the story question met silence, a nudge came, and the candidate ended the round with
Ctrl+E then E. The End round question pauses the round, which ends the answer under way as
"paused"; its empty transcript came back while the question was on screen, and an empty stretch
ended by a pause was dropped at once, before the confirmed End round said how it ended. The
question vanished from the review (Per answer showed only the intro, no "No speech was heard",
and Talking points said none of the script's questions was asked). Driven with the fake clock."""
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerDropped, TranscriptReady

from test_round_controller import _at_feed_question, step


def _silent_with_a_nudge(tmp_path):
    settings = ControllerSettings(silence_nudge_after=12)
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path, settings=settings)
    asked = controller.current_answer
    for seconds in range(1, 21):
        clock.advance(1)
        controller.on_silence(seconds)
        speaker.tick()
        controller.poll()
    assert "Remember to think out loud." in speaker.said and controller.current_answer is asked
    return clock, speaker, controller, updates, asked


def test_a_silent_question_ended_through_the_end_round_question_is_kept(tmp_path):
    clock, speaker, controller, updates, asked = _silent_with_a_nudge(tmp_path)
    controller.question_opened()  # Ctrl+E: "End the round now?"
    for _ in range(8):  # reading it; the empty transcript comes back meanwhile
        step(clock, speaker, controller, 0.5)
    controller.question_closed(round_goes_on=False)
    controller.stop()  # E: confirmed
    step(clock, speaker, controller)
    assert asked.ended_by == "stopped"
    assert not asked.dropped and AnswerDropped(asked.index) not in updates
    assert asked.index in [u.answer for u in updates if isinstance(u, TranscriptReady)]


def test_keep_going_after_the_end_round_question_keeps_one_answer(tmp_path):
    clock, speaker, controller, updates, asked = _silent_with_a_nudge(tmp_path)
    controller.question_opened()
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    controller.question_closed(round_goes_on=True)  # Keep going: the answer goes on in a new stretch
    step(clock, speaker, controller)
    # The empty stretch before the pause adds nothing to the answer that goes on: dropped, as before.
    assert asked.dropped and AnswerDropped(asked.index) in updates
    assert controller.current_answer is not asked and controller.current_answer.question_id == "feed"
