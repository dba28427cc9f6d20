"""Trial 16 item 8: in Monitoring the live-incident twist ("watch time dropped six percent
overnight...") was asked before the part's own question ("How do you monitor it..."), so the
answer was filed under the incident and the monitoring question came afterwards. A twist marked
`after_questions` follows the part's own question; a changed constraint that opens its part
("Before we get into serving, a new constraint...") still comes first."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

ANSWER = ("I would track the metric, alerts on drift, dashboards for latency, and roll back when the "
          "model misbehaves, with shadow traffic and canaries first.")


def _asked_in(phase_id: str) -> list[tuple[str, str | None]]:
    script = load_script(bundled_scripts_dir() / "ml_system_design_feed_ranking.toml")
    clock = FakeClock()
    engine = RoundEngine(script, clock)
    events = engine.start()
    while not engine.is_over and not any(isinstance(e, PhaseStarted) and e.phase == phase_id for e in events):
        clock.advance(20.0)
        events += engine.poll() + engine.answer_finished(ANSWER)
    start = next(i for i, e in enumerate(events) if isinstance(e, PhaseStarted) and e.phase == phase_id)
    events = events[start:]
    for _ in range(6):  # answer whatever the part asks, until it moves on
        clock.advance(20.0)
        new = engine.answer_finished(ANSWER)
        if any(isinstance(e, PhaseStarted) for e in new):
            break
        events += new
    return [(e.question_id, e.follow_up_id) for e in events if isinstance(e, AskQuestion)]


def test_the_incident_comes_after_the_monitoring_question():
    asked = _asked_in("monitoring")
    incident = next(i for i, (_, f) in enumerate(asked) if f == "watch_time_drop")
    own = next(i for i, (q, f) in enumerate(asked) if f is None)
    assert own == 0 and incident > own, asked


def test_a_changed_constraint_still_opens_its_part():
    asked = _asked_in("serving")
    assert asked[0][1] is not None, asked  # "Before we get into serving, a new constraint..."
