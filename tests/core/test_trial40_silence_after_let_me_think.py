"""Trial 40: the candidate said "Hmm, let me think." and stayed silent. The interviewer said
"Remember to think out loud." and then nothing for 43 s: no offer of a hint, no move on, because
words had been heard (only an opener and a request for time, which end no answer). Words that
answer nothing do not stop the silence ladder: the offer of help and the move on still come."""
from test_trial27_silence_after_nudge import NUDGE, OFFER, make, silent

from interviewer.core.round_settings import ControllerSettings


def test_silence_after_let_me_think_and_the_nudge_gets_the_offer_then_moves_on(tmp_path):
    clock, speaker, recorder, controller, updates = make(tmp_path, ControllerSettings(silence_nudge_after=12))
    asked = controller.current_answer
    controller.on_silence(0)
    recorder.speak("Hmm, let me think.")
    silent(clock, speaker, controller, 12)
    assert speaker.said[-1] == NUDGE
    silent(clock, speaker, controller, 14, start=12)
    assert OFFER in speaker.said and asked.help_offered_at is not None
    assert controller.current_answer is asked
    silent(clock, speaker, controller, 10, start=26)
    assert asked.ended_by == "silence" and asked.left_unanswered
    # The next question, not the follow-up built on an answer never given.
    assert "How would you initialize a deep network?" in speaker.said
    assert "Why do transformers use layer norm?" not in speaker.said


def test_an_answer_begun_before_the_silence_gets_no_offer_of_help(tmp_path):
    clock, speaker, recorder, controller, updates = make(tmp_path, ControllerSettings(silence_nudge_after=12))
    asked = controller.current_answer
    controller.on_silence(0)
    recorder.speak("Batch norm normalizes over the batch and layer norm over the features")
    silent(clock, speaker, controller, 20)
    # Silence ends the answer begun (and the follow-up comes): no offer, nor "left unanswered".
    assert asked.ended_by == "silence" and asked.help_offered_at is None and not asked.left_unanswered
