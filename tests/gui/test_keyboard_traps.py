"""Tab never gets stuck (a keyboard-only pass): the review's transcript moved Tab from word to word
(every word is a link to its moment; 37 presses and still in the first answers), and the debrief's
answer boxes took Tab as a tab character. Enter on a per-answer row plays that answer, so the audio
the transcript's words play is not left to the mouse."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from test_round import play_to_review


def _tab_from(qtbot, window, widget, key=Qt.Key.Key_Tab) -> bool:
    window.activateWindow()
    widget.setFocus()
    QApplication.processEvents()
    assert widget.hasFocus()
    qtbot.keyClick(widget, key)
    QApplication.processEvents()
    return not widget.hasFocus()


def test_tab_leaves_the_review_transcript_and_rows_play_by_enter(qtbot, isolated_dirs, script_dirs, tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    assert "play:" in review.transcript.toHtml()
    assert _tab_from(qtbot, window, review.transcript)
    assert _tab_from(qtbot, window, review.transcript, Qt.Key.Key_Backtab)
    played = []
    review.play_requested.connect(lambda answer_id, at: played.append((answer_id, at)))
    review.table.setFocus()
    review.table.setCurrentCell(0, 0)
    qtbot.keyClick(review.table, Qt.Key.Key_Return)
    assert played == [(review.numbers.answers[0].part_ids[0], 0.0)]


def test_tab_leaves_the_debrief_answer_boxes(qtbot, isolated_dirs, script_dirs, tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path)
    window.debrief.open(window.last_session_id)
    QApplication.processEvents()
    box = window.debrief_screen.items[0].text
    assert _tab_from(qtbot, window, box)
    assert "\t" not in box.toPlainText()
    assert _tab_from(qtbot, window, box, Qt.Key.Key_Backtab)


def test_ctrl_e_ends_the_round_after_asking(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    """End round was a button without focus or key: a keyboard user could not end a round early."""
    from interviewer.gui import confirm

    from interviewer.core.clock import FakeClock
    from interviewer.gui.shortcuts_dialog import shortcuts
    from test_round import make_window

    assert any(keys == "Ctrl+E" for _, keys, _ in shortcuts())
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    assert screen.running
    asked = []
    monkeypatch.setattr(confirm, "ask_destructive", lambda *a, **k: asked.append(a[1]) or False)
    window.activateWindow()
    screen.scratchpad.setFocus()  # also while typing notes
    qtbot.keyClick(screen.scratchpad, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["End the round?"] and screen.running
    monkeypatch.setattr(confirm, "ask_destructive", lambda *a, **k: True)
    screen.setFocus()
    qtbot.keyClick(screen, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not screen.running, timeout=5000)


def test_the_keypad_enter_starts_the_chosen_round(qtbot, isolated_dirs, script_dirs, tmp_path):
    """F1 says Enter starts the chosen round card; the keypad's Enter did nothing (only Return did)."""
    from interviewer.core.clock import FakeClock
    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    home = window.home
    home.select_script("test-design")
    window.activateWindow()
    home.round_list.setFocus()
    QApplication.processEvents()
    with qtbot.waitSignal(home.start_requested, timeout=2000) as started:
        qtbot.keyClick(home.round_list, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert started.args[0].id == "test-design"


def test_the_lists_that_play_say_enter_plays_too(qtbot, isolated_dirs):
    """The findings and the moments to recall said '(click to listen)'; Enter plays them as well."""
    from PySide6.QtWidgets import QLabel

    from interviewer.gui.debrief_screen import DebriefScreen
    from interviewer.gui.review_screen import ReviewScreen

    for screen in (ReviewScreen(), DebriefScreen()):
        qtbot.addWidget(screen)
        texts = [label.text() for label in screen.findChildren(QLabel) if "to listen" in label.text()]
        assert texts and all("Enter or click to listen" in t for t in texts), texts
