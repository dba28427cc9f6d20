"""Trial 16: a 60-minute design round ended with End round at 9.9 min ticked no week ("ended
early" on Home), yet the plan counted it toward "Three ML system design rounds in a row covering
monitoring and rollback (1/3 in a row)", and nothing said why it did not count for its week;
Progress > Weak spots said "Each completed round...". The checkpoints now follow the weeks' rule
(core.practice_plan.practised_rounds), and Progress says why a round did not count. Stored rounds
(real SQLite), through the plan functions and the Progress screen."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_answer, analyze_round
from interviewer.core.practice_plan import (build_plan, counted_areas, not_counted_reasons, practised_rounds,
                                            readiness)
from interviewer.core.weak_spots import AreaResult
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.gui.test_delete_round import _window

START = 1_700_000_000.0
MONITORING = "Three ML system design rounds in a row covering monitoring and rollback"


def _design_round(store: Store, minutes: float, ended_by: str, n: int, kind: str = "ml_system_design") -> int:
    """A 45-minute design round of one analysed answer, ended after `minutes` by `ended_by`, whose
    talking points covered monitoring and rollback."""
    sid = store.create_session("s", f"Round {n}", kind, 45, started_at=START + n * 86_400)
    phase = store.add_phase(sid, "main", "Main", 45, started_at=0.0)
    aid = store.add_answer(sid, "q", "How do you monitor it?", asked_at=5.0, answer_start=6.0, answer_end=60.0,
                           with_audio=False, phase_id="main")
    transcript = spoken("I would watch drift and roll back with a canary if the model metrics drop.")
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analyze_answer(transcript).to_dict())
    store.end_phase(phase, minutes * 60)
    for f in analyze_round([], [("main", 45, minutes * 60)], ended_by={"main": ended_by}).findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, details={"severity": f.severity})
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=START + n * 86_400 + minutes * 60)
    store.save_round_areas(sid, [AreaResult("monitoring and rollback", 2, 2)], "keywords")
    return sid


def _stored(data):
    with Store.open(data) as store:
        early = _design_round(store, 9.9, "stopped", 0)  # End round at 9.9 of 45 min
        full = _design_round(store, 40.0, "time", 1)
        return early, full, store.progress(), store.area_history()


def test_a_round_too_short_for_its_week_is_no_checkpoint_round_either_and_says_why(tmp_path):
    early, full, rows, areas = _stored(tmp_path / "data")
    practised = practised_rounds(rows)
    assert practised.too_short == {early}
    assert not_counted_reasons(practised) == {
        early: "ended early at 9 min 54 s of 45 min: a round counts for its week and checkpoints from a third of its length"}
    statuses = readiness(build_plan(8), counted_areas(areas, practised))
    status = next(s for s in statuses if s.checkpoint.text == MONITORING)
    assert status.best == 1 and status.session_ids == (full,)  # the full round only, not 2 in a row


def test_progress_says_why_a_round_did_not_count(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    _stored(data)
    window = _window(qtbot, data)
    qtbot.waitUntil(lambda: "Practice plan" in window.home.progress_label.text(), timeout=5000)
    wait_for_background_work()
    screen = window.progress_screen
    lines = [screen.plan_list.item(i).text() for i in range(screen.plan_list.count())]
    assert any(f"Checkpoint: {MONITORING} (1/3 in a row)" in line for line in lines), lines
    assert any(line.startswith("Not counted: ") and "Round 0" in line
               and "ended early at 9 min 54 s of 45 min: a round counts for its week and checkpoints from a third of its "
                   "length." in line for line in lines), lines
    assert "Each completed round" not in screen.area_note.text()
    window.shutdown()


def test_a_not_counted_line_does_not_look_like_a_to_do(qtbot, isolated_dirs, tmp_path):
    """Trial 18: "Not counted: ..." lines had the empty circle of the weeks and checkpoints still
    to do, so they read as one more box to tick. They are notes: another mark, muted text."""
    from PySide6.QtGui import QColor

    from interviewer.gui import theme

    data = tmp_path / "data"
    _stored(data)
    window = _window(qtbot, data)
    qtbot.waitUntil(lambda: "Practice plan" in window.home.progress_label.text(), timeout=5000)
    wait_for_background_work()
    plan = window.progress_screen.plan_list
    items = [plan.item(i) for i in range(plan.count())]
    note = next(i for i in items if i.text().startswith("Not counted: "))
    todo = next(i for i in items if i.text().endswith(" - to do"))
    image = lambda item: item.icon().pixmap(20, 20).toImage()  # noqa: E731
    assert image(note) != image(todo)
    assert note.foreground().color() == QColor(theme.current().text_muted)
    window.shutdown()


def test_next_step_says_a_kind_was_practised_in_a_round_that_did_not_count(qtbot, isolated_dirs, tmp_path):
    """Trial 27: after an ML breadth round ended early (too short to count), Home's next step
    still said "Next round: ML breadth... (week 1: no round of this kind yet)"."""
    from interviewer.core.practice_plan import propose_next_round, track_plan

    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = _design_round(store, 5.0, "stopped", 0, kind="ml_breadth")
        rows = store.progress()
    practised = practised_rounds(rows)
    assert practised.too_short == {sid}
    plan = build_plan(8)
    progress = track_plan(plan, [(r.session_id, r.kind) for r in practised.rounds], practised.cut_short,
                          practised.too_short)
    proposal = propose_next_round(progress, [], not_counted=["ml_breadth"])
    assert proposal.kind == "ml_breadth"
    assert proposal.reason == "week 1: no counted round of this kind yet; 1 ended early and was not counted"
    window = _window(qtbot, data)
    qtbot.waitUntil(lambda: "Practice plan" in window.home.progress_label.text(), timeout=5000)
    wait_for_background_work()
    text = window.progress_screen.plan_summary.text()
    assert "Next round, for week 1 (" in text
    assert "(no counted round of this kind yet; 1 ended early and was not counted)." in text, text
    assert "no round of this kind yet" not in text
    window.shutdown()
