"""Trial 14: Home called a round "ended early" by its clock alone (under 80 % of its length) while
the review said so only of a round the candidate ended with End round; for one round they
disagreed. One rule now (core.analysis.phases.ended_early, stored as the round's finding): a
round the candidate ended well before its time is early; one that ran out of time or finished
its script is not, however short. Home's list, Home's count and the review's summary agree."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from tests.gui.test_delete_round import _window
from tests.gui.test_plan_counts_rounds_that_ended_themselves import stored_round



def _round(store: Store, title: str, minutes: float, ended_by: str, n: int) -> int:
    """A 45-minute coding round, its one part ended after `minutes` by `ended_by` ("stopped":
    End round; "agenda": its script was done)."""
    return stored_round(store, "coding", minutes, ended_by, n, title=title, phase_id="clarify")


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
    assert "ended after 20 min of 45 min" in rows[ended] and "Ended early" in reviews[ended]
    assert "ended after" not in rows[done] and "Ended early" not in reviews[done]
    assert "2 rounds: 1 completed, 1 ended early." in home_count
    window.shutdown()
