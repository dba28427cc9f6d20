"""Trial 32: in Serving and monitoring, right after "...I monitor the fraction of orders more than
10 minutes late, and I roll back with a canary release if it gets worse. That's it." came "What
would you watch for in production, and how would you undo a bad release?", then "Let's stay on
serving and latency a little longer. What else would you consider there?" and "Let's stay on
monitoring and rollback a little longer. What else would you consider there?": five follow-ups
in a row after a full answer, two from one frame. Now a probe about what the candidate already
said in the part is not asked (engine `_is_covered`, the one decision the last chance and the
dig-in use too), a point whose probe was answered fully gets no second one, no frame is used
twice in a round, and after two probes answered fully the part moves on. Fake clock, the bundled
script, the core's fakes."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.probes import PROBES, TRADEOFF_ID, frame_of, tradeoff_frame_of
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

THIN = "I would handle that with a simple rule at first and improve it later. That's it."
SERVING_FULL = ("For serving, I compute the features online from a feature store, the same way as offline to avoid "
                "leakage, and I return the estimate in 50 milliseconds. I monitor the fraction of orders more than "
                "10 minutes late, and I roll back with a canary release if it gets worse. That's it.")
# Full answers (over 20 words) that make none of the data part's talking points.
FULL_BUT_OFF = ("I would start with what the restaurant usually does at that hour, and keep the first version "
                "simple so we ship it soon. That's it.")  # 24 words: the three answers stay under 90 in all


def _engine():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    clock = FakeClock()
    return RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None), clock


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def _started(events):
    return [e.phase for e in events if isinstance(e, PhaseStarted)]


def _to_part(engine, part):
    engine.start()
    while engine.current_phase.id != part:
        events = engine.next_phase()
    return events


def test_after_a_full_answer_on_serving_and_monitoring_no_probe_asks_it_again():
    engine, clock = _engine()
    asks = _asks(_to_part(engine, "serving"))
    said = []
    for _ in range(12):
        ask = asks[-1]
        said.append(ask.text)
        answer = SERVING_FULL if ask.text == PROBES["serving and latency"] else THIN
        clock.advance(25)
        events = engine.answer_finished(answer)
        if _started(events):
            break
        asks = _asks(events)
    assert PROBES["serving and latency"] in said, said
    after = said[said.index(PROBES["serving and latency"]) + 1:]
    # Monitoring and rollback were just answered, and so was serving: the part moves on, after
    # the one request for a tradeoff (none was named: trial 38).
    assert [tradeoff_frame_of(t) is not None for t in after] in ([], [True]), after
    assert _started(events) == ["wrap_up"], after


def test_two_probes_answered_fully_move_the_part_on():
    engine, clock = _engine()
    _to_part(engine, "data_features")
    clock.advance(30)
    events = engine.answer_finished("I would use the delivered timestamps as labels. That's it.")
    probes = []
    for _ in range(8):
        asks = _asks(events)
        if _started(events) or not asks:
            break
        assert asks[0].follow_up_id and asks[0].follow_up_id.startswith(("probe", "bad_taps")), asks
        probes += [a.text for a in asks if a.follow_up_id.startswith("probe") and a.follow_up_id != TRADEOFF_ID]
        clock.advance(30)
        events = engine.answer_finished(FULL_BUT_OFF)
    assert _started(events) == ["model"]
    assert len(probes) == 2, probes


def test_no_probe_frame_twice_in_a_round_and_every_part_probed():
    engine, clock = _engine()
    events = engine.start()
    probes: dict[str, list[str]] = {}
    for _ in range(80):
        if engine.current_phase.id == "wrap_up" or engine.is_over:
            break
        clock.advance(25)
        events = engine.answer_finished(THIN)
        for ask in _asks(events):
            if (ask.follow_up_id or "").startswith("probe"):
                probes.setdefault(engine.current_phase.id, []).append(ask.text)
    frames = [frame_of(t) for texts in probes.values() for t in texts if frame_of(t)]
    assert frames and len(frames) == len(set(frames)), probes
    # The thin-part rule holds in every part that answers a question (trial 32: Model and loss,
    # 0.6 of 9 minutes after one 48-word answer, got none).
    assert {"framing", "data_features", "model", "serving"} <= set(probes), probes


def test_a_follow_up_guessed_covered_is_not_asked_at_the_last_chance_when_its_point_was_made():
    """The last chance (LAST_CHANCE_MIN_LEFT_S) asks a follow-up the matcher skipped on its weighed
    guess alone; not when the talking point it is about was made (the same `_is_covered`)."""
    from interviewer.core.matching import Matcher

    class GuessingMatcher(Matcher):  # skips bad_taps on a guess, never on plain evidence
        def follow_up_needed(self, said, follow_up, question="", earlier="", earlier_by_words=False):
            return follow_up.id != "bad_taps"

        def covered_plainly(self, said, follow_up, earlier=""):
            return False

    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None,
                         matcher=GuessingMatcher())
    _to_part(engine, "data_features")
    clock.advance(30)
    # The labels point ("Labels from completed orders: actual timestamps per stage; noisy ones
    # cleaned"), which bad_taps asks about, is made in words that are not bad_taps' own.
    events = engine.answer_finished("Labels are the actual timestamps from completed orders. That's it.")
    asked = [a.follow_up_id for a in _asks(events)]
    assert asked and "bad_taps" not in asked, asked
    # Without the point made, the guessed follow-up is still asked before the part ends early.
    engine2 = RoundEngine(script, FakeClock(), phase_warning_minutes=None, round_warning_minutes=None,
                          matcher=GuessingMatcher())
    _to_part(engine2, "data_features")
    engine2.clock.advance(30)
    assert [a.follow_up_id for a in _asks(engine2.answer_finished("I'd use the restaurant's prep time. That's it."))] \
        == ["bad_taps"]
