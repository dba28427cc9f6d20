"""After weeks of practice every round stays reachable from Home (trial6: a profile of twelve
rounds over six weeks listed only the eight newest; the first four had no review, debrief,
export or delete left in the app, only `interviewer sessions`)."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt

from interviewer.storage import SessionStatus, Store
from tests.gui.test_delete_round import _window

DAY = 86400.0
TITLES = ("ML breadth: fundamentals", "Coding: merging intervals", "ML system design: fraud detection",
          "Behavioral: conflict")


def _rounds(data, count: int) -> list[int]:
    """`count` completed rounds, two or three days apart, the oldest six weeks ago."""
    start = time.time() - 42 * DAY
    ids = []
    with Store.open(data) as store:
        for i in range(count):
            title = TITLES[i % len(TITLES)]
            at = start + i * 3.5 * DAY
            sid = store.create_session(f"s{i}", title, "behavioral", 45, started_at=at)
            store.finish_session(sid, SessionStatus.COMPLETED, ended_at=at + 40 * 60)
            ids.append(sid)
    return ids


def _listed(home) -> list[int]:
    rows = home.recent_list
    return [rows.item(i).data(Qt.ItemDataRole.UserRole) for i in range(rows.count()) if not rows.item(i).isHidden()]


def test_home_lists_every_past_round_newest_first(qtbot, isolated_dirs, tmp_path):
    ids = _rounds(tmp_path / "data", 12)
    home = _window(qtbot, tmp_path / "data").home
    assert _listed(home) == ids[::-1]


def test_the_search_box_finds_an_old_round_by_title_or_date(qtbot, isolated_dirs, tmp_path):
    ids = _rounds(tmp_path / "data", 12)
    window = _window(qtbot, tmp_path / "data")
    home = window.home
    qtbot.keyClicks(home.session_search, "fraud")
    assert _listed(home) == [ids[10], ids[6], ids[2]]
    assert home.recent_list.currentItem().data(Qt.ItemDataRole.UserRole) == ids[10]  # Enter opens it
    assert home.open_session_button.isEnabled()
    home.session_search.clear()
    first = time.strftime("%d %b", time.localtime(time.time() - 42 * DAY))
    qtbot.keyClicks(home.session_search, f"{first} ML BREADTH")  # words in any order and case
    assert _listed(home) == [ids[0]]
    home.session_search.setText("no such round")
    assert _listed(home) == []
    assert not home.open_session_button.isEnabled() and not home.delete_button.isEnabled()
    assert "No round matches" in home.session_search_note.text()


def test_enter_in_the_search_box_opens_the_round_found(qtbot, isolated_dirs, tmp_path):
    ids = _rounds(tmp_path / "data", 12)
    window = _window(qtbot, tmp_path / "data")
    home = window.home
    opened = []
    home.session_opened.connect(opened.append)
    qtbot.keyClicks(home.session_search, "merging")
    qtbot.keyClick(home.session_search, Qt.Key.Key_Down)  # down to the list, as in a search field
    assert home.recent_list.hasFocus() or home.recent_list.currentRow() >= 0
    qtbot.keyClick(home.session_search, Qt.Key.Key_Return)
    assert opened == [ids[9]]


def test_the_delete_question_names_the_round(qtbot, isolated_dirs, tmp_path, confirmations):
    ids = _rounds(tmp_path / "data", 3)
    window = _window(qtbot, tmp_path / "data")
    home = window.home
    confirmations.answer_yes = False
    home.recent_list.setCurrentRow(2)
    home.delete_button.click()
    when = time.strftime("%d %b", time.localtime(time.time() - 42 * DAY))
    assert confirmations.texts and "ML breadth: fundamentals" in confirmations.texts[-1]
    assert when in confirmations.texts[-1]
    assert _listed(home) == ids[::-1]


def test_tab_reaches_the_search_box_then_the_list_then_the_buttons_left_to_right(qtbot, isolated_dirs, tmp_path):
    from tests.gui.focus_chain import tab_stops

    _rounds(tmp_path / "data", 3)
    window = _window(qtbot, tmp_path / "data")
    window.show()
    home = window.home
    home.recent_list.setCurrentRow(0)
    stops = tab_stops(home)
    wanted = [home.session_search, home.recent_list, home.delete_button, home.open_session_button]
    assert [stops.index(w) for w in wanted] == sorted(stops.index(w) for w in wanted)


def test_ctrl_f_goes_to_the_search_box_and_esc_clears_it(qtbot, isolated_dirs, tmp_path):
    from interviewer.gui.shortcuts_dialog import shortcuts

    ids = _rounds(tmp_path / "data", 5)
    window = _window(qtbot, tmp_path / "data")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    home = window.home
    home.round_list.setFocus()
    qtbot.keyClick(home.round_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    from PySide6.QtWidgets import QApplication
    assert QApplication.focusWidget() is home.session_search, QApplication.focusWidget()
    qtbot.keyClicks(home.session_search, "conflict")
    assert len(_listed(home)) == 1
    qtbot.keyClick(home.session_search, Qt.Key.Key_Escape)
    assert home.session_search.text() == "" and _listed(home) == ids[::-1]
    assert any(where == "Home" and keys == "Ctrl+F" for where, keys, _ in shortcuts())  # on the F1 sheet
