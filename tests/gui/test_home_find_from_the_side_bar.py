"""Trial 15: after a restart, with the focus on the side bar, Ctrl+1 then Ctrl+F then typing put
nothing in "Search sessions" (Ctrl+F was Home's own shortcut, deaf outside it), and Down and
Enter then opened "Check before starting" with another round's script chosen. Ctrl+F reaches
the search box whenever Home shows, and Enter opens the session selected in the list."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import SessionStatus, Store
from test_round import make_window


def _round(store: Store, title: str, kind: str, days_ago: int) -> int:
    sid = store.create_session("s", title, kind, 45, started_at=time.time() - days_ago * 86_400)
    store.finish_session(sid, SessionStatus.COMPLETED)
    return sid


def _keys(qtbot, *presses) -> None:
    for key, modifiers in presses:
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
        QApplication.processEvents()


def test_ctrl_f_from_the_side_bar_searches_and_enter_opens_the_round_found(qtbot, isolated_dirs, script_dirs,
                                                                           tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        breadth = _round(store, "ML breadth: training, features and experiments", "ml_breadth", 2)
        _round(store, "Phone screen: top-k queries and ML fundamentals", "phone_screen", 1)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    wait_for_background_work()
    qtbot.waitUntil(lambda: window.home.recent_list.count() >= 2, timeout=5000)
    window.activateWindow()
    opened = []
    window.home.session_opened.connect(opened.append)
    window.nav.setFocus()  # as after a restart (the blue frame on the side bar)
    QApplication.processEvents()
    ctrl, none = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
    _keys(qtbot, (Qt.Key.Key_1, ctrl), (Qt.Key.Key_F, ctrl))
    assert window.current_screen_key() == "home"
    assert QApplication.focusWidget() is window.home.session_search
    qtbot.keyClicks(QApplication.focusWidget(), "breadth")
    assert window.home.session_search.text() == "breadth"
    _keys(qtbot, (Qt.Key.Key_Down, none), (Qt.Key.Key_Return, none))
    assert opened == [breadth]
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    wait_for_background_work()
