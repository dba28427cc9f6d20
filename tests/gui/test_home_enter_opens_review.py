"""Trial 19: on Home, Ctrl+F, typing, Down and Enter opened the round's Debrief, not its Review
(README and F1 say Enter opens the review). The list ignored the Enter it had acted on, so the
key went on to the window, which pressed the button that had just taken the focus on the
review (its Debrief button)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from test_round import make_window

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402


def _keys(qtbot, *presses) -> None:
    for key, modifiers in presses:
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
        QApplication.processEvents()


def test_search_down_enter_opens_the_review_and_not_the_debrief(qtbot, isolated_dirs, script_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = full_round(store)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    wait_for_background_work()
    qtbot.waitUntil(lambda: window.home.recent_list.count() >= 1, timeout=5000)
    window.activateWindow()
    window.review.open(sid)  # the review was seen before, as in the trial: its screen is built
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=5000)
    window.review_screen.debrief_button.setFocus()  # last used there: the stack gives it the focus back
    QApplication.processEvents()
    opened = []
    window.home.session_opened.connect(opened.append)
    ctrl, none = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
    _keys(qtbot, (Qt.Key.Key_1, ctrl), (Qt.Key.Key_F, ctrl))
    qtbot.keyClicks(QApplication.focusWidget(), "feed")
    _keys(qtbot, (Qt.Key.Key_Down, none), (Qt.Key.Key_Return, none))
    assert opened == [sid]
    for _ in range(5):
        QApplication.processEvents()
    assert window.current_screen_key() == "review"
    assert window.review_screen.session.id == sid
    wait_for_background_work()
