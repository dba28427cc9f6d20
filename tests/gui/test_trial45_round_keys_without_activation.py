"""Trial 45 defect 4: after a restart (no window manager, so the window was never made Qt's
active window), with the round started by Enter on Home, Ctrl+E did nothing four times while P,
R and Space worked; only a click on End round ended it. Qt matches QShortcuts and QAction keys
only in the window it takes for the active one; the plain keys are the round screen's own key
presses and work without that. Every shortcut of the window (the round's Ctrl keys, the menus'
F1, Home's Ctrl+F) now works whether or not the window is the active one, and with the window
active each still fires once."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from interviewer.core.clock import FakeClock
from interviewer.gui.screen_keys import ROUND_KEYS

from test_round import make_window

CTRL_KEYS = [(name, binding.action) for binding in ROUND_KEYS for name in binding.ctrl]


def _another_window_active(qtbot) -> QWidget:
    other = QWidget()  # the restarted window has the keys but is not Qt's active window
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    return other


def _click(qtbot, widget, name: str) -> None:
    combo = QKeySequence(name)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


@pytest.fixture
def started_by_keyboard(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    _another_window_active(qtbot)
    window.home.select_script("test-design")
    window.home.round_list.setFocus()
    _click(qtbot, window.home.round_list, "Return")  # started by Enter on Home, as in the trial
    assert window.round_screen.running
    assert QApplication.activeWindow() is not window
    yield window
    if window.round_screen.running:
        window.round_screen.stop_round()
        qtbot.waitUntil(lambda: not window.round_screen.running, timeout=5000)


@pytest.mark.parametrize("name, action", CTRL_KEYS)
def test_round_ctrl_keys_work_when_the_window_is_not_the_active_one(started_by_keyboard, qtbot, monkeypatch,
                                                                    name, action):
    window = started_by_keyboard
    screen = window.round_screen
    called = []
    monkeypatch.setattr(screen, action, lambda: called.append(action))
    for focus in (screen, screen.scratchpad, window.nav):  # the round, while typing, the side bar
        focus.setFocus()
        _click(qtbot, QApplication.focusWidget() or focus, name)
    assert called == [action] * 3


def test_ctrl_e_asks_to_end_the_round_when_the_window_is_not_the_active_one(started_by_keyboard, qtbot,
                                                                            monkeypatch):
    window = started_by_keyboard
    asked = []
    monkeypatch.setattr("interviewer.gui.confirm.ask_destructive",
                        lambda *args, **kw: asked.append(args[2]) or True)
    window.round_screen.setFocus()
    _click(qtbot, window.round_screen, "Ctrl+E")
    assert asked and asked[0].startswith("End the round now?")
    qtbot.waitUntil(lambda: not window.round_screen.running, timeout=5000)


def test_menu_and_home_keys_work_when_the_window_is_not_the_active_one(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    _another_window_active(qtbot)
    window.home.round_list.setFocus()
    _click(qtbot, window.home.round_list, "Ctrl+F")  # Home's QShortcut
    assert window.focusWidget() is window.home.session_search  # (the app has no focus: not active)
    _click(qtbot, window.home.round_list, "F1")  # a menu action's key
    qtbot.waitUntil(lambda: getattr(window, "shortcut_sheet", None) is not None
                    and window.shortcut_sheet.isVisible(), timeout=3000)
    window.shortcut_sheet.close()


def test_with_the_window_active_a_ctrl_key_fires_once(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-design")
    window.home.start_button.click()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    screen = window.round_screen
    called = []
    monkeypatch.setattr(screen, "repeat_question", lambda: called.append("repeat"))
    screen.setFocus()
    _click(qtbot, screen, "Ctrl+R")
    assert called == ["repeat"]
    screen.stop_round()
    qtbot.waitUntil(lambda: not screen.running, timeout=5000)
