"""New-user trial 17: at 1280x800 the review's per-answer table scrolled sideways to show
Clarifying Qs and Topics missed (a coding round: latency 18.3 s, pace "187 / 42", 4 long pauses,
4 topics missed). Every column is in view, long text elided with its tooltip."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget

from interviewer.storage import Store

from test_review_short_window import _on_review

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import make_transcript  # noqa: E402

LEAD_IN = ("We're about two minutes in. Let's move from clarifying to your approach. Talk me through how "
           "you'd solve it and what it costs before you write any code.")


def _coding_round(store: Store) -> int:
    sid = store.create_session("coding", "Coding: merging user sessions", "coding", 45, started_at=1_700_000_000)
    for n in range(6):
        aid = store.add_answer(sid, "" if n else "merge", LEAD_IN, asked_at=60.0 * n, answer_start=60.0 * n + 18.3,
                               with_audio=False)
        store.attach_transcript(aid, make_transcript("um so I would sort the sessions by start and merge them"))
        store.attach_analysis(aid, {"word_count": 43, "filler_count": 1, "speaking_seconds": 62.5,
                                    "long_pause_count": 4, "clarifying_question_count": 2, "response_latency": 18.3,
                                    "pace": {"speaking_seconds": 62.5, "articulation_seconds": 13.8},
                                    "topics_missed": ["edge cases", "output format", "sorted input", "in place"]})
        store.finish_answer(aid, answer_end=60.0 * n + 58)
    store.finish_session(sid, ended_at=1_700_000_400)
    return sid


import pytest


@pytest.mark.parametrize("width", [1280, 1200])
def test_every_column_shows_without_scrolling_sideways(qtbot, isolated_dirs, script_dirs, tmp_path, width):
    window, review = _on_review(qtbot, script_dirs, tmp_path)
    with Store.open() as store:
        session = store.get_session(_coding_round(store))
    review.show_session(session)
    review.findChildren(QTabWidget)[0].setCurrentWidget(review.table)
    window.resize(width, 800)
    qtbot.wait(100)
    QApplication.processEvents()
    table = review.table
    assert not table.horizontalScrollBar().isVisible()
    last = table.columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    # Labelled by the question asked, the whole line its tooltip.
    assert table.item(1, 0).text().startswith("2. Talk me through") and table.item(1, 0).toolTip() == LEAD_IN
