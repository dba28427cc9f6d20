"""Trial 16 item 13: after Ctrl+R, Ctrl+Enter or Ctrl+N with the side bar focused (all worked),
Space did nothing: the focus stayed on the side bar, so the next answer could not be ended from
the keyboard. A round shortcut gives the keys back to the round screen; in the scratchpad the
focus stays (Ctrl+Enter while typing, then typing goes on)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from test_shortcuts_match_help import _press, round_window  # noqa: F401 (a fixture)


@pytest.mark.parametrize("shortcut, action", [("Ctrl+R", "repeat_question"), ("Ctrl+Enter", "end_answer"),
                                              ("Ctrl+N", "next_part")])
def test_space_ends_the_answer_after_a_round_shortcut_from_the_side_bar(round_window, qtbot, monkeypatch,  # noqa: F811
                                                                      shortcut, action):
    window = round_window
    screen = window.round_screen
    called = []
    for name in {"end_answer", action}:
        monkeypatch.setattr(screen, name, lambda a=name: called.append(a))
    _press(qtbot, window.nav, shortcut)
    assert called == [action]
    assert QApplication.focusWidget() is screen, type(QApplication.focusWidget()).__name__
    called.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    QApplication.processEvents()
    assert called == ["end_answer"]


def test_a_round_shortcut_while_typing_leaves_the_focus_in_the_scratchpad(round_window, qtbot, monkeypatch):  # noqa: F811
    screen = round_window.round_screen
    monkeypatch.setattr(screen, "end_answer", lambda: None)
    _press(qtbot, screen.scratchpad, "Ctrl+Enter")
    assert QApplication.focusWidget() is screen.scratchpad
