"""Trial 43 defect 8 (last bullet): after a long silence the interviewer asked "Would a hint help,
or shall we move on to the next question?", got no reply, and moved on to a new part: the question
was the last of its part. The offer now says what silence will do, as the move itself does: the
next question when the part has another, else the next part; the status line's count down says
the same. Driven with the fake clock (the trial 27 round: two questions in "Training", then
"Attention")."""
from interviewer.core.round_settings import ControllerSettings

from test_round_controller import step
from test_trial27_silence_after_nudge import NUDGE, make, silent

SETTINGS = ControllerSettings(silence_nudge_after=12)


def _on_the_last_question_of_the_part(tmp_path):
    clock, speaker, recorder, controller, updates = make(tmp_path, SETTINGS)
    controller.on_silence(0)
    recorder.speak("Batch norm normalizes over the batch, layer norm over the features of one example, "
                   "so layer norm works with any batch size and with variable length sequences.")
    controller.end_answer()
    for _ in range(60):
        step(clock, speaker, controller, 0.5)
        answer = controller.current_answer
        if answer is not None and answer.question_id == "init" and not speaker.busy:
            break
        if answer is not None and answer.question_id == "norms" and answer.follow_up_id and not speaker.busy:
            controller.on_silence(0)
            recorder.speak("Because it does not depend on the batch, which suits sequences of any length.")
            controller.end_answer()
    assert controller.current_answer.question_id == "init", speaker.said[-3:]
    return clock, speaker, recorder, controller


def test_the_offer_on_the_last_question_of_a_part_says_the_next_part(tmp_path):
    clock, speaker, recorder, controller = _on_the_last_question_of_the_part(tmp_path)
    asked = controller.current_answer
    silent(clock, speaker, controller, 24)
    assert speaker.said[-1] == SETTINGS.offer_help_next_part_text, speaker.said[-3:]
    assert "next part" in SETTINGS.offer_help_next_part_text
    assert "Moving on to the next part in" in controller.status_line, controller.status_line
    offered = len(speaker.said)
    silent(clock, speaker, controller, 10, start=24)
    assert asked.left_unanswered
    after = speaker.said[offered:]
    assert after[:2] == ["Now attention.", "What does attention compute?"], after  # the next part, as it said


def test_the_offer_with_another_question_in_the_part_says_the_next_question(tmp_path):
    clock, speaker, recorder, controller, updates = make(tmp_path, SETTINGS)
    silent(clock, speaker, controller, 24)
    assert speaker.said[-1] == SETTINGS.offer_help_text
    assert "next question" in SETTINGS.offer_help_text
    assert "Moving on to the next question in" in controller.status_line
    assert speaker.said.count(NUDGE) == 1
