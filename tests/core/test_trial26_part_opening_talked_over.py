"""Trial 26, item 1b: the ML depth round's first part opened with "Let's set the scene first,
briefly."; the candidate started on their project over its first word. The turn was filed under the
part's question, which was never said nor shown, the engine went on to its follow-up, and the review
listed the question as asked. A real answer over a part's opening answers the question only when the
opening itself set the task on screen (trial 16: "Sketch the main components end to end."); over a
lead-in the question is said in full when the turn ends."""
from test_noise_barge_in import silence
from test_question_cut_off import FEED, LEAD_IN, PROMPT, said_in_full, talk
from test_round_controller import step
from test_round_turns import make

from interviewer.core.conversation_cues import sets_a_task
from interviewer.core.engine import AskQuestion
from interviewer.core.round_settings import CUT_OFF_REASK_BELOW_WORDS
from interviewer.core.round_updates import AnswerFiled

PROJECT = ("Hi, sorry, so the project I want to talk about is a click through rate model for ads ranking, "
           "which we trained on a few billion impressions every day.")


def over_the_opening(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6)
    controller.start()
    clock.set(1300)  # the requirements part is due: its opening, then the problem
    controller.poll()
    speaker.stop()
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert speaker.busy and speaker.said[-1] != FEED
    controller.on_voice()
    controller.poll()
    return clock, engine, speaker, recorder, controller, updates


def test_lead_ins_set_no_task_and_tasks_do():
    assert not sets_a_task("Let's set the scene first, briefly.")
    assert not sets_a_task("Next we'll move on to machine learning fundamentals, quickly across a few topics. "
                           "First, one quick twist on the coding question.")
    assert not sets_a_task("Here's the coding question. Ask me anything about it before you start.")
    assert sets_a_task("Great, let's go to the high-level design. Sketch the main components end to end.")
    assert sets_a_task("Let's move to the design: take me from a customer's question to the answer on their screen.")


def test_a_real_answer_over_a_lead_in_gets_the_question_in_full(tmp_path):
    clock, engine, speaker, recorder, controller, updates = over_the_opening(tmp_path)
    assert speaker.said[-1] == PROMPT and not sets_a_task(PROMPT)
    turn = controller.current_answer
    assert len(PROJECT.split()) >= CUT_OFF_REASK_BELOW_WORDS
    talk(controller, recorder, PROJECT)
    silence(clock, speaker, controller, 8)
    assert turn.ended_by == "silence"
    said_in_full(clock, speaker, controller, FEED)
    assert speaker.said[-2:] == [LEAD_IN, FEED], "the part's question, said in full"
    assert turn.question_id is None, "the turn answered no question it could not have seen"
    assert not [u for u in updates if isinstance(u, AnswerFiled)]
    asks = [u for u in updates if isinstance(u, AskQuestion) and u.question_id == "feed"]
    assert len(asks) == 2, "asked again: what is recorded next answers it, as after a hello over it"
    assert controller.current_answer.question_id == "feed"

