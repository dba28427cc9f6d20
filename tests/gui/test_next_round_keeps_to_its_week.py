"""Trial 22 item 12: after an ML system design round ended at 4.6 of 60 min (too short to count
for any week), Home's "Next step" said "Next: week 1, ML breadth, coding and phone-screen rounds.
Next round: ML system design, ..." : a round the plan does not count moved the proposal, and the
proposal contradicted its own week without saying why. Stored rounds (real SQLite), through the
plan functions and the window's Home."""
from __future__ import annotations

from interviewer.app.round_areas import load_progress
from interviewer.core.analysis.report import analyze_answer, analyze_round
from interviewer.core.practice_plan import (build_plan, counted_areas, practised_rounds, propose_next_round,
                                            track_plan)
from interviewer.core.scripts.areas import area_name
from interviewer.core.weak_spots import AreaResult
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.gui.test_delete_round import _window

START = 1_700_000_000.0
METRICS = "evaluation metrics"


def _design_round(store: Store, minutes: float, ended_by: str, n: int) -> int:
    """A 60-minute design round of one analysed answer, ended after `minutes` by `ended_by`, whose
    talking points missed the evaluation metrics."""
    sid = store.create_session("s", f"Round {n}", "ml_system_design", 60, started_at=START + n * 86_400)
    phase = store.add_phase(sid, "main", "Main", 60, started_at=0.0)
    aid = store.add_answer(sid, "q", "How would you design it?", asked_at=5.0, answer_start=6.0, answer_end=60.0,
                           with_audio=False, phase_id="main")
    transcript = spoken("I would join the events with the labels and train a boosted tree model.")
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analyze_answer(transcript).to_dict())
    store.end_phase(phase, minutes * 60)
    for f in analyze_round([], [("main", 60, minutes * 60)], ended_by={"main": ended_by}).findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, details={"severity": f.severity})
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=START + n * 86_400 + minutes * 60)
    store.save_round_areas(sid, [AreaResult(METRICS, 2, 0)], "keywords")
    return sid


def _proposal(data):
    with Store.open(data) as store:
        progress = load_progress(store, lambda _id: None)
    practised = practised_rounds(progress.rows)
    weeks = track_plan(build_plan(8), [(r.session_id, r.kind) for r in practised.rounds], practised.cut_short,
                       practised.too_short)
    return propose_next_round(weeks, counted_areas(progress.areas, practised))


def test_a_round_not_counted_does_not_move_the_next_round(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        _design_round(store, 4.6, "stopped", 0)  # End round at 4.6 of 60 min: not counted
    proposal = _proposal(data)
    assert proposal.kind in build_plan(8)[0].kinds and proposal.reason.startswith("week 1: ")
    window = _window(qtbot, data)
    qtbot.waitUntil(lambda: "Practice plan" in window.home.progress_label.text(), timeout=5000)
    wait_for_background_work()
    text = window.home.progress_label.text()
    assert "Next round, for week 1 (ML breadth" in text and "ML system design" not in text, text
    window.shutdown()


def test_a_next_round_outside_its_week_says_why(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        _design_round(store, 55.0, "time", 0)  # counted: its week is week 3, the next is still week 1
    proposal = _proposal(data)
    assert proposal.kind == "ml_system_design" and METRICS in proposal.focus
    weakest = area_name(proposal.focus[0])  # a depth signal's area may come first; all were missed
    assert proposal.reason == (f"outside week 1: your weakest area, {weakest}, is practised in "
                               "ML system design rounds and was not covered in the last one")
    window = _window(qtbot, data)
    qtbot.waitUntil(lambda: "Practice plan" in window.home.progress_label.text(), timeout=5000)
    wait_for_background_work()
    text = window.home.progress_label.text()
    # One next step, not "Next: week 1, ML breadth..." beside "Next round: ML system design" (trial 32).
    assert text.count("Next") == 1, text
    assert text.count("Next round: ML system design") == 1, text
    assert (", outside week 1 (ML breadth, coding and phone-screen rounds) because "
            f"{proposal.reason.removeprefix('outside week 1: ')}.") in text
    window.shutdown()
