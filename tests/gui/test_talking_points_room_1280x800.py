"""Trial 22 item 15: at 1280x800 the Talking points tab showed 3-4 rows of its checklist and about
one line of the "Model-answer outline". With that tab open the findings list gives way (down to
its few rows): the checklist gets about eight rows and the outline six lines."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTabWidget

from interviewer.core.analysis.coverage import COVERED, MISSED, GroupCoverage, PointCoverage, QuestionCoverage
from interviewer.gui.coverage_checklist import OUTLINE_MIN_LINES

from test_review_1280x800 import _review_with


def _questions() -> list[QuestionCoverage]:
    return [QuestionCoverage(
        f"q{n}", f"Question {n}: how would you design part {n} of the fraud system?", "design",
        tuple(PointCoverage(i, f"Point {i} of question {n}", None, COVERED if i % 2 else MISSED, 0.5)
              for i in range(3)),
        tuple(f"Step {i} of the model answer" for i in range(8))) for n in range(4)]


def test_talking_points_tab_gives_the_checklist_and_outline_room_at_1280x800(qtbot, isolated_dirs, script_dirs,
                                                                             tmp_path):
    window, review = _review_with(qtbot, script_dirs, tmp_path, (1280, 800))
    checklist = review.coverage
    checklist.set_coverage(_questions(), [GroupCoverage("Design", 12, 6, 0, 6)])
    review.findChildren(QTabWidget)[0].setCurrentWidget(checklist)
    checklist.tree.setCurrentItem(checklist.tree.topLevelItem(0))
    qtbot.wait(100)
    QApplication.processEvents()
    line = checklist.fontMetrics().lineSpacing()
    assert checklist.outline.height() >= checklist.outline_wanted() - 1, checklist.outline.height()
    assert checklist.outline.viewport().height() >= OUTLINE_MIN_LINES * line, checklist.outline.viewport().height()
    assert checklist.tree.viewport().height() >= 7 * line, checklist.tree.viewport().height()
    findings = review.findings
    assert findings.viewport().height() >= 3 * findings.fontMetrics().lineSpacing(), "a few findings still show"
    assert window.stack.currentWidget().verticalScrollBar().maximum() == 0, "the page does not scroll"
    # Back on the per-answer table, the findings get their rows again.
    review.findChildren(QTabWidget)[0].setCurrentWidget(review.table)
    QApplication.processEvents()
    assert review.side.sizes()[0] > findings.fontMetrics().lineSpacing() * 6
