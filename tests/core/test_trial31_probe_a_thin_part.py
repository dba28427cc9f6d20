"""Trial 31: a 55-minute ML system design round with short answers ("..., That's it.") ended at
12:07; each part got its question (and a follow-up) and moved on (Data and features: 0.4 of 10
minutes). With much of a part left and its talking points not made, the interviewer now digs in:
a probe on each missed point's area (core.probes), once and then once more, before moving on;
the candidate's N still moves on at any time. Fake clock, the bundled script."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.probes import PROBES, TRADEOFF_ID
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

DATA_ANSWER = ("I would use the delivered timestamps as labels, filter out the noisy ones, and build features on "
               "distance and the restaurant. That's it.")
THIN = "I would handle that with a simple rule at first and improve it later. That's it."


def _in_the_data_part():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    while engine.current_phase.id != "data_features":
        events = engine.next_phase()
    assert [e.question_id for e in events if isinstance(e, AskQuestion)] == ["data_features"]
    return engine, clock


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def test_a_thin_answer_with_most_of_the_part_left_gets_probes_on_the_points_not_made():
    engine, clock = _in_the_data_part()
    clock.advance(30)
    events = engine.answer_finished(DATA_ANSWER)
    assert not [e for e in events if isinstance(e, PhaseStarted)], "the part does not end after one answer"
    [probe] = _asks(events)
    # The features point ("kitchen queue, couriers nearby, traffic...") was not made: its area's probe,
    # which does not give the point away.
    assert probe.follow_up_id.startswith("probe") and probe.text == PROBES["feature engineering"]
    asked = [probe.text]
    while True:
        clock.advance(30)
        events = engine.answer_finished(THIN)
        if [e for e in events if isinstance(e, PhaseStarted)]:
            break
        asked += [a.text for a in _asks(events)]
    assert len(asked) == len(set(asked)) >= 3, asked  # no wording twice in the part
    span = engine.timeline.phases[-2]
    assert span.phase == "data_features" and span.ended_at - span.started_at >= 120  # was 0.4 min


def test_a_point_made_is_not_probed():
    engine, clock = _in_the_data_part()
    clock.advance(30)
    events = engine.answer_finished(
        "Labels from completed orders, the actual delivery time per stage, with noisy taps cleaned. Real-time "
        "features: kitchen queue, couriers nearby, traffic and weather. Features are built as of prediction "
        "time, point-in-time, to avoid leakage. That's it.")
    # No probe on a point; no tradeoff was named, so the one request for it (trial 38).
    assert [a.follow_up_id for a in _asks(events) if (a.follow_up_id or "").startswith("probe")] in ([], [TRADEOFF_ID])


def test_with_less_than_half_the_part_left_a_probe_still():
    # Trials 32-34: probes stopped once half the part was used; the part's time decides now.
    engine, clock = _in_the_data_part()
    clock.advance(engine.time_left_in_phase() * 0.6)
    events = engine.answer_finished(DATA_ANSWER)
    assert [a.follow_up_id for a in _asks(events)] == ["probe-1"]


def test_with_less_than_a_minute_of_the_part_left_no_probe():
    engine, clock = _in_the_data_part()
    clock.advance(engine.time_left_in_phase() - 50)
    events = engine.answer_finished(DATA_ANSWER)
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["model"]


def test_the_candidate_moves_on_with_next_while_probed():
    engine, clock = _in_the_data_part()
    clock.advance(30)
    assert _asks(engine.answer_finished(DATA_ANSWER))[0].follow_up_id.startswith("probe")
    assert [e.phase for e in engine.next_phase() if isinstance(e, PhaseStarted)] == ["model"]


def test_a_long_answer_is_not_probed():
    engine, clock = _in_the_data_part()
    clock.advance(90)
    long = DATA_ANSWER + " " + " ".join(["We would also look at the restaurant and the distance for every order."] * 8)
    events = engine.answer_finished(long)  # over 100 words (10 per planned minute of the part)
    # No probe on a point: only the request for a tradeoff, none named (trial 38); then the next part.
    assert [a.follow_up_id for a in _asks(events)] == [TRADEOFF_ID]
    clock.advance(30)
    events = engine.answer_finished("The distance features are cheaper to keep fresh but less accurate. That's it.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["model"]
