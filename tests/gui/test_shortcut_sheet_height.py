"""Trial 16: the F1 sheet opened at 640x480 on a 1000 px high screen and 19 rows needed
scrolling. It opens as tall as its rows, up to the screen's available height and (trial 20) the
height of the window it opens over."""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from interviewer.gui import window_fit


def _sheet(qtbot, monkeypatch, height: int, script_dirs, tmp_path):
    """F1 from the app (its theme pads the rows), on a 1600 x `height` screen."""
    from interviewer.core.clock import FakeClock

    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1400, min(height, 960))  # a window with the room: the sheet stays inside it
    monkeypatch.setattr(window_fit, "available_area", lambda _widget: QRect(0, 0, 1600, height))
    window.show_shortcuts()
    sheet = window.shortcut_sheet
    qtbot.waitExposed(sheet)
    QApplication.processEvents()
    return sheet


def test_on_a_1000_px_screen_every_row_shows_without_scrolling(qtbot, monkeypatch, isolated_dirs, script_dirs,
                                                               tmp_path):
    sheet = _sheet(qtbot, monkeypatch, 1000, script_dirs, tmp_path)
    table = sheet.table
    assert table.verticalScrollBar().maximum() == 0, (sheet.height(), table.verticalHeader().length())
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert sheet.frameGeometry().height() <= 1000
    assert sheet.height() > 480  # the fixed size it had, which scrolled


def test_on_a_short_screen_it_is_as_tall_as_the_screen_and_scrolls(qtbot, monkeypatch, isolated_dirs, script_dirs,
                                                                   tmp_path):
    sheet = _sheet(qtbot, monkeypatch, 500, script_dirs, tmp_path)
    assert sheet.frameGeometry().height() <= 500
    assert sheet.height() >= 400  # it takes the room there is (it was a fixed 480 before)
    assert sheet.table.verticalScrollBar().maximum() > 0
