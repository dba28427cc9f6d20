"""Trial 42 item 7, Home by keyboard: (1) when the app started the arrow keys did nothing on Home
until the round list was clicked; (2) later the keys moved a frame while the selected card and its
details stayed (Home went to a kind's heading, which cannot be selected; Ctrl+arrows moved the
current card without selecting it); (3) Recent sessions were filled again after a new round, the
new one first, and Enter opened it instead of the session the user had picked."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.home_screen import ROLE, HomeScreen
from interviewer.resources import bundled_scripts_dir

from test_round import make_window


def _in_step(home) -> str:
    """The title of the card that has the focus, after checking it is the one selected and the
    one the details describe."""
    view = home.round_list
    current = view.currentItem()
    assert current is not None and current.data(ROLE) is not None
    assert view.selectedItems() == [current], "the focused card is the selected one"
    title = current.data(ROLE).title
    assert home.details.toPlainText().startswith(title), "the details follow the focused card"
    return title


def test_the_arrow_keys_choose_a_round_as_soon_as_home_opens(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.home.round_list
    qtbot.waitUntil(lambda: len(window.home.visible_scripts()) >= 2)
    assert QApplication.focusWidget() is view, QApplication.focusWidget()
    first = _in_step(window.home)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert _in_step(window.home) != first
    # Back on Home from another screen by its shortcut: the list has the keys again.
    window.go_to("progress")
    window.progress_screen.setFocus()
    window.go_to("home")
    assert QApplication.focusWidget() is view


def test_home_end_and_ctrl_arrows_keep_focus_and_selection_together(qtbot):
    home = HomeScreen()
    qtbot.addWidget(home)
    home.resize(1200, 800)
    home.set_scripts(discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "none").scripts)
    home.show()
    qtbot.waitExposed(home)
    view = home.round_list
    behavioral = next(view.item(i) for i in range(view.count())
                      if view.item(i).data(ROLE) and view.item(i).data(ROLE).kind == "behavioral")
    view.scrollToItem(behavioral)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(behavioral).center())
    assert _in_step(home) == behavioral.data(ROLE).title
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert _in_step(home) == home.visible_scripts()[0].title, "Home goes to the first card"
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert _in_step(home) == home.visible_scripts()[3].title
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _in_step(home) == home.visible_scripts()[4].title
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert _in_step(home) == home.visible_scripts()[-1].title, "End goes to the last card"


def test_recent_sessions_keep_the_picked_session_when_filled_again(qtbot):
    home = HomeScreen()
    qtbot.addWidget(home)
    home.set_recent_sessions([(2, "07 Dec 04:23 · Behavioral"), (1, "07 Dec 04:13 · Coding")])
    home.show()
    qtbot.waitExposed(home)
    rows = home.recent_list
    behavioral = next(rows.item(i) for i in range(rows.count()) if rows.item(i).data(ROLE) == 2)
    qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton, pos=rows.visualItemRect(behavioral).center())
    assert rows.currentItem().data(ROLE) == 2
    # A new round is saved: it comes first, and the behavioral session moves down a row.
    home.set_recent_sessions([(3, "07 Dec 04:30 · Coding re-take"), (2, "07 Dec 04:23 · Behavioral"),
                              (1, "07 Dec 04:13 · Coding")])
    assert rows.currentItem() is not None and rows.currentItem().data(ROLE) == 2
    assert rows.currentItem().isSelected()
    opened = []
    home.session_opened.connect(opened.append)
    rows.setFocus()
    qtbot.keyClick(rows, Qt.Key.Key_Return)
    assert opened == [2]
