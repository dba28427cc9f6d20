"""Trial 28 item 11 (Settings): "Unsaved changes..." showed bold beside the buttons while "Saved
at..." showed plain on the left, so the message jumped; "Sample spoken." stayed after saving and
after leaving the page."""
from __future__ import annotations

from PySide6.QtCore import QPoint

from interviewer.app.services import DeviceList

from test_first_run import VOICES, _window
from test_settings import _window as plain_window


def _left(label, screen) -> int:
    return label.mapTo(screen, QPoint(0, 0)).x()


def test_unsaved_and_saved_show_in_one_place_in_one_style(qtbot, isolated_dirs):
    window = plain_window(qtbot)
    window.show()
    window.go_to("settings")
    screen = window.settings_screen
    screen.set_devices(DeviceList(inputs=["USB mic"], outputs=["Speakers"], voices=VOICES, loaded=True))
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.status.isVisible() and bool(screen.status.text()))
    saved_at = _left(screen.status, screen)
    screen.long_pause.setValue(screen.long_pause.value() + 1.0)
    qtbot.waitUntil(screen.unsaved.isVisible)
    assert _left(screen.unsaved, screen) == saved_at, "the status stays where 'Saved at' was"
    assert "font-weight" not in screen.unsaved.styleSheet()
    assert screen.unsaved.font().weight() == screen.status.font().weight()


def test_sample_spoken_is_cleared_by_saving_and_by_leaving_the_page(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _speaker, _recorder = _window(qtbot, script_dirs, tmp_path)
    window.prepare_speaker()
    window.show()
    window.go_to("settings")
    screen = window.settings_screen
    screen.set_devices(window.devices)
    screen.sample_button.click()
    qtbot.waitUntil(lambda: screen.voice_status.text() == "Sample spoken.", timeout=5000)
    screen.save_button.click()
    assert screen.voice_status.text() == "", "the save is said in the status line, not the sample's"
    screen.sample_button.click()
    qtbot.waitUntil(lambda: screen.voice_status.text() == "Sample spoken.", timeout=5000)
    window.go_to("home")
    window.go_to("settings")
    assert screen.voice_status.text() == ""
