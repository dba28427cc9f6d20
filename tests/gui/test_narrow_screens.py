"""Trial9: at 1024x640 with 200 % scaling (512x320 logical px, a 420 px page) Progress scrolled
84 px sideways (two charts side by side), Review 56 px (the title and three buttons in a row)
and Check 36 px (the chosen round's title in one line). Each screen now fits the page."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea

from interviewer.gui.check_screen import CheckScreen
from interviewer.gui.progress_screen import ProgressScreen
from interviewer.gui.review_screen import ReviewScreen


def _in_page(qtbot, screen, width: int) -> QScrollArea:
    page = QScrollArea()
    page.setWidgetResizable(True)
    page.setWidget(screen)
    qtbot.addWidget(page)
    page.resize(width, 320)
    page.show()
    for _ in range(5):
        QApplication.processEvents()
    return page


def _right_edge(widget, screen) -> int:
    return widget.mapTo(screen, widget.rect().topRight()).x()


def test_progress_shows_one_chart_per_row_when_two_do_not_fit(qtbot):
    screen = ProgressScreen()
    two_charts = 2 * screen.filler_chart.minimumWidth()
    page = _in_page(qtbot, screen, two_charts - 40)
    assert page.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    assert _right_edge(screen.pace_chart, screen) <= page.viewport().width()
    assert screen.pace_chart.y() > screen.filler_chart.y()  # under it
    page.resize(1200, 800)
    for _ in range(5):
        QApplication.processEvents()
    assert screen.pace_chart.y() == screen.filler_chart.y()  # beside it again
    assert screen.pace_chart.x() > screen.filler_chart.x()


def test_review_buttons_wrap_beside_the_title_in_a_narrow_page(qtbot):
    screen = ReviewScreen()
    screen.title.setText("<h2>Coding: trending hashtags over a sliding time window</h2>")
    buttons = (screen.stop_button, screen.export_button, screen.debrief_button)
    in_a_row = sum(b.sizeHint().width() for b in buttons)
    page = _in_page(qtbot, screen, in_a_row)
    assert page.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    for button in buttons:
        assert _right_edge(button, screen) <= page.viewport().width(), button.text()
    page.resize(1400, 800)
    for _ in range(5):
        QApplication.processEvents()
    assert len({b.y() for b in buttons}) == 1  # wide: one row


def test_check_wraps_a_long_round_title(qtbot):
    screen = CheckScreen()
    screen.set_round("ML depth: an NLP or LLM feature you built, from the data to the launch")
    one_line = screen.round_label.fontMetrics().horizontalAdvance(screen.round_label.text())
    page = _in_page(qtbot, screen, one_line - 40)
    assert page.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    assert _right_edge(screen.start_button, screen) <= page.viewport().width()


def test_settings_model_buttons_go_under_the_list_in_a_narrow_page(qtbot):
    """Trial9: Settings' model list and its two buttons in one row scrolled it 6 px sideways at 200 %."""
    from interviewer.app.settings import AppSettings
    from interviewer.gui.settings_screen import SettingsScreen

    screen = SettingsScreen(AppSettings())
    row = screen.model.parentWidget()
    side_by_side = sum(max(w.minimumSizeHint().width(), w.minimumWidth())
                       for w in (screen.model, screen.download_button))
    assert row.minimumSizeHint().width() < side_by_side
