"""New-user trial 29 D11 (1): after the first-start guide's echo check found headphones, the Check
screen still said "Headphones work best: check whether the microphone hears the interviewer.", and
Settings named the microphone "pulse source: t29mic.monitor". The Check screen shows what is known
for the speaker in use, and both name the microphone as Settings' microphone list does."""
from __future__ import annotations

from dataclasses import replace

from interviewer.app.labels import known_echo_text, output_setup_found_text
from interviewer.app.services import AppServices, DeviceList, ScriptList
from interviewer.app.settings import AppSettings, with_output_setup
from interviewer.gui.check_screen import ECHO_HINT
from interviewer.gui.main_window import MainWindow

SOURCE = "pulse source: t29mic.monitor"
DEVICES = DeviceList(inputs=[SOURCE], input_labels={SOURCE: "Microphone: Monitor of t29mic"},
                     outputs=["Speakers"], loaded=True)


def _found(setup: str = "headphones") -> AppSettings:
    """What the guide's echo check keeps: the setup, on the default speaker, heard with SOURCE."""
    return with_output_setup(AppSettings(input_device=SOURCE, first_run_done=True), setup, "echo check")


def _window(qtbot, settings: AppSettings) -> MainWindow:
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), settings=settings))
    qtbot.addWidget(window)
    window.devices = DEVICES
    return window


def test_check_screen_shows_the_echo_check_the_guide_did(qtbot, isolated_dirs):
    window = _window(qtbot, _found())
    window.show_screen("check")  # from the side bar
    status = window.check_screen.echo_status.text()
    assert status != ECHO_HINT and "check whether" not in status
    assert status.startswith("Headphones (echo check, ") and "does not hear the interviewer" in status
    assert "Monitor of t29mic" in status and "pulse source" not in status
    window.check.open(None)  # from Home's Start: the same
    assert window.check_screen.echo_status.text() == status


def test_check_screen_asks_for_the_check_on_another_speaker(qtbot, isolated_dirs):
    window = _window(qtbot, replace(_found(), output_device="Speakers"))  # found on the default, not these
    window.check.open(None)
    # The check's verdict was for another speaker: said as past, with the check offered (session 35).
    assert window.check_screen.echo_status.text().startswith("The last echo check (")
    assert window.check_screen.echo_status.text().endswith(
        "found headphones with another speaker or microphone: it does not hold for these. "
        "Check for echo again (stay quiet).")


def test_check_screen_follows_a_setup_changed_in_settings(qtbot, isolated_dirs):
    window = _window(qtbot, AppSettings(first_run_done=True))
    window.check.open(None)
    assert window.check_screen.echo_status.text() == ECHO_HINT
    window.apply_settings(_found("loudspeakers"))
    status = window.check_screen.echo_status.text()
    assert status.startswith("Loudspeakers (echo check, ") and "Space" in status


def test_settings_names_the_microphone_of_the_echo_check_by_its_friendly_name(qtbot, isolated_dirs):
    window = _window(qtbot, _found())
    screen = window.settings_screen
    screen.set_devices(DEVICES)
    note = screen.output_setup_note.text()
    assert "Echo check" in note and "microphone: Monitor of t29mic" in note, note
    assert "pulse source" not in note
    # One wording: the Check screen says the same.
    found = output_setup_found_text(window.services.settings, DEVICES.input_labels)
    assert note == found + "."
    assert found[1:] in known_echo_text(window.services.settings, DEVICES.input_labels)
