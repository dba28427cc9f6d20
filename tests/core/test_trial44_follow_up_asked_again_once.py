"""Trial 44 D8: "Once the courier has picked up the food, what changes in what you predict?" was
answered "Sorry to jump in, one more thing. I would also keep a simple baseline from historical
averages per restaurant." (an addition to the framing answer, said over the follow-up), and the
follow-up was never asked again. An interviewer asks it again once, gently, when the candidate
says themselves that the words were about something else and they do not cover it; never twice.
The bundled script, the trial's answers, a fake clock."""
from test_trial34_probes_fit_the_part import _asks, _engine
from test_trial44_probe_belongs_to_its_part import ANSWERS

from interviewer.core.engine import REASK_ID, REASK_LEAD_IN, adds_to_earlier

REMAINING = "Once the courier has picked up the food, what changes in what you predict?"
OFF_TOPIC = ANSWERS[("framing", "remaining_time")]
ON_TOPIC = "After pickup only the drive time is left, so I re-predict the remaining time from the courier's location."


def _framing_asks(remaining_answers):
    """The framing part's asks (question id, follow-up id, text), the follow-up about pickup and
    its re-ask answered in turn with `remaining_answers`."""
    engine, clock = _engine()
    events, asked, left = engine.start(), [], list(remaining_answers)
    while engine.current_phase.id in ("intro", "requirements", "framing") and len(asked) < 12:
        asks = _asks(events)
        ask = asks[-1] if asks else None
        if ask is not None and engine.current_phase.id == "framing":
            asked.append((ask.question_id, ask.follow_up_id, ask.text))
        clock.advance(20)
        key = (ask.question_id, ask.follow_up_id) if ask is not None else (None, None)
        remaining = ask is not None and (ask.follow_up_id or "").endswith("remaining_time")
        said = left.pop(0) if remaining and left else ANSWERS.get(key, ANSWERS[(None, None)])
        events = engine.answer_finished(said)
    return asked


def test_a_follow_up_answered_with_an_addition_to_the_earlier_answer_is_asked_again_once():
    asked = _framing_asks([OFF_TOPIC, ON_TOPIC])
    ids = [a[1] for a in asked]
    at = ids.index("remaining_time")
    assert asked[at + 1] == ("framing", f"{REASK_ID}-remaining_time", f"{REASK_LEAD_IN} {REMAINING}")
    assert ids.count(f"{REASK_ID}-remaining_time") == 1
    assert "asymmetry" in ids[at + 2:]  # then the round goes on


def test_never_more_than_once_and_not_when_the_addition_covers_it():
    asked = _framing_asks([OFF_TOPIC, OFF_TOPIC, OFF_TOPIC])
    assert [a[1] for a in asked].count(f"{REASK_ID}-remaining_time") == 1
    covered = _framing_asks(["Sorry, one more thing. " + ON_TOPIC])
    assert f"{REASK_ID}-remaining_time" not in [a[1] for a in covered]


def test_an_addition_to_the_earlier_answer():
    assert adds_to_earlier(OFF_TOPIC) and adds_to_earlier("Um, I forgot to mention the cache.")
    assert not adds_to_earlier(ON_TOPIC) and not adds_to_earlier("One more thing changes: the drive time.")
