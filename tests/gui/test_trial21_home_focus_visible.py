"""New-user trial 21, item 13: keyboard only on Home, three Tabs after the plan's text box
nothing on screen showed where the focus was. Every control Tab reaches on Home looks different
focused, in both themes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui import theme

from focus_chain import tab_stops
from test_round import make_window


def _looks(window, widget):
    QApplication.processEvents()
    return window.grab(widget.geometry().translated(widget.mapTo(window, widget.rect().topLeft()) - widget.pos())
                       .adjusted(-3, -3, 3, 3)).toImage()


def test_every_home_control_shows_its_focus(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1280, 800)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for mode in ("light", "dark"):
        window.set_theme(mode)
        unmarked = []
        for widget in tab_stops(window.home):
            if not widget.isVisible() or widget.visibleRegion().isEmpty():
                continue
            window.nav.setFocus()
            plain = _looks(window, widget)
            widget.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab gives it: a label's link shows its ring
            focused = _looks(window, widget)
            if focused == plain:
                unmarked.append(f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}")
        assert not unmarked, (mode, unmarked)
