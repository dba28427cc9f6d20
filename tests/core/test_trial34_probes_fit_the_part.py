"""Trial 34 D5, the ML system design round on delivery time estimates (the bundled script, the
core's fakes, fake clock):
(a) right after an 87-word answer on serving in 50 ms, monitoring and a canary came the probe "How
    would you serve it within the latency budget, and what if the model is slow?": a question
    answered in full (PROBE_FULL_ANSWER_WORDS per talking point, in one answer) gets no probe;
(b) in Framing the probe "Go deeper on the model: what would you pick...?" was the next part's
    subject: a point whose area a later part's question asks about is left to that part;
(c) "Go deeper on the model: ..." and "Go deeper on the features: ..." were one frame said twice:
    no two probe wordings share a lead-in;
(d) Model and loss moved on after "I would train gradient boosted trees... That's it." with the
    loss and the window never probed, because "pinball loss" had been said in passing in Framing:
    a point is made by keywords said in the running part."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.probes import DEFAULT_PROBES, PROBES, TRADEOFF_ID, frame_of
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

THIN = "I would handle that with a simple rule at first and improve it later. That's it."
# Trial 34's answers, as transcribed live.
SERVING = ("For serving, I compute the estimate on every app refresh with a model service behind the features "
           "tour within 50 milliseconds with a cash from the restaurant features. For monitoring, I watch the "
           "sheriff order more than 10 minutes late and the calibration on the window every hour with alert sun "
           "drift in the input features. For rollback, I ship every new model behind the Canary on 5% on traffic, "
           "and I roll back automatically to the previous model, if the late share gets worse. That's it.")
FRAMING_PROBE_ANSWER = ("I split the estimate into kitchen prep time, career travel to the restaurant, waiting at the "
                        "restaurant, and the rhyme to the customer. Each stage gets its own model trained on completed "
                        "orders and I compare the total against the current heuristic with the pinball loss. That's it.")


def _engine():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    clock = FakeClock()
    return RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None), clock


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def _started(events):
    return [e.phase for e in events if isinstance(e, PhaseStarted)]


def _to_part(engine, part):
    events = engine.start()
    while engine.current_phase.id != part:
        events = engine.next_phase()
    return events


def _answer_part(engine, clock, events, answer, seconds=20):
    """Answer every ask of the running part with `answer(ask)`; the asks made in it, in order."""
    part, asked = engine.current_phase.id, []
    for n in range(20):
        asks = _asks(events)
        if (n and _started(events)) or not asks or engine.current_phase.id != part:
            break
        asked.append(asks[-1])
        clock.advance(seconds)
        events = engine.answer_finished(answer(asks[-1]))
    return asked, events


def test_a_question_answered_in_full_gets_no_probe():
    engine, clock = _engine()
    events = _to_part(engine, "serving")
    answers = {"new_city": "I fall back to the current heuristic at first and switch to the model once we have "
                           "two weeks of deliveries there. That's it.",
               None: SERVING}
    asked, events = _answer_part(engine, clock, events, lambda a: answers.get(a.follow_up_id, THIN), seconds=30)
    # No probe on a point; no tradeoff was named, so the one request for it (trial 38).
    assert [a.follow_up_id for a in asked if (a.follow_up_id or "").startswith("probe")] in ([], [TRADEOFF_ID]), \
        [a.text for a in asked]
    assert _started(events) == ["wrap_up"]


def test_a_thin_answer_to_the_serving_question_is_still_probed():
    engine, clock = _engine()
    events = _to_part(engine, "serving")
    asked, _ = _answer_part(engine, clock, events, lambda a: THIN, seconds=30)
    assert any((a.follow_up_id or "").startswith("probe") for a in asked), [a.text for a in asked]


def test_a_probe_in_framing_is_about_framing_not_the_next_parts_subject():
    engine, clock = _engine()
    events = _to_part(engine, "framing")
    asked, _ = _answer_part(engine, clock, events, lambda a: THIN)
    probes = [a for a in asked if (a.follow_up_id or "").startswith("probe") and a.follow_up_id != TRADEOFF_ID]
    # Framing's points: per stage or end to end (modeling choices, Model and loss's subject), the
    # components (system architecture, Framing's own) and a baseline (evaluation metrics, which
    # Model and loss asks about too).
    assert probes and {p.follow_up_id.removesuffix("-again") for p in probes} == {"probe-1"}, \
        [p.text for p in probes]


def _lead_in(text: str) -> str | None:
    """The words before a probe's colon, its last word left out ("Go deeper on the"), if any."""
    head, colon, _ = text.partition(":")
    return head.rsplit(" ", 1)[0] if colon and "?" not in head else None


def test_no_two_probe_wordings_share_a_lead_in():
    wordings = [*PROBES.values(), *DEFAULT_PROBES.values()]
    lead_ins = [_lead_in(w) for w in dict.fromkeys(wordings) if _lead_in(w)]
    assert len(lead_ins) == len(set(lead_ins)), lead_ins


def test_no_lead_in_twice_in_a_round_of_thin_answers():
    engine, clock = _engine()
    engine.start()
    probes = []
    for _ in range(80):
        if engine.current_phase.id == "wrap_up" or engine.is_over:
            break
        clock.advance(25)
        probes += [a.text for a in _asks(engine.answer_finished(THIN)) if (a.follow_up_id or "").startswith("probe")]
    lead_ins = [_lead_in(t) for t in probes if frame_of(t) is None and _lead_in(t)]
    assert len(lead_ins) == len(set(lead_ins)), probes


def test_the_loss_is_probed_in_model_and_loss_though_pinball_was_said_in_framing():
    engine, clock = _engine()
    events = _to_part(engine, "framing")
    _, events = _answer_part(engine, clock, events,
                             lambda a: FRAMING_PROBE_ANSWER if (a.follow_up_id or "").startswith("probe") else THIN)
    while engine.current_phase.id != "model":
        events = engine.next_phase()
    answers = {None: "I would train gradient boosted trees... That's it.",
               "time_split": "And I said, I split my time... That's it."}
    asked, _ = _answer_part(engine, clock, events, lambda a: answers.get(a.follow_up_id, "I am not sure. That's it."))
    # The question's second point: quantile (pinball) loss for the window's ends.
    assert "probe-1" in [a.follow_up_id for a in asked], [a.text for a in asked]
