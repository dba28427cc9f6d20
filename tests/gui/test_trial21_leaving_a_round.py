"""New-user trial 21, items 4-6: Ctrl+, in a round showed a bare "End the round now?" with the
side bar already on Settings, and Tab then Space (the end-answer key) ended the round by
accident; after a dialog closed, window shortcuts were dead until a click; "Playing from 01:45"
and an enabled Stop playback stayed on in another round's review."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui import confirm
from interviewer.gui.confirm import ask_destructive as real_question  # before the autouse fixture answers it
from test_round import make_window, run_round


def _round(qtbot, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    assert window.round_screen.running
    return window, clock


def _nav_key(window):
    return window.nav.item(window.nav.currentRow()).data(Qt.ItemDataRole.UserRole)


def test_settings_during_a_round_says_why_and_the_side_bar_waits(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                 confirmations):
    window, clock = _round(qtbot, script_dirs, tmp_path)
    screen = window.round_screen
    seen = []
    answer = {"yes": False}

    def ask(_parent, title, text, yes, no):
        seen.append((_nav_key(window), window.current_screen_key(), text, yes, no))
        return answer["yes"]

    confirm.ask_destructive = ask  # restored by the autouse fixture's monkeypatch
    window.go_to("settings")  # what Ctrl+, and the menu do
    nav_while_asked, screen_while_asked, text, yes, no = seen[0]
    assert nav_while_asked == "round" and screen_while_asked == "round"
    assert "Settings can't be opened during a round" in text and "End the round and open Settings?" in text
    assert "Settings" in yes and no.replace("&", "") == "Keep going"
    assert screen.running and window.current_screen_key() == "round" and _nav_key(window) == "round"

    answer["yes"] = True
    window.go_to("settings")
    assert window.current_screen_key() == "settings" and _nav_key(window) == "settings"
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
    QApplication.processEvents()
    # Ended to go to Settings: the saved round's review does not pull the user away from it.
    assert window.current_screen_key() == "settings"
    review_row = list(window._screens).index("review")
    assert not window.nav.item(review_row).isHidden()


def _press_in_dialog(qtbot, keys, log):
    """Presses `keys` in the modal dialog once it is up, as a person would."""
    def press():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, press)
            return
        for key in keys:
            target = box.focusWidget() or box
            log.append(type(target).__name__ + ":" + (getattr(target, "text", lambda: "")() or ""))
            qtbot.keyClick(target, key)
            if not box.isVisible():
                return
    QTimer.singleShot(0, press)


def _real_question(monkeypatch, confirmations):
    """The real dialog while `with`-ed (the test presses its keys), the fixture's answers after
    (closing the window at the test's end asks too)."""
    from contextlib import contextmanager
    from PySide6.QtWidgets import QMessageBox

    @contextmanager
    def real():
        monkeypatch.setattr(confirm, "ask_destructive", real_question)
        monkeypatch.setattr(QMessageBox, "question", QMessageBox.__dict__.get("question", QMessageBox.question))
        try:
            yield
        finally:
            monkeypatch.setattr(confirm, "ask_destructive", confirmations.ask_destructive)
            monkeypatch.setattr(QMessageBox, "question", confirmations.question)
    return real()


def test_tab_then_space_in_the_end_round_question_keeps_the_round(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                   monkeypatch, confirmations):
    window, _ = _round(qtbot, script_dirs, tmp_path)
    screen = window.round_screen
    log = []
    with _real_question(monkeypatch, confirmations):
        _press_in_dialog(qtbot, [Qt.Key.Key_Tab, Qt.Key.Key_Space], log)
        assert screen.ask_to_end_round() is False, log
        _press_in_dialog(qtbot, [Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Return], log)
        assert screen.ask_to_end_round() is False, log
        _press_in_dialog(qtbot, [Qt.Key.Key_E], log)  # the destructive button's own letter still works
        assert screen.ask_to_end_round() is True, log


def test_a_shortcut_works_right_after_a_dialog_closes(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch,
                                                      confirmations):
    window, _ = _round(qtbot, script_dirs, tmp_path)
    screen = window.round_screen
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    screen.setFocus()
    log = []
    with _real_question(monkeypatch, confirmations):
        _press_in_dialog(qtbot, [Qt.Key.Key_Escape], log)
        assert screen.ask_to_end_round() is False
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    assert QApplication.focusWidget() is screen
    confirmations.answer_yes = False
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert confirmations.asked == ["End the round?"]  # Ctrl+E works at once, no click needed
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert "Settings can't be opened" in confirmations.texts[-1]


def test_playing_status_clears_for_another_round_and_another_screen(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, clock = _round(qtbot, script_dirs, tmp_path)
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    stopped = []

    class Clip:
        def stop(self):
            stopped.append(1)

    window.services.play_audio = lambda path, start, on_done=None: Clip()  # a long clip: it never ends here
    review = window.review_screen
    answer = next(a for a in review.session.answers if a.audio_path)

    def play():
        window.review.play_answer(answer.id, 1.0)
        assert review.playing.text().startswith("Playing from") and review.stop_button.isEnabled()
        qtbot.waitUntil(lambda: window.review.playback is not None, timeout=5000)

    play()
    window.review.open(review.session.id)  # the review shows a round (the trial: another one)
    assert review.playing.text() == "" and not review.stop_button.isEnabled() and stopped == [1]
    play()
    window.go_to("home")
    assert review.playing.text() == "" and not review.stop_button.isEnabled() and stopped == [1, 1]
