"""Trial 44 (D8): Progress marked round 2 "round cut short" (a hollow point: 4 of 45 min, parts
left with N) while its review said "Round finished" (the interviewer closed it). One rule
(core.practice_plan.is_cut_short) decides both: Progress' cut_short_notes and the review's label
(round_end_label). Stored rounds (real SQLite), through Progress' notes and the review screen."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_round
from interviewer.core.practice_plan import cut_short_notes, practised_rounds, round_end_label
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.gui.test_delete_round import _window
from tests.gui.test_plan_counts_rounds_that_ended_themselves import START, stored_round


def _closed_after_next(store: Store, minutes: float) -> int:
    """A 45-minute round of two parts: the first left with N after a minute, the second closed by
    the interviewer (its questions done) at `minutes` on the round clock."""
    sid = store.create_session("s", "Behavioral", "behavioral", 45, started_at=START)
    first = store.add_phase(sid, "conflict", "Conflict", 20, started_at=0.0)
    aid = store.add_answer(sid, "q", "Tell me about a conflict.", asked_at=5.0, answer_start=6.0, answer_end=50.0,
                           with_audio=False, phase_id="conflict")
    store.attach_transcript(aid, spoken("We disagreed about the launch date and I wrote up both options."))
    store.end_phase(first, 60.0)
    second = store.add_phase(sid, "trust", "Trust", 25, started_at=60.0)
    store.end_phase(second, minutes * 60)
    plan = [("conflict", 20, 60.0), ("trust", 25, minutes * 60 - 60.0)]
    for f in analyze_round([], plan, ended_by={"conflict": "next", "trust": "agenda"}).findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, details=f.stored_details())
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=START + minutes * 60)
    return sid


def test_progress_and_the_review_agree_on_cut_short(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        cut = _closed_after_next(store, 4.2)
        done = stored_round(store, "ml_breadth", 7.6, "agenda", 2)  # every question asked: finished
        rows = store.progress()
    notes = cut_short_notes(practised_rounds(rows))
    assert cut in notes and done not in notes
    window = _window(qtbot, data)
    summaries = {}
    for sid in (cut, done):
        window.review.open(sid)
        qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
        summaries[sid] = window.review_screen.summary.text()
    wait_for_background_work()
    assert "Round finished" not in summaries[cut] and summaries[cut].startswith("<b>Cut short:</b>"), summaries[cut]
    assert summaries[done].startswith("<b>Round finished:</b>")
    window.shutdown()


def test_round_end_label_follows_the_plan_rule():
    assert round_end_label(False, False, 4.2 * 60, 45) == "Cut short"
    assert round_end_label(True, False, 4.2 * 60, 45) == "Round finished"
    assert round_end_label(False, False, 20 * 60, 45) == "Round finished"
