"""Trial10: clicking a finding in the review (1280x800, the real app) showed "Playing from 00:33"
beside the buttons; the title lost that width and broke onto a second line, everything below
moved down and the page grew a scroll bar. The playing time now takes no room from the title."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.gui.review_screen import ReviewScreen

TITLE = "<h2>ML depth: decisions, dead ends and what the metrics hid</h2>ML depth · 05 Dec 2026 08:02"


def _settle():
    for _ in range(5):
        QApplication.processEvents()


def _title_height_at(screen, width: int) -> int:
    screen.resize(width, 760)
    _settle()
    return screen.title.height()


def test_the_playing_time_moves_nothing(qtbot):
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.title.setText(TITLE)
    screen.show()
    screen.resize(3000, 760)
    _settle()
    one_line = screen.title.height()
    # Just wide enough for the title in one line beside the buttons, as the trial's page was.
    width = next(w for w in range(600, 3000, 10) if _title_height_at(screen, w) == one_line) + 20
    screen.resize(width, 760)
    _settle()
    title_height, summary_y = screen.title.height(), screen.summary.y()
    assert title_height == one_line
    screen.set_playing("Playing from 00:33")
    _settle()
    assert screen.playing.isVisible()
    assert screen.summary.y() == summary_y, "the summary moved down"
    assert screen.title.height() == title_height, "the title broke onto another line"
    screen.set_playing("")
    _settle()
    assert not screen.playing.isVisible() and screen.summary.y() == summary_y
