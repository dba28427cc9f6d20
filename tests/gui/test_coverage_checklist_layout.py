"""The review's talking-points tab at a 1280x720 window (new-user trial): every point is readable
in full, wrapped to the width of the checklist, not cut short ('Sort by start time, then swe...')."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QHBoxLayout, QStyle, QTabWidget, QTreeWidgetItemIterator, QWidget

from interviewer.core.analysis.coverage import COVERED, MISSED, Evidence, GroupCoverage, PointCoverage, QuestionCoverage
from interviewer.gui.review_screen import ReviewScreen

LONG_POINT = "Sort by start time, then sweep through the meetings keeping a min-heap of end times"


def _review_at_1280x720(qtbot) -> tuple[QWidget, ReviewScreen]:
    window = QWidget()
    layout = QHBoxLayout(window)
    navigation = QWidget()
    navigation.setFixedWidth(176)  # the main window's navigation list
    layout.addWidget(navigation)
    review = ReviewScreen()
    layout.addWidget(review)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    review.findChildren(QTabWidget)[0].setCurrentWidget(review.coverage)
    return window, review  # the window owns the screen: keep it alive


def _question() -> QuestionCoverage:
    said = Evidence(1, "I would sort the meetings by their start time and then sweep through them with a heap.",
                    1.0, 3.0, 0.8)
    return QuestionCoverage(
        "rooms", "How many meeting rooms do you need for a day of meetings given their start and end times?",
        "design",
        (PointCoverage(0, LONG_POINT, None, COVERED, 0.8, evidence=(said,)),
         PointCoverage(1, "Say the complexity: O(n log n) for the sort and O(n log k) for the heap", None, MISSED, 0.1)),
        ("Ask how many meetings there are", LONG_POINT))


def _every_row_fits(qtbot, tree) -> None:
    qtbot.wait(50)  # the delayed item layout
    metrics = tree.fontMetrics()
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1  # Qt's text margin
    checked = 0
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        rect = tree.visualItemRect(item)
        text = item.text(0)
        assert rect.right() <= tree.viewport().width() + 1, f"{text!r} runs past the view"
        room = rect.width() - 2 * margin - (tree.iconSize().width() + 2 * margin if not item.icon(0).isNull() else 0)
        needed = metrics.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text).height()
        assert rect.height() >= needed, f"{text!r} needs {needed}px, its row is {rect.height()}px: cut short"
        checked += 1
        it += 1
    assert checked == 4


def test_every_row_of_the_checklist_is_tall_enough_for_its_text_wrapped_at_its_width(qtbot):
    _window, review = _review_at_1280x720(qtbot)
    review.coverage.set_coverage([_question()], [GroupCoverage("Design", 2, 1, 0, 1)])
    tree = review.coverage.tree
    qtbot.waitUntil(lambda: tree.visualItemRect(tree.topLevelItem(0)).height() > 0)
    _every_row_fits(qtbot, tree)
    # Narrower: the rows wrap again (the checklist has the tab's whole width since trial 19).
    _window.resize(720, 700)
    _every_row_fits(qtbot, tree)
    point = next(tree.topLevelItem(0).child(i) for i in range(2) if tree.topLevelItem(0).child(i).text(0).startswith("Sort"))
    assert tree.fontMetrics().horizontalAdvance(point.text(0)) > tree.visualItemRect(point).width(), "the point should need wrapping"
    assert tree.horizontalScrollBar().maximum() == 0, "no sideways scrolling"


def test_a_round_without_talking_points_says_so_in_one_line_instead_of_two_empty_panes(qtbot):
    """A round whose script lists no expected_points (new-user trial: two empty panes)."""
    _window, review = _review_at_1280x720(qtbot)
    checklist = review.coverage
    checklist.show_message("Matching the talking points...")
    assert not checklist.tree.isVisibleTo(review) and not checklist.outline.isVisibleTo(review)
    bare = QuestionCoverage("story", "Tell me about a project you are proud of.", "stories", (), ())
    checklist.set_coverage([bare, bare], [])
    text = checklist.status.text()
    assert "no talking points for this round's questions" in text and "lists none" in text
    assert not checklist.tree.isVisibleTo(review) and not checklist.outline.isVisibleTo(review)
    assert checklist.status.isVisibleTo(review)
    # With points (or a model-answer outline) the panes come back.
    checklist.set_coverage([_question()], [])
    assert checklist.tree.isVisibleTo(review) and checklist.outline.isVisibleTo(review)
    checklist.set_coverage([QuestionCoverage("story", "Tell me about a project.", "stories", (), ("Situation", "Result"))], [])
    assert checklist.tree.isVisibleTo(review) and "outline" in checklist.status.text()


def test_an_outline_step_worded_as_a_point_shows_its_mark_not_theme_names(qtbot):
    """The outline wrote a theme colour's name as a CSS colour ('color:good_text') and the
    icon's name ('done') as text beside a step worded like a point."""
    _window, review = _review_at_1280x720(qtbot)
    review.coverage.set_coverage([_question()], [])
    tree = review.coverage.tree
    review.coverage._show_outline(tree.topLevelItem(0))
    html_text = review.coverage.outline.toHtml()
    plain = review.coverage.outline.toPlainText()
    assert "good_text" not in html_text and "problem_text" not in html_text
    [line] = [ln for ln in plain.splitlines() if ln.startswith(LONG_POINT)]
    assert line.endswith(" covered"), line  # after the mark's icon
    assert " done" not in plain
