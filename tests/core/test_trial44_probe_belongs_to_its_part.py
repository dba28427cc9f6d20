"""Trial 44 D6: in Framing, after the follow-up carried over from Requirements ("Being late hurts
much more than being early. ..."), the request for a tradeoff on what the candidate said to the
framing question ("You'd go with gradient boosted trees. What does that cost you compared with the
other options, ...?") was asked as the requirements question's: the round screen's header read
"Framing and high-level design · a follow-up from the "Requirements" part" and "The question:"
showed the Requirements question. The request is on the part's own question, which it then
discusses (RoundEngine._ask_for_tradeoff, as _probe_missed_point goes back to it). The bundled
script, the trial's answers, a fake clock."""
from test_trial34_probes_fit_the_part import _asks, _engine

from interviewer.core.probes import TRADEOFF_ID

ANSWERS = {
    (None, None): "Hi, I'm Sam. I'm a machine learning engineer at a logistics company. That's it.",
    ("design_eta", None): "How many orders per day are we talking about? Is it only for restaurants? Okay. "
                          "That's all my questions.",
    ("framing", None): "So I would frame it as a regression problem: predict the minutes from checkout to delivery. "
                       "The components are an online feature store with restaurant prep times and courier locations, "
                       "a model server, and a service that recomputes the estimate whenever the order status changes. "
                       "I would start with gradient boosted trees because they are fast at serving time. That's it.",
    ("framing", "remaining_time"): "Sorry to jump in, one more thing. I would also keep a simple baseline from "
                                   "historical averages per restaurant.",
    ("design_eta", "asymmetry"): "Right, so I would use an asymmetric loss, like a quantile loss at the seventieth "
                                 "percentile, so that late predictions cost more than early ones.",
}


def test_the_request_for_a_tradeoff_after_a_carried_over_follow_up_is_on_the_parts_question():
    engine, clock = _engine()
    events, asked = engine.start(), []
    while engine.current_phase.id in ("intro", "requirements", "framing") and len(asked) < 12:
        asks = _asks(events)
        ask = asks[-1] if asks else None
        if ask is not None:
            asked.append((engine.current_phase.id, ask.question_id, ask.follow_up_id))
        clock.advance(20)
        key = (ask.question_id, ask.follow_up_id) if ask is not None else (None, None)
        events = engine.answer_finished(ANSWERS.get(key, ANSWERS[(None, None)]))
    framing = [a for a in asked if a[0] == "framing"]
    # As in the trial: the carried-over follow-up, then the request for a tradeoff.
    assert ("framing", "design_eta", "asymmetry") in framing
    [tradeoff] = [a for a in framing if a[2] == TRADEOFF_ID]
    assert tradeoff == ("framing", "framing", TRADEOFF_ID)
    assert engine.script.part_of(tradeoff[1], "framing") == "framing"  # the header names no earlier part
