"""Trial 14: Home called a round "ended early" by its clock alone (under 80 % of its length) while
the review said so only of a round the candidate ended with End round; for one round they
disagreed. One rule now (core.analysis.phases.ended_early, stored as the round's finding): a
round the candidate ended well before its time is early; one that ran out of time or finished
its script is not, however short. Home's list, Home's count and the review's summary agree."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.analysis.report import analyze_round
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.gui.test_delete_round import _window

START = 1_700_000_000.0


def _round(store: Store, title: str, minutes: float, ended_by: str, n: int) -> int:
    """A 45-minute coding round stored as the app stores it, its one part ended after `minutes`
    on the round clock by `ended_by` ("stopped": End round; "agenda": its script was done)."""
    sid = store.create_session("c", title, "coding", 45, started_at=START + n * 86_400)
    phase = store.add_phase(sid, "clarify", "Clarify", 45, started_at=0.0)
    aid = store.add_answer(sid, "q", "Find the top k.", asked_at=5.0, answer_start=6.0, answer_end=60.0,
                           with_audio=False, phase_id="clarify")
    store.attach_transcript(aid, spoken("I would keep a heap of the k largest counts and a map of counts."))
    store.end_phase(phase, minutes * 60)
    for f in analyze_round([], [("clarify", 45, minutes * 60)], ended_by={"clarify": ended_by}).findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, details={"severity": f.severity})
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=START + n * 86_400 + minutes * 60)
    return sid


def test_home_and_the_review_give_one_round_the_same_status(qtbot, isolated_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        ended = _round(store, "Ended round", 20.0, "stopped", 0)  # End round at 20 of 45 min
        done = _round(store, "Done round", 20.0, "agenda", 1)  # its script finished at 20 of 45 min
        statuses = {sid: store.get_session(sid).status_text for sid in (ended, done)}
    assert statuses == {ended: "ended early", done: "completed"}  # what the exports and the CLI say
    window = _window(qtbot, data)
    rows = {window.home.recent_list.item(i).data(Qt.ItemDataRole.UserRole): window.home.recent_list.item(i).text()
            for i in range(window.home.recent_list.count())}
    qtbot.waitUntil(lambda: "ended early" in window.home.progress_label.text(), timeout=5000)
    home_count = window.home.progress_label.text()
    reviews = {}
    for sid in (ended, done):
        window.review.open(sid)
        qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
        reviews[sid] = window.review_screen.summary.text()
    wait_for_background_work()
    assert "ended after 20.0 of 45 min" in rows[ended] and "Ended early" in reviews[ended]
    assert "ended after" not in rows[done] and "Ended early" not in reviews[done]
    assert "2 rounds: 1 completed, 1 ended early." in home_count
    window.shutdown()
