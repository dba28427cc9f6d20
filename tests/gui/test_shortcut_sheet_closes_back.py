"""New-user trial 20: after Esc closed the F1 sheet, Ctrl+1...7 did nothing until a click in the
window (no window manager handed the activation back), and at 1280x800 on a 1600x1000 screen the
sheet ran past the window's bottom edge. Closing gives the window back its activation and focus;
the sheet fits inside its window."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui import window_fit
from test_round import make_window


def _window(qtbot, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1280, 800)
    window.move(160, 110)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_after_esc_closes_the_sheet_ctrl_numbers_work_again(qtbot, isolated_dirs, script_dirs, tmp_path):
    window = _window(qtbot, script_dirs, tmp_path)
    before = QApplication.focusWidget()
    window.show_shortcuts()
    sheet = window.shortcut_sheet
    qtbot.waitExposed(sheet)
    sheet.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    qtbot.keyClick(sheet.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not sheet.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is before  # focus back where it was
    keys = [window.nav.item(r).data(0x0100) for r in range(window.nav.count()) if not window.nav.item(r).isHidden()]
    target = 2 if window.nav.currentRow() != keys.index(keys[1]) else 1
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key(Qt.Key.Key_0 + target),
                   Qt.KeyboardModifier.ControlModifier)
    assert window.nav.item(window.nav.currentRow()).data(0x0100) == keys[target - 1]


def test_the_sheet_fits_inside_a_1280x800_window(qtbot, monkeypatch, isolated_dirs, script_dirs, tmp_path):
    monkeypatch.setattr(window_fit, "available_area", lambda _widget: QRect(0, 0, 1600, 1000))
    window = _window(qtbot, script_dirs, tmp_path)
    window.show_shortcuts()
    sheet = window.shortcut_sheet
    qtbot.waitExposed(sheet)
    QApplication.processEvents()
    inside = window.geometry()
    assert inside.contains(sheet.geometry()), (inside, sheet.geometry())
    table = sheet.table
    if table.verticalScrollBar().maximum() > 0:  # what does not fit scrolls
        assert table.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
