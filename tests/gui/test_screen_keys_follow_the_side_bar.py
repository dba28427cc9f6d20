"""New-user trial 17: F1 said "Ctrl+1 / 2 / 3 / 4: Home, Check, Progress, Settings" while the side
bar, once a round existed, showed Home, Check, Round, Review, Progress, Settings. Ctrl+N goes to
the Nth screen the side bar shows, in every state, and the sheet lists exactly those."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from test_round import make_window, run_round


def _side_bar(window) -> list[str]:
    return [window.nav.item(r).data(0x0100) for r in range(window.nav.count()) if not window.nav.item(r).isHidden()]


def _bound(window) -> dict[str, str]:
    """Ctrl+N -> the screen its action goes to."""
    return {s.toString(QKeySequence.SequenceFormat.PortableText): name[3:]
            for name, a in window.actions.items() if name.startswith("go-") for s in a.shortcuts()}


def _sheet_row(window) -> tuple[str, str]:
    window.show_shortcuts()
    sheet = window.shortcut_sheet
    row = next((keys, what) for where, keys, what in sheet.rows if keys.startswith("Ctrl+1"))
    shown = [(sheet.table.item(r, 1).text(), sheet.table.item(r, 2).text()) for r in range(sheet.table.rowCount())]
    assert row in shown
    sheet.close()
    return row


def _check_agree(window) -> None:
    keys = _side_bar(window)
    titles = [window.nav.item(r).toolTip()
              for r in range(window.nav.count()) if not window.nav.item(r).isHidden()]
    assert _bound(window) == {f"Ctrl+{n}": key for n, key in enumerate(keys, start=1)}
    visible_menu = [a.text() for a in window.menuBar().actions()[1].menu().actions()
                    if a.isVisible() and not a.isSeparator() and a.menu() is None]
    assert visible_menu == titles
    keys_cell, what = _sheet_row(window)
    assert keys_cell == "Ctrl+1" + "".join(f" / {n}" for n in range(2, len(keys) + 1))
    assert what == ", ".join(titles)


def test_ctrl_numbers_and_the_f1_sheet_follow_the_side_bar(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    assert _side_bar(window) == ["home", "check", "progress", "settings"]
    _check_agree(window)
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock, step=20.0)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    assert _side_bar(window) == ["home", "check", "round", "review", "progress", "settings"]
    _check_agree(window)
    assert _sheet_row(window) == ("Ctrl+1 / 2 / 3 / 4 / 5 / 6", "Home, Check, Round, Review, Progress, Settings")
    window.actions["go-progress"].trigger()
    assert window.current_screen_key() == "progress"
    # Ctrl+5 is Progress now, as the sheet says; pressing it gets there.
    window.go_to("home")
    window.activateWindow()
    window.nav.setFocus()
    QApplication.processEvents()
    combo = QKeySequence("Ctrl+5")[0]
    qtbot.keyClick(QApplication.focusWidget() or window.nav, combo.key(), combo.keyboardModifiers())
    assert window.current_screen_key() == "progress"
