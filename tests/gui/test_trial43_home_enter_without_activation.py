"""Trial 43 defect 4: after a restart, Down, End, Home and Down x20 chose a card on Home, but
Return (and keypad Enter) on it did nothing; only a click on Start round started it. The keys
reached the list (the arrows moved the selection), but Enter was bound as a Qt shortcut, and Qt
matches shortcuts only in the window it takes for the active one: after the restart, with no
window manager to activate it, the window had the keys without being active. Enter and keypad
Enter now start the selected round as keys of the list itself, as the arrows are, whenever the
list has the keyboard."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from interviewer.core.clock import FakeClock
from interviewer.gui.home_screen import ROLE
from interviewer.resources import bundled_scripts_dir

from test_round import make_window


def test_enter_starts_the_selected_card_when_the_window_is_not_the_active_one(qtbot, isolated_dirs, tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    window, _, _ = make_window(qtbot, (bundled_scripts_dir(), user), tmp_path / "data", FakeClock())
    qtbot.waitUntil(lambda: len(window.home.visible_scripts()) >= 3)
    other = QWidget()  # the restarted window has the keys but is not Qt's active window
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    view = window.home.round_list
    started = []
    window.home.start_requested.connect(started.append)
    keys = [Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_Home] + [Qt.Key.Key_Down] * 20
    for key in keys:
        qtbot.keyClick(view, key)
    chosen = view.currentItem().data(ROLE)
    assert chosen is not None and chosen != window.home.visible_scripts()[0], "the arrows chose a card"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert started == [chosen]
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert started == [chosen, chosen]
