"""Trial 34, D4: after "... That's it." and the acknowledgement "Okay.", the candidate talked
over the start of a scripted follow-up ("A courier forgets to... [cut off]") with "Sorry, and one
more point, I would drop orders where ...". The live transcriber (tiny.en) heard "Sorry" as
"Ah,", so the turn did not open by adding to the answer for `adds_to_answer` (whose leading
words allowed "sorry", "oh", "um", "uh" but not "ah", "er", "hmm"): the follow-up was never said
again and the addition was filed as answer 9 under the cut-off line.

Any hesitation or interjection may come before the words that add ("Ah, and one more point",
"Er, sorry, one more thing", "Hmm, oh, I forgot to mention"), both at once (0.4 s into the line)
and later (1.5 s in, as in the trial). Fake clock, speaker and transcriber."""
import pytest
from test_question_cut_off import said_in_full, talk
from test_resume_after_acknowledgement import METRIC, at_acknowledgement
from test_round_controller import step

from interviewer.core.conversation_cues import adds_to_answer
from interviewer.core.round_settings import ACK_GRACE_S, ControllerSettings
from interviewer.core.round_updates import AnswerFiled, LineCutOff

LEAD_IN = ControllerSettings().reask_lead_in
HEARD = ("Ah, and one more point, I would drop orders where my GPS location and my delivered tap this and "
         "read my more than five minutes, because my labels are noisy.")


@pytest.mark.parametrize("text", [
    HEARD,
    "Er, sorry, one more thing: the labels are noisy.",
    "Hmm, oh, I forgot to mention the cancelled orders.",
    "Ahh, and one more point about the labels.",
])
def test_an_addition_after_an_interjection_adds_to_the_answer(text):
    assert adds_to_answer(text)


@pytest.mark.parametrize("text", [
    "Ah, I would start with the courier's last position.",
    "Hmm, the courier forgets to tap, so I would use the GPS trace instead.",
])
def test_an_answer_after_an_interjection_is_no_addition(text):
    assert not adds_to_answer(text)


@pytest.mark.parametrize("cut_after", [0.4, 1.5])
def test_an_addition_heard_as_ah_over_a_follow_up_is_filed_before_and_the_follow_up_said_after(tmp_path, cut_after):
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    step(clock, speaker, controller, 1.5)  # "Okay." said
    step(clock, speaker, controller, ACK_GRACE_S + 0.1)
    assert speaker.busy and speaker.said[-1] == METRIC
    step(clock, speaker, controller, cut_after)
    assert speaker.busy and speaker.said[-1] == METRIC
    controller.on_voice()
    controller.poll()
    assert [u for u in updates if isinstance(u, LineCutOff)], "the follow-up is marked cut off"
    turn = controller.current_answer
    talk(controller, recorder, HEARD)
    controller.end_answer()
    controller.poll()
    said_in_full(clock, speaker, controller, METRIC)
    assert speaker.said[-2:] == [LEAD_IN, METRIC], "the follow-up is said in full after the addition"
    assert (turn.question_id, turn.follow_up_id) == ("feed", None), "the addition goes with the feed answer"
    assert [(u.answer, u.question_id, u.follow_up_id) for u in updates if isinstance(u, AnswerFiled)] == [
        (turn.index, "feed", None)]
    assert controller.current_answer.follow_up_id == "feed-metric", "what follows answers the follow-up"
