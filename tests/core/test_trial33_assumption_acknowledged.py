"""Trial 33 #8: "Can I assume the input fits in memory?" got the size fact word for word, the line
said 20 s earlier to the size question, as if the size had been asked again. A question asking
leave to assume is answered as one: the fact that answers it after "Good check." (the fact says yes
or no where it can; the interviewer does not invent one), "As I said, ..." when that fact was heard
already, and with no fact about it the assumption reply, not the generic no-fact line."""
from __future__ import annotations

from test_round_controller import step
from test_round_turns import ask
from test_trial28_assumption_replies import NO_FACT, _fact, _round

from interviewer.core.conversation_cues import ASSUMPTION_REPLY
from interviewer.core.trailing_questions import CHECK_ACK


def _let_it_finish(clock, speaker, controller, seconds=20.0):
    for _ in range(int(seconds / 0.5)):
        step(clock, speaker, controller, 0.5)


def test_an_assumption_a_fact_answers_gets_it_after_an_acknowledgement(tmp_path):
    clock, engine, speaker, recorder, controller = _round(tmp_path)
    ask(controller, recorder, "Can I assume the input is sorted?")
    assert speaker.said[-1] == f"{CHECK_ACK} {_fact('sorted input')}"


def test_an_assumption_on_a_fact_heard_already_gets_as_i_said(tmp_path):
    clock, engine, speaker, recorder, controller = _round(tmp_path)
    ask(controller, recorder, "How big is the input?")
    assert speaker.said[-1] == _fact("input size")
    _let_it_finish(clock, speaker, controller)
    ask(controller, recorder, "Can I assume the input is up to a million sessions?")
    assert speaker.said[-1] == "As I said, up to about a million sessions. Timestamps fit in a normal integer."


def test_an_assumption_no_fact_answers_is_confirmed(tmp_path):
    clock, engine, speaker, recorder, controller = _round(tmp_path)
    ask(controller, recorder, "Can I assume the input fits in memory?")
    assert speaker.said[-1] == ASSUMPTION_REPLY and NO_FACT not in speaker.said
