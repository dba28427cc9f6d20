"""Trial 24 item 9: at 150 % text and 1280x800 the review squeezed its sections to fit the
window: "The round in ten seconds" a one-line scroll area, the Talking points' summary clipped at
the top, the "Model-answer outline" a few pixels tall. Each keeps its content's minimum height
and the page scrolls instead."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget

from interviewer.gui import theme

from test_review_1280x800 import _review_with
from test_talking_points_room_1280x800 import _questions
from interviewer.core.analysis.coverage import GroupCoverage


@pytest.fixture
def text_150():
    yield
    theme.apply_text_size(QApplication.instance(), 100)


def _at_150(qtbot, script_dirs, tmp_path):
    window, review = _review_with(qtbot, script_dirs, tmp_path, (1280, 800))
    window.apply_settings(replace(window.services.settings, text_size=150))
    checklist = review.coverage
    checklist.set_coverage(_questions(), [GroupCoverage("Design", 12, 6, 0, 6)],
                           "Topic areas covered in your answers: 5 of 8. Missed: Evaluation metrics (2 of 3 "
                           "questions that called for it, but talking points: 0 of 1 covered); Failure analysis "
                           "(talking points: 0 of 1 covered); Feature engineering (talking points: 0 of 1 covered).")
    review.findChildren(QTabWidget)[0].setCurrentWidget(checklist)
    checklist.tree.setCurrentItem(checklist.tree.topLevelItem(0))
    window.resize(1280, 800)
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(100)
    QApplication.processEvents()
    return window, review


def test_review_sections_keep_their_height_at_150_percent(qtbot, isolated_dirs, script_dirs, tmp_path, text_150):
    window, review = _at_150(qtbot, script_dirs, tmp_path)
    summary = review.summary_area
    content = summary.widget().heightForWidth(summary.viewport().width())
    assert summary.viewport().height() >= content - 1, "the ten-second summary shows whole"
    checklist = review.coverage
    line = checklist.line
    assert line.height() >= line.heightForWidth(line.width()), "the topic areas' line is not clipped"
    assert checklist.outline.height() >= checklist.outline_wanted() - 1, checklist.outline.height()
    tree_line = checklist.tree.fontMetrics().lineSpacing()
    assert checklist.tree.viewport().height() >= 3 * tree_line, checklist.tree.viewport().height()
    assert window.stack.currentWidget().verticalScrollBar().maximum() > 0, "the page scrolls instead"
