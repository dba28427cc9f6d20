"""Questions about the interview itself (time to think, time left, a hint, permission) get an
interviewer's answer, not a fact or "make a reasonable assumption", and are not clarifying
questions (a trial: "Can I take a minute to think?" got "Make a reasonable assumption", and
"How much time do I have?" the fact about the time window)."""
from dataclasses import replace

import pytest
from engine_scripts import design_round
from interviewer.core import interview_requests as requests
from interviewer.core.matching import ClarifyingResponder
from interviewer.core.round_controller import ControllerSettings

from test_round_controller import step
from test_round_turns import ask, at_feed_question


@pytest.mark.parametrize("text", ["Can I take a minute to think?", "Could I have a moment?",
                                  "Okay, give me a second.", "Mind if I think about it for a minute?",
                                  "Let me think for a moment."])
def test_asking_for_time_to_think(text):
    assert requests.asks_for_thinking_time(text) and requests.about_the_interview(text)


@pytest.mark.parametrize("text", ["Can I take a different approach?", "Can I think out loud?",
                                  "Give me an example?", "How long does training take?"])
def test_not_asking_for_time_to_think(text):
    assert not requests.asks_for_thinking_time(text)


@pytest.mark.parametrize("text", ["How much time do I have?", "How much time is left?",
                                  "So how are we on time?", "How long do I have for this part?",
                                  "How many minutes do we have left?"])
def test_asking_how_much_time_is_left(text):
    assert requests.asks_time_left(text)


@pytest.mark.parametrize("text", ["How much time does a request have?", "How long is the window?",
                                  "How much time do users spend on the feed?"])
def test_a_question_about_time_in_the_problem_is_not_about_the_clock(text):
    assert not requests.asks_time_left(text)


@pytest.mark.parametrize("text", ["Can I get a hint?", "Any hints?", "Could you give me a nudge?",
                                  "I'm stuck, any pointers?", "Any other hints?", "Could you help me out a bit?"])
def test_asking_for_a_hint(text):
    assert requests.asks_for_hint(text)


@pytest.mark.parametrize("text", ["Should I add type hints?", "Can I use a pointer to the head?",
                                  "Does it help to sort first?", "Is the hint text shown to users?"])
def test_not_asking_for_a_hint(text):
    assert not requests.asks_for_hint(text)


@pytest.mark.parametrize("in_part, in_round, said", [
    (6 * 60 + 10, 31 * 60, "You have about 6 minutes for this part, and about 31 minutes in the round."),
    (4 * 60, 4 * 60 + 20, "You have about 4 minutes left."),
    (20, 20, "You have less than a minute left."),
])
def test_time_left_in_words(in_part, in_round, said):
    assert requests.time_left_reply(in_part, in_round) == said


def _responder(hints=()):
    script = design_round()
    question = replace(script.question("feed"), hints=hints)
    return ClarifyingResponder(question, script=script)


def test_hints_come_one_per_request_then_no_more():
    own = ("Who is the feed for, and what should they do more of?", "What could you measure for that?")
    responder = _responder(own)
    said = [responder.reply(q).text for q in ("Can I get a hint?", "Any other hints?", "One more hint?")]
    assert said == [own[0], own[1], requests.NO_MORE_HINTS]
    generic = _responder()  # no hints in the script: a nudge that fits a design round
    assert generic.reply("Can I get a hint?").text == requests.GENERIC_HINTS["ml_system_design"][0]


def test_a_request_no_fact_answers_is_allowed_not_told_to_assume():
    responder = _responder()
    assert responder.reply("Can I use Python for this?").text == requests.PERMISSION_REPLY
    assert responder.reply("Can I take a minute to think?").text == requests.THINKING_TIME_REPLY
    assert responder.reply("Can I assume the feed is in English?").text.startswith("Yes, that's a fair assumption")


def _at_feed(tmp_path, **settings):
    script = design_round()
    return at_feed_question(tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(**settings),
                            answerer=ClarifyingResponder(script.question("feed"), script=script))


def test_the_interviewer_tells_how_much_time_is_left_from_the_round_clock(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    answer = controller.current_answer
    ask(controller, recorder, "Before I go on, how much time do I have?")
    in_part, in_round = engine.time_left_in_phase(), engine.time_left_in_round()
    assert speaker.said[-1] == requests.time_left_reply(in_part, in_round)
    assert f"about {round(in_round / 60)} minutes in the round" in speaker.said[-1]
    assert answer.clarifications == []  # not a clarifying question


def test_after_asking_for_time_to_think_no_think_aloud_nudge_comes(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path, silence_nudge_after=10)
    answer = controller.current_answer
    ask(controller, recorder, "Hmm, can I take a minute to think?")
    assert speaker.said[-1] == "Sure, take your time."
    step(clock, speaker, controller, 2)
    for seconds in (5, 12, 20, 40):  # silence counted from the end of the reply
        clock.advance(5)
        controller.on_silence(seconds)
        controller.poll()
    assert answer.nudges == [] and answer.clarifications == []
    clock.advance(60)  # the minute is long over: the nudge comes again
    controller.on_silence(70)
    controller.poll()
    assert answer.nudges


def test_hint_requests_are_answered_and_not_kept_as_clarifying_questions(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    answer = controller.current_answer
    ask(controller, recorder, "I'm not sure where to start. Can I get a hint?")
    assert speaker.said[-1] == requests.GENERIC_HINTS["ml_system_design"][0]
    assert answer.clarifications == []
