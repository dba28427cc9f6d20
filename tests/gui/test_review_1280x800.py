"""Trial 16 (and 14): at about 1280x800 the review's summary took most of the height: the
findings list showed about 2 items, the per-answer table about 4 rows with a sideways scroll
bar and its questions cut to "Design the ...". The summary has its own pane above the rest
(a handle between), the findings and the table share what is left, and the table fits its
pane's width, the question elided with its whole text as the tooltip."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget

from interviewer.storage import Store

from test_review_short_window import _on_review

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import make_transcript, record_tone  # noqa: E402

LONG = ("Design the system that picks the videos shown on the home feed of a short-video app with about "
        "fifty million daily users. Where would you like to start?")


def _busy_round(store: Store) -> int:
    """A round with the trial's load: 12 answers, long questions, a dozen long findings, a full
    ten-second summary."""
    sid = store.create_session("sd-feed", "Home feed recommendations", "ml_system_design", 60,
                               started_at=1_700_000_000)
    phase = store.add_phase(sid, "design", "High-level design", 8, 0.0)
    messages = [
        ("went_silent", "Went silent for 18.3 s; think aloud instead of pausing while you work it out.", "problem"),
        ("fillers", "3 filler words in a short answer of 28 words, all within 10 s; slow down a little.", "problem"),
        ("clarifying_questions", "Did not ask about: success metric, data size, users, cold start, content policy.",
         "problem"),
        ("structure", "Stated a plan before diving in, and came back to it at the end of the answer.", "good"),
        ("depth", "Edge cases: and cache them, use a smaller distilled ranker and fall back to a popularity list.",
         "good"),
        ("numbers", "Numbers and units: candidates from retrieval, ranked, filtered, 20 videos returned.", "good"),
    ]
    for n in range(12):
        aid = store.add_answer(sid, f"q{n}", LONG, asked_at=30.0 * n, answer_start=30.0 * n + 2)
        record_tone(store.audio_path_for(sid, aid))
        store.finish_answer(aid, answer_end=30.0 * n + 25)
        store.attach_transcript(aid, make_transcript("um so I would uh rank the candidates and check the latency"))
        store.attach_analysis(aid, {"word_count": 12, "filler_count": 2, "speaking_seconds": 20.0,
                                    "long_pause_count": 1, "clarifying_question_count": 0,
                                    "topics_missed": ["success metric", "data size", "users", "cold start"]})
        kind, message, severity = messages[n % len(messages)]
        store.add_finding(sid, kind, message, answer_id=aid, start=0.5, end=2.0, details={"severity": severity})
    store.end_phase(phase, 360.0)
    store.finish_session(sid, ended_at=1_700_000_400)
    return sid


def _review_with(qtbot, script_dirs, tmp_path, size):
    window, review = _on_review(qtbot, script_dirs, tmp_path)
    with Store.open() as store:
        session = store.get_session(_busy_round(store))
    review.show_session(session)
    review.findChildren(QTabWidget)[0].setCurrentWidget(review.table)
    window.resize(*size)
    qtbot.wait(100)
    QApplication.processEvents()
    return window, review


def _rows_in_view(view, count: int) -> int:
    return sum(1 for r in range(count)
               if 0 <= view.rowViewportPosition(r) and view.rowViewportPosition(r) + view.rowHeight(r)
               <= view.viewport().height())


def _findings_in_view(review) -> int:
    listed = review.findings
    return sum(1 for i in range(listed.count())
               if listed.viewport().rect().contains(listed.visualItemRect(listed.item(i))))


def test_at_1280x800_six_findings_and_eight_answers_show_without_scrolling_sideways(
        qtbot, isolated_dirs, script_dirs, tmp_path):
    window, review = _review_with(qtbot, script_dirs, tmp_path, (1280, 800))
    table = review.table
    assert review.findings.count() >= 12 and table.rowCount() == 12
    assert _findings_in_view(review) >= 6, _findings_in_view(review)
    assert _rows_in_view(table, table.rowCount()) >= 8, (table.viewport().height(), table.rowHeight(0))
    assert not table.horizontalScrollBar().isVisible()
    # Every column is in view; the question elided, its whole text the tooltip.
    last = table.columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert table.item(0, 0).toolTip() == LONG
    assert table.columnWidth(0) >= table.QUESTION_MIN_PX
    # The summary keeps a pane of its own, in view, with its heading; the page does not scroll.
    assert review.summary_area.height() >= 4 * review.fontMetrics().lineSpacing()
    assert window.stack.currentWidget().verticalScrollBar().maximum() == 0
    assert review.transcript.width() >= 400


def test_at_1024x700_the_findings_and_table_still_work(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, review = _review_with(qtbot, script_dirs, tmp_path, (1024, 700))
    table = review.table
    assert not table.horizontalScrollBar().isVisible()
    assert _findings_in_view(review) >= 3
    assert _rows_in_view(table, table.rowCount()) >= 4
    assert review.summary_area.height() >= 4 * review.fontMetrics().lineSpacing()


def test_the_summary_pane_keeps_a_dragged_split(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, review = _review_with(qtbot, script_dirs, tmp_path, (1280, 800))
    review.body.moveSplitter(300, 1)
    QApplication.processEvents()
    dragged = review.body.sizes()[0]
    review.main.moveSplitter(600, 1)  # and the transcript's width
    QApplication.processEvents()
    wide = review.main.sizes()[0]
    window.resize(1300, 820)
    qtbot.wait(50)
    assert abs(review.body.sizes()[0] - dragged) <= 20
    assert abs(review.main.sizes()[0] - wide) <= 30
