"""Issue 12: the engine moves on early when a phase's agenda is done, on the candidate's Next
key, and pauses; round time is clock time minus paused time, never a sum of ticks."""
from engine_scripts import design_round, short_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseEndingSoon, PhaseStarted, RoundEngine, TimeUp


def started(events):
    return [(e.phase, e.at) for e in events if isinstance(e, PhaseStarted)]


def test_a_phase_whose_agenda_is_done_hands_over_at_once_and_the_time_saved_goes_to_later_phases():
    clock = FakeClock(50.0)
    engine = RoundEngine(design_round(), clock)  # 5 + 10 + 25 + 15 + 5 minutes
    engine.start()
    clock.advance(60)
    # The intro has no questions: once the candidate is done introducing themselves, it ends.
    events = engine.answer_finished("I build ranking systems")
    assert started(events) == [("clarify", 60.0)]
    assert isinstance(events[-1], AskQuestion) and events[-1].question_id == "feed"
    # 240 s saved, shared by the later work phases in proportion to their plan (10:25:15 minutes);
    # the wrap-up, which takes the candidate's questions, keeps its 5 minutes.
    k = (3600 - 60 - 300) / 3000
    assert engine.time_left_in_phase() == pytest_approx(600 * k)
    # The round still ends exactly on time, and nothing is said about the old plan.
    while not engine.is_over:
        clock.advance(5)
        events += engine.poll()
    assert events[-1] == TimeUp(3600.0)
    assert started(events)[1:] == [("design", pytest_approx(60 + 600 * k)),
                                   ("deep", pytest_approx(60 + 2100 * k)),
                                   ("wrap", pytest_approx(3300))]
    warnings = [e for e in events if isinstance(e, PhaseEndingSoon)]
    assert [w.phase for w in warnings] == ["clarify", "design", "deep", "wrap"]
    ends = [60 + 600 * k, 60 + 2100 * k, 3300, 3600]
    assert [w.at for w in warnings] == [pytest_approx(end - 120) for end in ends]
    phases = engine.timeline.phases
    assert [p.planned_start for p in phases] == [0, 300, 900, 2400, 3300]  # the script's plan is kept
    assert phases[-1].ended_at == 3600.0


def pytest_approx(x):
    import pytest

    return pytest.approx(x, abs=1e-6)


def test_last_phase_does_not_end_the_round_early_on_its_own():
    clock = FakeClock()
    engine = RoundEngine(short_round((1, 44)), clock)
    engine.start()
    clock.advance(10)
    assert started(engine.answer_finished("done")) == [("p1", 10.0)]
    clock.advance(10)
    assert engine.answer_finished("done too") == []  # the last phase: the caller offers to end
    assert not engine.has_next_phase and engine.phase_agenda_done and not engine.is_over


def test_next_key_moves_on_now_and_drops_the_rest_of_the_phase():
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.advance(300)
    engine.poll()  # clarify: the feed question is open, with follow-ups to come
    clock.advance(20)
    events = engine.next_phase()
    assert started(events) == [("design", 320.0)]
    assert [e.question_id for e in events if isinstance(e, AskQuestion)] == ["features"]
    assert engine.timeline.asks[0].answered_at == 320.0
    assert engine.timeline.phases[1].ended_at == 320.0


def test_next_key_in_the_last_phase_does_nothing():
    clock = FakeClock()
    engine = RoundEngine(short_round((1, 44)), clock)
    engine.start()
    clock.advance(61)
    engine.poll()
    assert engine.next_phase() == [] and not engine.is_over


def test_without_move_on_early_the_engine_waits_for_the_clock():
    clock = FakeClock()
    engine = RoundEngine(short_round((1, 44)), clock, move_on_early=False)
    engine.start()
    clock.advance(10)
    assert engine.answer_finished("done") == []


def test_pause_stops_both_clocks_and_nothing_falls_due():
    clock = FakeClock(100.0)
    engine = RoundEngine(short_round((1, 44)), clock)
    engine.start()
    clock.advance(30)
    assert engine.pause()
    assert not engine.pause()  # already paused
    clock.advance(600)  # a ten-minute doorbell: the first phase (1 minute) must not end
    assert engine.poll() == []
    assert engine.elapsed() == 30.0 and engine.time_left_in_phase() == 30.0
    assert engine.time_left_in_round() == 45 * 60 - 30
    assert engine.resume()
    assert engine.timeline.pauses[0].at == 30.0 and engine.timeline.pauses[0].seconds == 600.0
    clock.advance(29)
    assert engine.poll() == []
    clock.advance(1)
    assert started(engine.poll()) == [("p1", 60.0)]
    # Deadlines come from the start time minus paused time: a second pause is subtracted too.
    engine.pause()
    clock.advance(50)
    engine.resume()
    clock.advance(44 * 60 - 1)
    assert not any(isinstance(e, TimeUp) for e in engine.poll()) and engine.time_left_in_round() == 1.0
    clock.advance(1)
    assert engine.poll()[-1] == TimeUp(2700.0)


def test_stop_while_paused_keeps_the_pause_and_freezes_at_its_start():
    clock = FakeClock()
    engine = RoundEngine(short_round(), clock)
    engine.start()
    clock.advance(40)
    engine.pause()
    clock.advance(100)
    engine.stop()
    assert engine.elapsed() == 40.0 and engine.timeline.pauses[0].seconds == 100.0
    assert engine.timeline.phases[-1].ended_at == 40.0
