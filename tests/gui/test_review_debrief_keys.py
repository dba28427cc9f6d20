"""Trial 23 item 9: Ctrl+S did not save the debrief; F1 named no key for the debrief or for
Export; on the review two Tab stops showed no focus (the ten-second summary's labels, focused
with none of their links: one just before the transcript, one between the columns' links)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui.screen_keys import DEBRIEF_KEYS, REVIEW_KEYS
from interviewer.gui.shortcuts_dialog import shortcuts
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from tests.storage.test_area_history import NOT_MONITORED, store_round

from test_round import make_window


def _window_on_review(qtbot, script_dirs, tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = store_round(store, 1_700_000_000, NOT_MONITORED)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    window._open_review(sid)
    wait_for_background_work()
    window.activateWindow()
    QApplication.processEvents()
    return window, sid


def test_f1_lists_the_debrief_and_export_keys():
    rows = shortcuts()
    assert ("Debrief", "Ctrl+S", "Save the debrief") in rows
    assert any(where == "Review" and keys == "Ctrl+Shift+E" and "Export" in what for where, keys, what in rows)
    assert [k for k in DEBRIEF_KEYS if k.ctrl] and [k for k in REVIEW_KEYS if k.ctrl == ("Ctrl+Shift+E",)]


def test_ctrl_s_saves_the_debrief_from_the_answer_box_and_says_so(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, sid = _window_on_review(qtbot, script_dirs, tmp_path)
    window.debrief.open(sid)
    assert window.current_screen_key() == "debrief"
    debrief = window.debrief_screen
    box = debrief.items[0].text
    box.setFocus()
    qtbot.keyClicks(box, "Hesitated on the first question")
    qtbot.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert debrief.status.text() == "Debrief saved."
    assert not debrief.has_unsaved_changes()
    (entry,) = window.store().get_session(sid).debrief
    assert entry.text == "Hesitated on the first question"
    assert "Ctrl+S" in debrief.save_button.text()


def test_ctrl_shift_e_opens_the_export_menu(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    window, _sid = _window_on_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    opened = []
    monkeypatch.setattr(review.export_button, "showMenu", lambda: opened.append(True))  # exec() would block
    review.transcript.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(review.transcript, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert opened == [True]


def test_every_tab_stop_on_the_review_shows_its_focus(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _sid = _window_on_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    labels = (review.ten_seconds.strengths, review.ten_seconds.fixes)
    assert any("<a " in label.text() for label in labels)  # links to stop at
    for key_modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        review.export_button.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.processEvents()
        seen = []
        for _ in range(25):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, key_modifier)
            QApplication.processEvents()
            focus = QApplication.focusWidget()
            if focus in labels:
                seen.append(focus.selectedText())
        # Each stop on a summary label is one of its links, shown focused.
        assert seen and all(seen), (key_modifier, seen)
