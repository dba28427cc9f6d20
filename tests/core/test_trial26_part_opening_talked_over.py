"""Trial 26, item 1b: the ML depth round's first part opened with "Let's set the scene first,
briefly."; the candidate started on their project over its first word. The turn was filed under the
part's question, which was never said nor shown, the engine went on to its follow-up, and the review
listed the question as asked. A real answer over a part's opening answers the question only when the
opening itself set the task on screen (trial 16: "Sketch the main components end to end."); over a
lead-in the question is said in full when the turn ends."""
from engine_scripts import design_round
from test_noise_barge_in import silence
from test_question_cut_off import FEED, LEAD_IN, PROMPT, said_in_full, talk
from test_round_controller import step
from test_round_turns import ask, at_feed_question, make

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import sets_a_task
from interviewer.core.engine import AskQuestion
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_settings import CUT_OFF_REASK_BELOW_WORDS, ControllerSettings
from interviewer.core.round_updates import AnswerFiled

DEEP = "Let's go deeper into serving."
LATENCY = "Latency must now be under 50 ms. What changes?"
PROJECT = ("Hi, sorry, so the project I want to talk about is a click through rate model for ads ranking, "
           "which we trained on a few billion impressions every day.")


def over_the_opening(tmp_path, **kwargs):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6, **kwargs)
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
    # A real answer is acknowledged, not met with "So, as I was saying:" (trial 48); it made no
    # point of the question, so the question is said as written.
    assert speaker.said[-2:] == [ControllerSettings().answered_over_lead_in, FEED], "the part's question, in full"
    assert turn.question_id is None, "the turn answered no question it could not have seen"
    assert not [u for u in updates if isinstance(u, AnswerFiled)]
    asks = [u for u in updates if isinstance(u, AskQuestion) and u.question_id == "feed"]
    assert len(asks) == 2, "asked again: what is recorded next answers it, as after a hello over it"
    assert controller.current_answer.question_id == "feed"




def test_a_time_question_over_a_lead_in_is_no_thinking_time(tmp_path):
    """Trial 26, item 1a: the next part opened with "First, one quick twist on the coding
    question."; the candidate cut in ("Sorry, can I jump in?", "Sure, go ahead.") and asked how much
    time they had. Told the time after a question was discussed, the silence was taken for thinking
    on it: the round waited, nudged "Remember to think out loud." with no question on screen, and
    the twist was never asked. With the part's question waiting for the turn there is nothing to
    think about: the silence ends the turn and the question is said in full."""
    script = design_round()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(silence_nudge_after=12),
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    talk(controller, recorder, "I would optimize the click through rate for a hundred million users.")
    silence(clock, speaker, controller, 8)
    clock.set(1000 + 40 * 60)  # the deep dive is due: its lead-in, then the latency twist
    while not (speaker.busy and speaker.said[-1] == DEEP):
        step(clock, speaker, controller, 0.5)
    controller.on_voice()
    controller.poll()
    turn = controller.current_answer
    assert turn.question_id is None
    for words in ("Sorry, can I jump in?", "How much time do I have for this part?"):
        ask(controller, recorder, words, pause=1.0)
        for _ in range(40):
            step(clock, speaker, controller, 0.5)
            if not speaker.busy:
                break
    assert "Sure, go ahead." in speaker.said and "minutes" in speaker.said[-1]
    silence(clock, speaker, controller, 12)
    assert turn.ended_by == "silence"
    said_in_full(clock, speaker, controller, LATENCY)
    assert speaker.said[-2:] == [LEAD_IN, LATENCY], "the twist, said in full, with no nudge before it"
