"""New-user trial 21, item 13: at 1600x1000 the review's findings list stayed a small box with
its last row half cut, above a mostly empty per-answer table: it was sized by one-line rows
while its findings wrap."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget

from interviewer.storage import Store

from test_review_short_window import _on_review

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import make_transcript, record_tone  # noqa: E402

FINDING = ("Long pause of 4.3 s in the middle of the approach; say what you are weighing instead of going "
           "quiet, so the interviewer can follow your thinking and help if you are stuck on a detail.")


def _few_answers_many_findings(store: Store) -> int:
    sid = store.create_session("c1", "Merge intervals", "coding", 45, started_at=1_700_000_000)
    phase = store.add_phase(sid, "approach", "Approach", 8, 0.0)
    for n in range(3):
        aid = store.add_answer(sid, f"q{n}", "You're given a list of intervals. Merge the overlapping ones.",
                               asked_at=40.0 * n, answer_start=40.0 * n + 2)
        record_tone(store.audio_path_for(sid, aid))
        store.finish_answer(aid, answer_end=40.0 * n + 30)
        store.attach_transcript(aid, make_transcript("so I would sort them and then merge in one pass"))
        store.attach_analysis(aid, {"word_count": 11, "filler_count": 0, "speaking_seconds": 20.0,
                                    "long_pause_count": 1, "clarifying_question_count": 0})
        for k in range(3):
            store.add_finding(sid, "long_pause", FINDING, answer_id=aid, start=1.0 + k, end=5.0 + k,
                              details={"severity": "problem"})
    store.end_phase(phase, 150.0)
    store.finish_session(sid, ended_at=1_700_000_200)
    return sid


def test_at_1600x1000_the_findings_show_whole_rows_and_use_the_room(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, review = _on_review(qtbot, script_dirs, tmp_path)
    with Store.open() as store:
        session = store.get_session(_few_answers_many_findings(store))
    review.show_session(session)
    review.findChildren(QTabWidget)[0].setCurrentWidget(review.table)
    window.resize(1600, 1000)
    qtbot.wait(100)
    QApplication.processEvents()
    listed = review.findings
    assert listed.count() == 9
    bottoms = [listed.visualItemRect(listed.item(i)).bottom() for i in range(listed.count())]
    shown = [b for b in bottoms if b <= listed.viewport().height()]
    # No row cut across: the list ends at a row's end or shows them all.
    assert listed.verticalScrollBar().maximum() == 0 or len(shown) >= 6, (bottoms, listed.viewport().height())
    # With three answers, the table below does not keep a tall empty box while findings scroll.
    table = review.table
    table_used = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
    if listed.verticalScrollBar().maximum() > 0:
        assert table.viewport().height() - table_used < 4 * table.rowHeight(0), (table.viewport().height(), table_used)


def test_answers_to_one_question_are_told_apart_in_the_table(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Trial 21: two rows both read "You're given a list o…" in the per-answer table."""
    from PySide6.QtCore import Qt

    window, review = _on_review(qtbot, script_dirs, tmp_path)
    with Store.open() as store:
        session = store.get_session(_few_answers_many_findings(store))
    review.show_session(session)
    review.findChildren(QTabWidget)[0].setCurrentWidget(review.table)
    window.resize(1280, 800)
    qtbot.wait(100)
    QApplication.processEvents()
    table = review.table
    width = table.columnWidth(0) - 8
    shown = [table.fontMetrics().elidedText(table.item(r, 0).text(), Qt.TextElideMode.ElideRight, width)
             for r in range(table.rowCount())]
    assert len(set(shown)) == table.rowCount() == 3, shown  # told apart where the column cuts them
    assert all(table.item(r, 0).toolTip().startswith("You're given a list of intervals") for r in range(3))
