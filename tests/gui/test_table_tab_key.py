"""Tab leaves the read-only tables (a keyboard-only trial: Tab went cell by cell through the
review's per-answer table, 94 presses without getting out; the phase table and Progress's topic
areas table did the same). The arrow keys still move between cells."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.storage import Store

from test_depth_views import _stored


def _tab_leaves(qtbot, container, table) -> bool:
    container.show()
    qtbot.waitExposed(container)
    container.activateWindow()
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    return not table.hasFocus()


def test_tab_leaves_the_review_tables(qtbot, isolated_dirs):
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        session = store.get_session(_stored(store))
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.show_session(session)
    for table in (screen.table, screen.phase_table):
        assert table.rowCount() > 0
        assert not table.tabKeyNavigation()
        assert _tab_leaves(qtbot, screen, table)


def test_tab_leaves_the_progress_table(qtbot, isolated_dirs):
    from interviewer.gui.progress_screen import ProgressScreen

    screen = ProgressScreen()
    qtbot.addWidget(screen)
    assert not screen.area_table.tabKeyNavigation()


def test_enter_presses_the_focused_button_in_the_window(qtbot, isolated_dirs, script_dirs, tmp_path):
    """F1 says 'Space or Enter presses the focused one', but outside a dialog Qt buttons ignore
    Enter: with 'Debrief this round' focused in the review, Enter did nothing."""
    from test_round import play_to_review

    window = play_to_review(qtbot, script_dirs, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    pressed = []
    button = window.review_screen.debrief_button
    button.clicked.connect(lambda: pressed.append("debrief"))
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert pressed == ["debrief"] and window.current_screen_key() == "debrief"
    window.show_screen("review")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Enter)
    assert pressed == ["debrief", "debrief"]
    window.show_screen("review")
    button.setEnabled(False)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert pressed == ["debrief", "debrief"]
    window.shutdown()


def test_tab_leaves_the_shortcut_sheet_table(qtbot):
    """F1's table went cell by cell too: 42 presses of Tab to reach Close."""
    from interviewer.gui.shortcuts_dialog import ShortcutSheet

    sheet = ShortcutSheet()
    qtbot.addWidget(sheet)
    assert not sheet.table.tabKeyNavigation()
    assert _tab_leaves(qtbot, sheet, sheet.table)
