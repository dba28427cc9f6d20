"""Trial 48 problem 1: "How many users do we have? And what latency budget do we have for each
prediction?" in the ads round's Requirements got the latency fact alone: the turn was matched as
a whole, so its first question was dropped. A person answers each question of a turn: each
topic's fact once, in the order asked, and the no-fact reply only for a question no fact answers.
The live round keeps one exchange per question (its topic counts as asked), and the review's
credit of topics asked reads each question of a turn too."""
import pytest
from test_question_cut_off import talk
from test_round_controller import step
from test_round_turns import make

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.trailing_questions import asked_parts
from interviewer.resources import bundled_scripts_dir

ADS = {s.id: s for s in discover_scripts(bundled_scripts_dir(), user_dir=bundled_scripts_dir() / "no-such-folder").scripts}[
    "ml_system_design_ads_ctr"]
QUESTION = ADS.question("design_ctr")
FACTS = QUESTION.facts()
TWO_PARTS = "How many users do we have? And what latency budget do we have for each prediction?"


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def test_a_turn_is_split_into_the_questions_it_asks():
    assert asked_parts(TWO_PARTS) == ["How many users do we have?",
                                      "And what latency budget do we have for each prediction?"]
    assert asked_parts("How many requests per second, and what is the latency budget?") == [
        "How many requests per second", "what is the latency budget?"]
    # One question, however said: a lead-in, a choice or an example offered, a tag.
    for one in ("Sorry, just to be sure. How many users are there?", "Is it batch? Or real time?",
                "When is the outcome known? Minutes after departure, or only when the passenger complains?",
                "Misses are rare, I suppose? Like one percent?",
                "Is there a response-time budget? The shopper is waiting in the aisle, right?",
                "Do we care about likes and comments?"):
        assert asked_parts(one) == [one]


def test_both_questions_of_a_turn_get_their_facts_in_the_order_asked(matcher):
    reply = ClarifyingResponder(QUESTION, matcher, ADS).reply(TWO_PARTS)
    assert reply.text == f"{FACTS['scale']} {FACTS['latency']}"
    assert reply.topic in ("scale", "latency")
    one_sentence = ClarifyingResponder(QUESTION, matcher, ADS).reply(
        "How many ad requests do we get per second, and what is the latency budget?")
    assert one_sentence.text == f"{FACTS['scale']} {FACTS['latency']}"


def test_a_question_no_fact_answers_gets_the_no_fact_reply_after_the_facts(matcher):
    reply = ClarifyingResponder(QUESTION, matcher, ADS).reply(
        "How many users do we have? And which programming language is the service written in?")
    assert reply.text == f"{FACTS['scale']} {QUESTION.no_fact_reply}" and reply.topic == "scale"


def test_a_question_about_the_one_before_gets_no_no_fact_reply(matcher):
    for turn in ("What is the latency budget, and how strict is that?",
                 "How many ad requests do we get per second, and how many?",
                 "Do we know which ads got a click and which didn't?"):
        reply = ClarifyingResponder(QUESTION, matcher, ADS).reply(turn)
        assert QUESTION.no_fact_reply not in reply.text and reply.topic is not None, turn


def test_the_review_credits_each_question_of_a_turn(matcher):
    assert matcher.topics_asked([TWO_PARTS], QUESTION.clarifying_topics) == ["scale", "latency"]


def test_live_each_question_gets_its_own_exchange_and_each_fact_is_said_once(tmp_path, matcher):
    responder = ClarifyingResponder(QUESTION, matcher, ADS)
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=ADS, answerer_for=lambda question_id: responder)
    controller.start()
    clock.set(1000 + 2 * 60 + 1)  # past the introduction
    for _ in range(200):
        step(clock, speaker, controller, 0.5)
        answer = controller.current_answer
        if answer is not None and answer.question_id == "design_ctr" and not speaker.busy:
            break
    answer = controller.current_answer
    assert answer is not None and answer.question_id == "design_ctr"
    said = len(speaker.said)
    talk(controller, recorder, "How many ad requests do we get per second, and what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    for _ in range(20):
        step(clock, speaker, controller, 0.5)
    replies = speaker.said[said:]
    assert replies[:2] == [FACTS["scale"], FACTS["latency"]], replies
    assert replies.count(FACTS["latency"]) == 1 and replies.count(FACTS["scale"]) == 1
    assert [c.topic for c in answer.clarifications] == ["scale", "latency"]
