"""Trial 35 D12: at 1600x1000 the review's Talking points tree was about two lines tall between
the summary text (a long "Topic areas ... Missed: ..." paragraph) and the model-answer outline:
its questions wrap to two lines, and the room it was given counted one-line rows. The tree now
gets room for its first rows as they are laid out (wrapped), so several points show without
scrolling."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTabWidget

from interviewer.core.analysis.coverage import COVERED, MISSED, GroupCoverage, PointCoverage, QuestionCoverage

from test_review_1280x800 import _review_with

SIZE = (1280, 800)
LONG_Q = ("Tell me about a model you were responsible for in production. What did it do, how was it served, "
          "and how did you know it was healthy, week after week, and who looked at it?")


def _questions() -> list[QuestionCoverage]:
    return [QuestionCoverage(
        f"q{n}", f"{LONG_Q} (part {n})", "context",
        tuple(PointCoverage(i, f"Purpose, traffic, latency budget, batch or online serving, retraining cadence, "
                               f"point {i} of question {n}", None, COVERED if i % 2 else MISSED, 0.5)
              for i in range(3)),
        tuple(f"Step {i} of the model answer" for i in range(8))) for n in range(5)]


AREAS = ("Topic areas covered in your answers (talking points and depth signals): 6 of 12 areas. Missed: "
         + "; ".join(f"Area {i} (talking points: 0 of 1 covered, missed \"a long point about area {i} that is "
                     f"not covered\")" for i in range(6)))


def _visible_rows(tree, n):
    item, rows = tree.topLevelItem(0), []
    while item is not None and len(rows) < n:
        rows.append(tree.visualItemRect(item))
        item = tree.itemBelow(item)
    return rows


def test_the_talking_points_tree_shows_several_wrapped_rows_at_1600x1000(qtbot, isolated_dirs, script_dirs,
                                                                         tmp_path):
    window, review = _review_with(qtbot, script_dirs, tmp_path, SIZE)
    checklist = review.coverage
    checklist.set_coverage(_questions(), [GroupCoverage("Context", 15, 6, 0, 9)], AREAS)
    review.findChildren(QTabWidget)[0].setCurrentWidget(checklist)
    checklist.tree.setCurrentItem(checklist.tree.topLevelItem(0))
    qtbot.wait(100)
    QApplication.processEvents()
    rows = _visible_rows(checklist.tree, 8)
    assert len(rows) == 8 and rows[0].height() > 1.5 * checklist.tree.fontMetrics().lineSpacing(), "questions wrap"
    shown = [r for r in rows if r.top() >= 0 and r.bottom() <= checklist.tree.viewport().height()]
    # The question and four of its points at least, not "about two lines" (trial 35).
    assert len(shown) >= 5, (checklist.tree.viewport().height(), [r.height() for r in rows])
    assert review.findings.viewport().height() >= 3 * review.findings.fontMetrics().lineSpacing(), "findings show"
    assert window.stack.currentWidget().verticalScrollBar().maximum() == 0, "the page does not scroll"
    assert checklist.outline.height() >= checklist.outline.minimumHeight()
