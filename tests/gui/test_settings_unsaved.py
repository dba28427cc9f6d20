"""Trial 39 item 2: leaving Settings or quitting with unsaved changes asked nothing and lost them,
while the debrief asks. Settings asks the same way: Save, Discard or Cancel; the side bar stays
on the screen asked about while the question is open (trial 39 item 9)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from test_round import make_window

from interviewer.core.clock import FakeClock


def _settings(qtbot, script_dirs, tmp_path):
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    saved = []
    window.services.save_settings = lambda settings: saved.append(settings) or None
    window.go_to("settings")
    screen = window.settings_screen
    screen.end_after_silence.setValue(screen.end_after_silence.value() + 1.0)
    assert screen.has_unsaved_changes()
    return window, screen, saved


def _answering(monkeypatch, window, answer, rows):
    def question(*_args, **_kwargs):
        rows.append(window.nav.currentRow())
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)


def test_leaving_settings_with_changes_asks_and_cancel_stays(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                               monkeypatch):
    window, screen, saved = _settings(qtbot, script_dirs, tmp_path)
    rows: list[int] = []
    _answering(monkeypatch, window, QMessageBox.StandardButton.Cancel, rows)
    settings_row = window.nav.currentRow()
    window.go_to("home")
    assert rows == [settings_row], "asked once, with the side bar still on Settings"
    assert window.current_screen_key() == "settings" and window.nav.currentRow() == settings_row
    assert screen.has_unsaved_changes() and saved == []


def test_save_keeps_the_change_and_discard_undoes_it(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    window, screen, saved = _settings(qtbot, script_dirs, tmp_path)
    wanted = screen.end_after_silence.value()
    rows: list[int] = []
    _answering(monkeypatch, window, QMessageBox.StandardButton.Save, rows)
    window.go_to("home")
    assert window.current_screen_key() == "home"
    assert [s.end_answer_after_silence for s in saved] == [wanted]
    assert window.services.settings.end_answer_after_silence == wanted
    window.go_to("settings")
    screen.end_after_silence.setValue(wanted + 1.0)
    _answering(monkeypatch, window, QMessageBox.StandardButton.Discard, rows)
    window.go_to("progress")
    assert window.current_screen_key() == "progress" and len(saved) == 1
    assert not screen.has_unsaved_changes() and screen.end_after_silence.value() == wanted


def test_quitting_with_unsaved_settings_asks(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    window, screen, saved = _settings(qtbot, script_dirs, tmp_path)
    rows: list[int] = []
    _answering(monkeypatch, window, QMessageBox.StandardButton.Cancel, rows)
    assert not window.close()
    assert len(rows) == 1 and window.isVisible() and screen.has_unsaved_changes()
    _answering(monkeypatch, window, QMessageBox.StandardButton.Save, rows)
    assert window.close()
    assert saved and saved[0].end_answer_after_silence == screen.end_after_silence.value()  # then the window state
