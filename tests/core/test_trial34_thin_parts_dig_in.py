"""Trials 32-34 (trial 34 D5, trial 33 item 14): a candidate giving short, thin answers had a
55-minute design round end at 11.8 minutes and a 45-minute coding round at 7.4 (its Code part 0.8
minutes), parts moving on with most of their time left while their own talking points were never
made or probed. Probes stopped once half a part was used or ten words per planned minute were
said; coding rounds got none; a part of two questions probed only the second; a behavioral part
left every point to the later stories. Now, while a part has a minute or more left, each of its
unmade points gets one probe (one "again" per part), a coding round's parts around the code are
probed and the code part asks once to trace an example, "I don't know." ends a point's probing,
and a full answer still moves on with no probe. Engine level, fake clock, the bundled scripts."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import (ASK_FOR_MORE_BELOW_WORDS, PUSH_BACK_ID, TRACE_EXAMPLE_ID, AskQuestion,
                                     PhaseStarted, RoundEngine)
from interviewer.core.probes import PROBE_ID, TRADEOFF_ID
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

THIN = "I would keep it simple first and see how it goes. That's it."


def _engine(name):
    script = load_script(bundled_scripts_dir() / f"{name}.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None,
                         ask_for_more_below_words=ASK_FOR_MORE_BELOW_WORDS)
    return engine, clock


def _to_part(engine, part):
    events = engine.start()
    while engine.current_phase.id != part:
        events = engine.next_phase()
    return events


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def _is_probe(ask):
    return (ask.follow_up_id or "").startswith(PROBE_ID + "-")


def _run_part(engine, clock, events, answer, seconds=25):
    """Answer every ask of the running part with `answer(ask)` until it moves on: the asks made in it."""
    part, asked = engine.current_phase.id, []
    for _ in range(40):
        asks = _asks(events)
        if engine.current_phase.id != part or not asks:
            break
        asked.append(asks[-1])
        clock.advance(seconds)
        events = engine.answer_finished(answer(asks[-1]))
    return asked, events


def test_a_thin_part_past_its_half_still_probes_each_unmade_point_once_then_moves_on():
    engine, clock = _engine("ml_system_design_eta_prediction")
    events = _to_part(engine, "data_features")
    clock.advance(engine.time_left_in_phase() * 0.6)  # past half of the part (trial 34: moved on at once there)
    events = engine.answer_finished(THIN)
    assert not [e for e in events if isinstance(e, PhaseStarted)], "moved on with 40 % of it and every point left"
    asked, events = _run_part(engine, clock, events, lambda a: THIN, seconds=20)
    probes = [a.follow_up_id for a in asked if _is_probe(a)]
    # The leakage point ("computed the same way offline and online") is probed (trial 34: never).
    assert "probe-2" in probes, [a.text for a in asked]
    firsts = [p for p in probes if not p.endswith("-again")]
    assert len(firsts) == len(set(firsts)), probes  # one probe per point (one "again" in the part)
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["model"]


def test_a_part_answered_in_full_moves_on_without_a_probe():
    engine, clock = _engine("ml_system_design_eta_prediction")
    events = _to_part(engine, "data_features")
    full = ("Labels come from completed orders: the actual delivery time and timestamps per stage, with the "
            "noisy ones from forgotten taps cleaned. Real-time features: the kitchen queue, couriers nearby, "
            "traffic and weather; slower ones from restaurant history. Every feature is computed as of "
            "prediction time, point-in-time, the same way offline and online, to avoid leakage and skew. That's it.")
    answers = {"bad_taps": "The label is ten minutes too late, so I drop deliveries whose tap is far from the "
                           "GPS arrival, and I use the GPS time as the label instead. That's it."}
    asked, events = _run_part(engine, clock, events, lambda a: answers.get(a.follow_up_id, full), seconds=60)
    # No probe on a point; no tradeoff was named, so the one request for it (trial 38).
    assert [a.follow_up_id for a in asked if _is_probe(a)] in ([], [TRADEOFF_ID]), [a.text for a in asked]
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["model"]


def test_i_dont_know_to_a_probe_ends_the_probing_of_that_point():
    engine, clock = _engine("ml_system_design_eta_prediction")
    events = _to_part(engine, "data_features")
    asked, events = _run_part(engine, clock, events,
                              lambda a: "I don't know." if _is_probe(a) else THIN, seconds=20)
    probes = [a for a in asked if _is_probe(a)]
    assert probes, [a.text for a in asked]
    # No push-back ("What would you check first to find out?") and no second probe on a point given up on.
    assert PUSH_BACK_ID not in [a.follow_up_id for a in asked], [a.text for a in asked]
    points = [p.follow_up_id.removesuffix("-again") for p in probes]
    assert len(points) == len(set(points)), [p.text for p in probes]
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["model"]


def test_a_coding_rounds_code_part_asks_to_trace_an_example_and_its_other_parts_are_probed():
    engine, clock = _engine("coding_intervals")
    events = _to_part(engine, "code")
    code_asks = []
    for _ in range(20):
        if engine.current_phase.id != "code":
            break
        if not _asks(events) and engine.holds_for_work:
            engine.asked_to_keep_working()
        clock.advance(60)
        events = engine.answer_finished(THIN)
        code_asks += [a.follow_up_id for a in _asks(events) if engine.current_phase.id == "code"]
    assert code_asks.count(TRACE_EXAMPLE_ID) == 1, code_asks  # once, then the part moves on
    assert engine.current_phase.id == "test"
    asked, events = _run_part(engine, clock, events, lambda a: THIN)
    assert engine.current_phase.id == "scale"
    asked += _run_part(engine, clock, events, lambda a: THIN)[0]
    assert [a for a in asked if _is_probe(a)], [a.text for a in asked]


def test_a_coding_probe_is_not_about_what_a_follow_up_of_the_part_just_asked():
    engine, clock = _engine("coding_intervals")
    events = _to_part(engine, "approach")
    events = engine.answer_finished("I would sort the sessions and merge them. That's it.")
    asked, _ = _run_part(engine, clock, [*events], lambda a: THIN)
    follow_ups = [a.follow_up_id for a in asked]
    if "complexity" in follow_ups:  # "What's the time complexity of that, and where does it come from?"
        assert not [a for a in asked if _is_probe(a) and "complexity" in a.text.lower()], [a.text for a in asked]
    # Nor about the requirements, in the part after the one for clarifying questions (trial 34).
    assert not [a for a in asked if _is_probe(a) and "requirements" in a.text.lower()], [a.text for a in asked]


def test_a_part_of_two_questions_probes_the_first_one_too():
    engine, clock = _engine("ml_breadth_fundamentals")
    events = _to_part(engine, "evaluation")
    asked, _ = _run_part(engine, clock, events, lambda a: THIN)
    first = engine.script.questions_in("evaluation")[0].id
    assert [a for a in asked if _is_probe(a) and a.question_id == first], [(a.question_id, a.text) for a in asked]


def test_a_behavioral_story_is_probed_though_later_stories_share_its_areas():
    engine, clock = _engine("behavioral_conflict_and_trust")
    events = _to_part(engine, "conflict")
    asked, _ = _run_part(engine, clock, events, lambda a: THIN)
    assert [a for a in asked if _is_probe(a)], [a.text for a in asked]


def test_no_probe_wording_twice_in_a_round_of_thin_answers():
    engine, clock = _engine("behavioral_conflict_and_trust")
    events = engine.start()
    probes = []
    for _ in range(120):
        if engine.is_over or engine.current_phase.id == "wrap_up":
            break
        clock.advance(25)
        events = engine.answer_finished(THIN)
        probes += [a.text for a in _asks(events) if _is_probe(a)]
    assert probes and len(probes) == len(set(probes)), probes
