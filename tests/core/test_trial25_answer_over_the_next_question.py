"""Trial 25, item 7: the candidate, still on the last question, started talking just as the next
one began ("Tell..."). The interviewer stopped (good), but the line, handed to the speaker 1.2 s
before, counted as heard: the turn was filed under the new question, "Got it." followed, that
question was never said in full (no "So, as I was saying:"), its follow-up came next, and the
review's Per answer row read only "Tell... [cut off]". A question of which fewer than its first
three words played is cut at once; a real answer said over it answers the question before it,
and the question cut off is said again in full when the candidate stops."""
from test_noise_barge_in import silence
from test_question_cut_off import said_in_full, talk
from test_resume_after_acknowledgement import ACKS, METRIC, at_acknowledgement
from test_round_controller import step

from interviewer.core.engine import AskQuestion
from interviewer.core.round_settings import CUT_OFF_AT_ONCE_S, ControllerSettings
from interviewer.core.round_updates import AnswerFiled, LineCutOff

FEED = "Design a news feed ranking system."
LEAD_IN = ControllerSettings().reask_lead_in
STILL_ON_FEED = ("And to add to that, I would also keep a small exploration budget so new posts get some "
                 "impressions, and I would log everything for training.")


def cut_after_its_first_word(tmp_path):
    """The feed answer ended on silence; its acknowledgement said; 1.5 s into the metric follow-up
    (after CUT_OFF_AT_ONCE_S) the candidate talks, the speaker having played only "Which"."""
    clock, engine, speaker, recorder, controller, updates = at_acknowledgement(tmp_path)
    stop = speaker.stop

    def stop_after_first_word():
        stop()
        return len("Which")
    speaker.stop = stop_after_first_word
    while speaker.said[-1] != METRIC:
        step(clock, speaker, controller, 0.5)
    step(clock, speaker, controller, 1.5)
    assert speaker.busy and 1.5 >= CUT_OFF_AT_ONCE_S
    controller.on_voice()
    controller.poll()
    return clock, engine, speaker, recorder, controller, updates


def test_a_real_answer_over_the_first_word_of_a_question_answers_the_one_before(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_after_its_first_word(tmp_path)
    turn = controller.current_answer
    assert [u.marked for u in updates if isinstance(u, LineCutOff)] == ["Which... [cut off]"]
    talk(controller, recorder, STILL_ON_FEED)
    silence(clock, speaker, controller, 8)
    assert turn.ended_by == "silence"
    said_in_full(clock, speaker, controller, METRIC)
    i = len(speaker.said) - 1
    assert speaker.said[i - 1] == LEAD_IN, "the question cut off is said again in full"
    assert not any(s in ACKS for s in speaker.said[i - 2:i]), "no thanks for an answer to what was not heard"
    assert (turn.question_id, turn.follow_up_id, turn.question_text) == ("feed", None, FEED), \
        "filed under the question the candidate was answering"
    assert [(u.answer, u.question_id, u.question_text) for u in updates if isinstance(u, AnswerFiled)] == [
        (turn.index, "feed", FEED)]
    again = controller.current_answer
    assert again is not None and (again.question_id, again.follow_up_id) == ("feed", "feed-metric")
    assert again.question_text == METRIC
    metric_asks = [u for u in updates if isinstance(u, AskQuestion) and u.follow_up_id == "feed-metric"]
    assert len(metric_asks) == 2, "asked again: what is recorded next answers it"


def test_a_short_turn_over_its_first_word_gets_the_question_again_as_before(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_after_its_first_word(tmp_path)
    turn = controller.current_answer
    assert turn.question_id is None
    talk(controller, recorder, "Sorry, go on.")
    silence(clock, speaker, controller, 8)
    said_in_full(clock, speaker, controller, METRIC)
    assert speaker.said[-2:] == [LEAD_IN, METRIC]
    assert turn.question_id is None and not [u for u in updates if isinstance(u, AnswerFiled)]
