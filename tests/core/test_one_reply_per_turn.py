"""One turn of the candidate gets one reply.

Trial 21 (ML depth): "Before I start, which time period should I talk about? How far back should I
go?", one question said as two sentences, got "It's your project, so that's yours to tell me..."
and straight after it the fact "Pick the most recent version...": each sentence was answered on
its own and the stock reply contradicted the fact. The fact over the whole turn is said; a no-fact
reply only when no sentence of the turn matches a fact."""
from test_round_turns import at_feed_question, ask

PERIOD_FACT = "Pick the most recent version of the project, from the last two years."
NO_FACT = "It's your project, so that's yours to tell me: say what it was, roughly, and go on."


class PeriodAnswerer:
    def reply(self, question):
        if "far back" in question.lower():
            return "period", PERIOD_FACT
        return None, NO_FACT


def test_two_sentences_asking_one_thing_get_the_fact_alone(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=PeriodAnswerer())
    said = len(speaker.said)
    ask(controller, recorder, "Before I start, which time period should I talk him out? How far back should I go?")
    speaker.stop()
    controller.poll()
    assert speaker.said[said:] == [PERIOD_FACT]
    assert [c.topic for c in controller.current_answer.clarifications] == ["period"]


def test_no_sentence_with_a_fact_gets_the_no_fact_reply(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=PeriodAnswerer())
    said = len(speaker.said)
    ask(controller, recorder, "Which time period should I talk about? Should I start with the data?")
    speaker.stop()
    controller.poll()
    assert speaker.said[said:] == [NO_FACT]


def test_a_request_for_permission_beside_a_fact_keeps_its_answer(tmp_path):
    """"Can I use Python?" is answered in kind ("Sure"), not a no-fact reply to drop."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=PeriodAnswerer())
    said = len(speaker.said)
    ask(controller, recorder, "Can I use Python? How far back should I go?")
    for _ in range(6):
        speaker.stop()
        controller.poll()
    assert PERIOD_FACT in speaker.said[said:] and len(speaker.said[said:]) == 2
