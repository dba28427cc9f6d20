"""How long the round took, in the exports: on the round clock, as the review's timeline and its
"Ended early" finding count it. A trial's export said "Took 4.3 min" (the wall clock, from the
start to the saved end) beside the review's "You ended the round at 4.2 of 45 min planned"; a
round paused for ten minutes for a doorbell read as ten minutes longer than it was."""
from interviewer.export.report import build_report


def test_the_export_gives_the_rounds_length_on_the_round_clock_not_the_wall_clock(store):
    sid = store.create_session("feed", "Feed ranking", "ml_system_design", 45, started_at=1_700_000_000)
    first = store.add_phase(sid, "clarify", "Clarifying", 5, started_at=0.0)
    store.end_phase(first, 130.0)
    second = store.add_phase(sid, "design", "Design", 40, started_at=130.0)
    store.end_phase(second, 252.0)  # ended with Ctrl+E at 4.2 min on the round clock
    # ... after a ten-minute pause, so the wall clock says 14.3 min.
    store.finish_session(sid, ended_at=1_700_000_000 + 252.0 + 600.0 + 6.0)
    facts = build_report(store.get_session(sid), script=None).facts
    assert facts["Took"] == "4 min 12 s on the round clock", facts
