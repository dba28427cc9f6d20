"""New-user trial 19: the review was cramped. At 1280x800 the summary pane cut its "Ended early"
line in half and hid the round's numbers and the timeline until it was scrolled, the per-answer
table read "Design t..." and "latency..." over a sideways scroll bar, and the talking points
showed 1.5 items beside an outline, under three paragraphs. The ten-second summary keeps the
pane (whole lines), the numbers and the timeline are a tab (the title's "Ended early" links to
it), the question column gets the width to read, and the checklist the tab's width."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator

from interviewer.core.analysis.coverage import COVERED, MISSED, PARTLY, Evidence, GroupCoverage, PointCoverage, QuestionCoverage
from interviewer.gui.review_screen import ROUND_TAB, _label_lines
from interviewer.storage import Store

from test_review_1280x800 import _busy_round, _findings_in_view, _rows_in_view
from test_review_short_window import _on_review

ENDED = ("You ended the round with Next at 9.2 of 60 min planned, in Summary and your questions. Moved on "
         "early with Next from: Ranking model, Serving, Monitoring and rollback.")


def _question(n: int) -> QuestionCoverage:
    said = Evidence(1, "Let's stay within the latency budget: cache results for popular queries and only rank "
                       "the top 200 candidates with the tree model.", 1.0, 3.0, 0.8)
    points = tuple(PointCoverage(i, f"Point {i} of question {n}: sizes pinned down, queries per second at peak, "
                                    "catalogue size", None, status, 0.7, evidence=(said,) if status != MISSED else ())
                   for i, status in enumerate((COVERED, PARTLY, MISSED)))
    return QuestionCoverage(f"q{n}", "Design the system that ranks the results when someone types a query into "
                            "the search box of a large online shop. Where would you like to start?", "design",
                            points, ("Ask who searches", "Pin down scale", "Offline metric, then an A/B test"))


def _trial_review(qtbot, script_dirs, tmp_path, size):
    window, review = _on_review(qtbot, script_dirs, tmp_path)
    with Store.open() as store:
        sid = _busy_round(store)
        store.add_finding(sid, "round_ended_early", ENDED, details={"severity": "note"})
        session = store.get_session(sid)
    review.show_session(session)
    review.coverage.set_coverage([_question(n) for n in range(4)],
                                 [GroupCoverage("Requirements", 3, 1, 1, 1), GroupCoverage("Design", 9, 3, 3, 3)],
                                 "Topic areas covered: 11 of 14 areas (1 question not reached, not "
                                 "counted). Missed: Evaluation metrics (talking points: 2 of 2 covered, but heard "
                                 "in 1 of 5 questions that called for it); Tradeoffs")
    review.tabs.setCurrentWidget(review.table)
    window.resize(*size)
    qtbot.wait(100)
    QApplication.processEvents()
    return window, review


def _inside(widget, area) -> bool:
    """The whole widget shows inside the scroll area's viewport."""
    top_left = widget.mapTo(area.viewport(), QPoint(0, 0))
    return area.viewport().rect().contains(QRect(top_left, widget.size()))


def _cut_lines(review) -> list[str]:
    """The ten-second summary's lines that the bottom of its pane cuts across."""
    viewport = review.summary_area.viewport()
    cut = []
    for label in (review.ten_seconds.strengths, review.ten_seconds.fixes):
        offset = label.mapTo(viewport, QPoint(0, 0)).y()
        cut += [label.text()[:40] for top, bottom in _label_lines(label)
                if offset + top < viewport.height() < offset + bottom]
    return cut


@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000)])
def test_the_review_shows_its_summary_whole_and_its_tables_readable(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                    size):
    window, review = _trial_review(qtbot, script_dirs, tmp_path, size)
    assert window.stack.currentWidget().verticalScrollBar().maximum() == 0  # the page does not scroll
    # The ten-second summary whole, in a pane that does not scroll.
    assert review.summary_area.verticalScrollBar().maximum() == 0
    assert _inside(review.ten_seconds, review.summary_area) and not _cut_lines(review)
    # Trial 16's counts hold: six findings and eight answers in view.
    table = review.table
    assert _findings_in_view(review) >= 6 and _rows_in_view(table, table.rowCount()) >= 8
    # The question column has the width to read the question, every column in view.
    assert not table.horizontalScrollBar().isVisible()
    last = table.columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert table.columnWidth(0) >= table.question_read_px()
    assert table.fontMetrics().elidedText(table.item(0, 0).text(), Qt.TextElideMode.ElideRight, table.columnWidth(0) - 8).startswith(
        "1. Design the sys")  # the answer's number, then enough of the question to tell it apart
    # "Ended early" under the title is one click from the tab that says why, with the numbers and
    # the timeline whole in view.
    assert "Ended early" in review.title.text() and review.title.toolTip() == ENDED
    review.title.linkActivated.emit("#round")
    QApplication.processEvents()
    assert review.tabs.tabText(review.tabs.currentIndex()) == ROUND_TAB
    assert ENDED in review.summary.text()
    assert _inside(review.summary, review.numbers_area) and _inside(review.timeline, review.numbers_area)
    # The talking points: the checklist at the tab's width, five rows or more in view, the outline under it.
    review.tabs.setCurrentWidget(review.coverage)
    qtbot.wait(100)  # the tree's delayed item layout
    tree, outline = review.coverage.tree, review.coverage.outline
    assert tree.width() >= review.coverage.width() - 2 and outline.y() > tree.y()
    shown, it = 0, QTreeWidgetItemIterator(tree)
    while it.value():
        shown += tree.viewport().rect().contains(tree.visualItemRect(it.value()))
        it += 1
    assert shown >= 5, shown
    # The topic areas' line is shown whole, wrapped, not elided (trial 21); Details shows the rest.
    checklist = review.coverage
    assert checklist.line.isVisible() and not checklist.status.isVisible()
    assert checklist.line.text() == checklist.line.full() and checklist.line.text().startswith("Topic areas")
    assert checklist.line.text().endswith("Tradeoffs") and "\u2026" not in checklist.line.text()
    assert checklist.line.height() <= 3 * checklist.line.fontMetrics().lineSpacing() + 4
    assert checklist.line.heightForWidth(checklist.line.width()) <= checklist.line.height()
    checklist.details.click()
    assert checklist.status.isVisible() and "Per part" in checklist.status.text()


def test_a_short_window_keeps_the_summary_whole(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Short of room the summary keeps its items whole and the page scrolls (trial 24: squeezed
    to a scroll area of three lines it hid them); were it to scroll (taller than half the
    window), its bottom falls between two lines."""
    window, review = _trial_review(qtbot, script_dirs, tmp_path, (1280, 800))
    for height in range(560, 700, 5):
        window.resize(1280, height)
        qtbot.wait(20)
        QApplication.processEvents()
        assert review.summary_area.verticalScrollBar().maximum() == 0, height
        assert not _cut_lines(review), (height, _cut_lines(review))
