"""Trial 16: in a 60-minute design round whose parts were done early, Monitoring (8 minutes
planned) started at 8:49 with its phase clock at "46:11", because the saved time goes to the
parts left (`_share_rest`). The phase clock now counts the part's planned minutes from when it
actually started, then the time spent past them; the round's spoken time is its real time left."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPTS = {s.id: s for s in discover_scripts(bundled_scripts_dir(),
                                             user_dir=bundled_scripts_dir() / "no-such-folder").scripts}
FEED = SCRIPTS["ml_system_design_feed_ranking"]  # 2+8+8+10+10+9+8 minutes of work, then 5 of questions


def _early_round(until: str):
    """The feed round with every part left about a minute and a quarter in, up to `until`."""
    clock = FakeClock(100.0)
    engine = RoundEngine(FEED, clock)
    events = engine.start()
    while engine.current_phase.id != until:
        clock.advance(75)
        events += engine.poll() + engine.next_phase()
    return clock, engine, events


def test_a_short_part_started_early_shows_its_planned_minutes_not_the_saved_time():
    clock, engine, _ = _early_round("monitoring")
    assert engine.elapsed() == pytest.approx(6 * 75)
    assert engine.time_left_in_phase() > 40 * 60  # the round gives it the saved time ...
    assert engine.phase_clock() == pytest.approx(8 * 60)  # ... the clock shows its 8 planned minutes
    clock.advance(3 * 60)
    assert engine.phase_clock() == pytest.approx(5 * 60)
    # Past its plan, with saved time still to use: the time spent past it, not a new countdown.
    clock.advance(6 * 60)
    assert engine.phase_clock() == pytest.approx(-60)
    assert engine.time_left_in_phase() > 30 * 60


def test_a_part_on_its_planned_time_shows_the_same_as_the_time_left_in_it():
    clock = FakeClock()
    engine = RoundEngine(FEED, clock)
    engine.start()
    clock.advance(5 * 60)
    engine.poll()
    assert engine.current_phase.id == "requirements"
    assert engine.phase_clock() == pytest.approx(engine.time_left_in_phase()) == pytest.approx(5 * 60)


def test_the_last_part_says_the_rounds_real_time_left_when_the_work_was_done_early():
    clock, engine, events = _early_round("wrap_up")
    prompt = [e for e in events if isinstance(e, PhaseStarted)][-1].prompt
    # Started at 8:45, only the candidate's questions left: the round ends 5 minutes later.
    assert engine.time_left_in_round() == pytest.approx(5 * 60)
    # Said as the time for this part, not "left" (trial 36: "We're about nine minutes in. We
    # have about four minutes left." read as a contradiction of the round's planned minutes).
    # Nor with the round's elapsed minutes first (trial 38): the part's own time only.
    assert prompt.startswith("We have about five minutes for this part.") and "minutes in" not in prompt
    assert "left" not in prompt
    assert engine.phase_clock() == pytest.approx(5 * 60)
