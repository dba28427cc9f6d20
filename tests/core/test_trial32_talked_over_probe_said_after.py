"""Trial 32, D2: a probe talked over at its start by the candidate, who was adding to the answer
they had just given ("That's it.", then 7.5 s later "Sorry, and one more point, I would drop
orders where the GPS and the tap disagree..."), was never said again, and the addition was filed
as the answer to "Go deeper on the data: where... [cut off]".

One rule for every line that asks (the session 29 fix held it for questions only when something
was still owed): a turn over it, cut however far in, that opens by adding to the answer before
answers the question before, and the line is said in full after it ("So, as I was saying: ...").
Fake clock, speaker and transcriber."""
from test_question_cut_off import said_in_full, talk
from test_resume_after_acknowledgement import METRIC, at_acknowledgement
from test_round_controller import step

from interviewer.core.round_settings import ACK_GRACE_S, CUT_OFF_AT_ONCE_S, ControllerSettings
from interviewer.core.round_updates import AnswerFiled, LineCutOff

LEAD_IN = ControllerSettings().reask_lead_in
ADDITION = ("Sorry, and one more point, I would drop the posts where the author and the viewer "
            "disagree by more than five minutes on when it was seen.")


def _follow_up_cut_late(tmp_path):
    """The feed question answered, acknowledged; the follow-up is said and the candidate's
    voice cuts it well after its first words."""
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    step(clock, speaker, controller, 1.5)
    step(clock, speaker, controller, ACK_GRACE_S + 0.1)
    assert speaker.busy and speaker.said[-1] == METRIC
    step(clock, speaker, controller, CUT_OFF_AT_ONCE_S + 0.3)  # past "at once": the late-cut path
    assert speaker.busy and speaker.said[-1] == METRIC
    controller.on_voice()
    controller.poll()
    return clock, engine, speaker, recorder, controller, updates


def test_an_addition_over_a_follow_up_is_filed_under_the_answer_before_and_the_follow_up_said_after(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _follow_up_cut_late(tmp_path)
    assert [u for u in updates if isinstance(u, LineCutOff)], "the follow-up is marked cut off"
    turn = controller.current_answer
    talk(controller, recorder, ADDITION)
    controller.end_answer()
    controller.poll()
    said_in_full(clock, speaker, controller, METRIC)
    assert speaker.said[-2:] == [LEAD_IN, METRIC], "the follow-up is said in full after the addition"
    assert (turn.question_id, turn.follow_up_id) == ("feed", None), "the addition goes with the feed answer"
    assert [(u.answer, u.question_id, u.follow_up_id) for u in updates if isinstance(u, AnswerFiled)] == [
        (turn.index, "feed", None)]
    assert controller.current_answer.follow_up_id == "feed-metric", "what follows answers the follow-up"


def test_a_real_answer_over_a_follow_up_still_answers_it(tmp_path):
    """The rule is for an addition: an answer begun over the follow-up after its first words is
    its answer, as before (filed under it, not said again)."""
    clock, engine, speaker, recorder, controller, updates = _follow_up_cut_late(tmp_path)
    turn = controller.current_answer
    talk(controller, recorder, "I would optimize the long term engagement, measured as the daily active time per "
                               "user, with a guard on the share of hidden posts.")
    controller.end_answer()
    controller.poll()
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    assert (turn.question_id, turn.follow_up_id) == ("feed", "feed-metric")
    assert speaker.said.count(METRIC) == 1
