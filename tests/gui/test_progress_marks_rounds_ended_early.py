"""Progress's weak-spot table marks a round the candidate ended early, on stored rounds in a real
SQLite store: its areas of questions never reached are not counted as missed, and the rounds it
lists and the counts they make say "ended early: N of M questions reached" (trial leftovers, B1)."""
from __future__ import annotations

from interviewer.app.round_areas import load_progress
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.weak_spots import standings
from interviewer.gui.progress_screen import EARLY_MARK, ProgressScreen
from interviewer.storage import SessionStatus, Store
from interviewer.storage.models import ENDED_EARLY_KIND
from tests.core.analysis.speech import spoken
from tests.storage.test_area_history import DESIGN, MONITORED, MONITORING, SCRIPT, by_id, store_round

SERVING = "serving and latency"


def store_ended_early(store: Store, started_at: float, ran_s: float = 72.0) -> int:
    """The design question answered, then End round (confirmed) before the monitoring question,
    `ran_s` after the start."""
    sid = store.create_session(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, started_at=started_at)
    store.add_phase(sid, "requirements", "Requirements", 10, 0.0)
    question = SCRIPT.question("design")
    aid = store.add_answer(sid, "design", question.text, asked_at=5.0, answer_start=6.0, answer_end=65.0,
                           with_audio=False)
    transcript = spoken(DESIGN)
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analyze_answer(
        transcript, question_text=question.text, round_kind=SCRIPT.kind, expects_clarifying=True,
        expected_topics=[(t.name, t.keywords) for t in question.clarifying_topics],
        question_findings=False).to_dict())
    store.add_finding(sid, ENDED_EARLY_KIND, "Ended early at 1.2 of 45 min.")
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=started_at + ran_s)
    return sid


def test_a_round_ended_early_is_marked_and_its_unreached_areas_not_missed(qapp, tmp_path):
    with Store.open(tmp_path) as store:
        store_round(store, 1_700_000_000, MONITORED)
        # Ended early but long enough to count for the plan, so for weak spots too (a round too
        # short to count is left out of them: tests/gui/test_trial46_short_round_numbers.py).
        early = store_ended_early(store, 1_700_100_000, ran_s=20 * 60)
        data = load_progress(store, by_id)
        screen = ProgressScreen()
        screen.set_areas(data.areas, data.scripts)
        screen.set_progress(data.rows)
    stored = next(r for r in data.areas if r.session_id == early)
    assert stored.ended_early and stored.questions == 2 and stored.unanswered == 1
    assert stored.early_note == "ended early: 1 of 2 questions reached"
    # The monitoring question was never reached: its area measured nothing in that round.
    assert MONITORING not in stored.areas
    monitoring = next(s for s in standings(data.areas, SCRIPT.kind) if s.area == MONITORING)
    assert [c for _, c in monitoring.history] == [True] and monitoring.recent_text == "1 of 1"

    t = screen.area_table
    rows = {t.item(r, 0).text().lower(): r for r in range(t.rowCount())}
    serving = rows[SERVING]
    # Measured in both rounds, the second ended early: its mark and the count say so.
    assert t.item(serving, 3).text() == f"● ●{EARLY_MARK}"
    assert t.item(serving, 2).text() == f"2 of 2{EARLY_MARK}"
    for col in (2, 3):
        assert "Round 2 of 2: ended early: 1 of 2 questions reached" in t.item(serving, col).toolTip()
    assert "(ended early: 1 of 2 questions reached)" in t.item(serving, 2).toolTip().splitlines()[0]
    # The area only the full round measured has no mark.
    row = rows[MONITORING]
    assert t.item(row, 2).text() == "1 of 1" and t.item(row, 3).text() == "●"
    assert "Round " not in t.item(row, 3).toolTip() and "Round " not in t.item(row, 2).toolTip()
    screen.close()
