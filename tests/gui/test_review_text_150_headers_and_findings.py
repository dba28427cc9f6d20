"""New-user trial 29 D10 (review part): at Settings > Text size 150 %, 1280x800, dark theme, the
review's Per-answer headers were clipped ("Questior", "Clarifyi Qs") and the Findings list showed
one finding at a time. The columns are measured again when the text size changes (and the
question's and topics' least widths are their headers' widths), and the findings list keeps its
first rows' height at the text size now; the page scrolls instead."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from interviewer.gui import theme
from interviewer.gui.review_screen import MIN_FINDING_ROWS

from test_review_1280x800 import _review_with

HEADER_PADDING_PX = 2 * 4  # QHeaderView::section's padding in the theme's stylesheet


@pytest.fixture
def text_150_dark():
    yield
    app = QApplication.instance()
    theme.apply_text_size(app, 100)
    theme.apply_theme(app, "light")


def _settle(qtbot) -> None:
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(100)
    QApplication.processEvents()


def _review_at_150(qtbot, script_dirs, tmp_path, open_again: bool):
    window, review = _review_with(qtbot, script_dirs, tmp_path, (1280, 800))
    window.set_theme("dark")
    window.apply_settings(replace(window.services.settings, text_size=150))  # the review already filled
    window.resize(1280, 800)
    _settle(qtbot)
    if open_again:  # the review opened with the app already at 150 %
        window.show_screen("home")
        QApplication.processEvents()
        review.show_session(review.session)
        window.show_screen("review")
        _settle(qtbot)
    return window, review


def _clipped_headers(table) -> list[str]:
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    clipped = []
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + HEADER_PADDING_PX
        if header.sectionSize(column) < needed:
            clipped.append(f"{text!r}: {header.sectionSize(column)} < {needed} px")
    return clipped


@pytest.mark.parametrize("open_again", [False, True], ids=["set-while-open", "opened-at-150"])
def test_per_answer_headers_show_whole_at_150_percent(qtbot, isolated_dirs, script_dirs, tmp_path, text_150_dark,
                                                      open_again):
    window, review = _review_at_150(qtbot, script_dirs, tmp_path, open_again)
    assert QApplication.instance().font().pointSizeF() > 10
    # At 1280 px the numbers may scroll sideways a little (the transcript keeps its 340 px);
    # each header is whole in its column.
    assert _clipped_headers(review.table) == []


def test_findings_list_shows_its_first_rows_whole_at_150_percent(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                 text_150_dark):
    window, review = _review_at_150(qtbot, script_dirs, tmp_path, open_again=False)
    listed = review.findings
    assert listed.count() >= MIN_FINDING_ROWS
    whole = [i for i in range(listed.count())
             if listed.viewport().rect().contains(listed.visualItemRect(listed.item(i)))]
    assert len(whole) >= MIN_FINDING_ROWS, (whole, listed.viewport().height(),
                                            listed.visualItemRect(listed.item(0)).height())
