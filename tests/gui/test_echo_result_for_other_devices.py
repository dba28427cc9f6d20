"""Session 35 item 3: the Check screen said "Loudspeakers" (an echo check's verdict) and kept
saying it after the microphone or the speaker was changed, until the check was run again, and
nothing offered it. A verdict found with another speaker or microphone is said as past, with
the check offered again (its button, enabled); the verdict returns for the pair it was found on."""
from __future__ import annotations

from dataclasses import replace

from interviewer.app.services import AppServices, DeviceList, ScriptList
from interviewer.app.settings import AppSettings, with_output_setup
from interviewer.gui.main_window import MainWindow

DEVICES = DeviceList(inputs=["Laptop mic", "Headset mic"], outputs=["Speakers", "Headphones"], loaded=True)


def _window(qtbot) -> MainWindow:
    found = with_output_setup(AppSettings(input_device="Laptop mic", output_device="Speakers", first_run_done=True),
                              "loudspeakers", "echo check")
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), settings=found))
    qtbot.addWidget(window)
    window.devices = DEVICES
    window.show_screen("check")
    return window


def _says_old_and_offers_the_check(window: MainWindow) -> None:
    screen = window.check_screen
    status = screen.echo_status.text()
    assert status.startswith("The last echo check (") and "found loudspeakers with another speaker or microphone" in status
    assert status.endswith("Check for echo again (stay quiet).")
    assert not status.startswith("Loudspeakers")
    assert screen.echo_button.isEnabled() and screen.echo_button.isVisibleTo(screen)


def test_another_microphone_in_settings_makes_the_verdict_old(qtbot, isolated_dirs):
    window = _window(qtbot)
    assert window.check_screen.echo_status.text().startswith("Loudspeakers (echo check, ")
    window.apply_settings(replace(window.services.settings, input_device="Headset mic"))
    _says_old_and_offers_the_check(window)
    window.apply_settings(replace(window.services.settings, input_device="Laptop mic"))  # back: it holds again
    assert window.check_screen.echo_status.text().startswith("Loudspeakers (echo check, ")


def test_another_speaker_in_settings_makes_the_verdict_old_even_after_the_checks_own_words(qtbot, isolated_dirs):
    window = _window(qtbot)
    window.check_screen.echo_status.setText("Loudspeakers: the microphone hears the interviewer.")  # the check's verdict
    window.apply_settings(replace(window.services.settings, output_device="Headphones"))
    _says_old_and_offers_the_check(window)


def test_another_microphone_chosen_on_the_check_screen_makes_the_verdict_old(qtbot, isolated_dirs):
    window = _window(qtbot)
    screen = window.check_screen
    screen.mic.setCurrentIndex(screen.mic.findData("Headset mic"))
    _says_old_and_offers_the_check(window)
    screen.mic.setCurrentIndex(screen.mic.findData("Laptop mic"))
    assert screen.echo_status.text().startswith("Loudspeakers (echo check, ")
