"""Headphones or loudspeakers (issue 12 item 1): kept in the settings with when and on which
devices it was found, shown and changeable in Settings, unknown again on another speaker, and a
round with loudspeakers has no barge-in and says how to interrupt."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from interviewer.app.services import AppServices, DeviceList, ScriptList
from interviewer.app.settings import (
    AppSettings, load_settings, output_setup_for, save_settings, settings_path, with_output_setup,
)
from interviewer.core.clock import FakeClock
from interviewer.gui.main_window import MainWindow
from interviewer.gui.round_screen import LOUDSPEAKER_HINT, UNCHECKED_HINT

from gui_fakes import FakeSpeaker
from test_round import make_window, run_round


def test_the_output_setup_round_trips_through_the_settings_file(isolated_dirs):
    checked = with_output_setup(AppSettings(output_device="Speakers", input_device="USB mic"), "loudspeakers",
                                "echo check")
    save_settings(checked)
    loaded, problem = load_settings()
    assert problem is None and loaded == checked
    assert (loaded.output_setup, loaded.output_setup_source) == ("loudspeakers", "echo check")
    assert (loaded.output_setup_output_device, loaded.output_setup_input_device) == ("Speakers", "USB mic")
    assert loaded.output_setup_at.endswith("+00:00") and output_setup_for(loaded) == "loudspeakers"


def test_another_speaker_or_a_hand_edited_word_is_unknown(isolated_dirs):
    checked = with_output_setup(AppSettings(output_device="Speakers"), "headphones", "echo check")
    assert output_setup_for(checked) == "headphones"
    assert output_setup_for(replace(checked, output_device="HDMI")) == "unknown"
    assert output_setup_for(replace(checked, output_device=None)) == "unknown"
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({**checked.to_dict(), "output_setup": "earbuds"}))
    loaded, _ = load_settings()
    assert output_setup_for(loaded) == "unknown"
    with pytest.raises(ValueError, match="earbuds"):
        with_output_setup(checked, "earbuds", "set by hand")


def _settings_window(qtbot, settings: AppSettings) -> MainWindow:
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), save_settings=save_settings,
                                    settings=settings))
    qtbot.addWidget(window)
    window.settings_screen.set_devices(DeviceList(outputs=["Speakers", "HDMI"], loaded=True))
    return window


def test_settings_shows_the_setup_of_the_chosen_speaker_and_saves_a_change_by_hand(qtbot, isolated_dirs):
    checked = with_output_setup(AppSettings(output_device="Speakers", input_device="USB mic"), "loudspeakers", "echo check")
    screen = _settings_window(qtbot, checked).settings_screen
    assert screen.output_setup.currentData() == "loudspeakers"
    assert "Echo check" in screen.output_setup_note.text() and "USB mic" in screen.output_setup_note.text()
    # When, as a person reads a date (it showed '2026-12-03 05:00:40+00:00').
    import re

    assert "+00:00" not in screen.output_setup_note.text()
    assert not re.search(r"\d\d:\d\d:\d\d", screen.output_setup_note.text())  # no seconds
    from datetime import datetime

    when = datetime.fromisoformat(checked.output_setup_at).astimezone()
    assert f"{when.day} {when:%b %Y, %H:%M}" in screen.output_setup_note.text()
    screen.output_device.setCurrentIndex(screen.output_device.findData("HDMI"))  # another speaker
    assert screen.output_setup.currentData() == "unknown" and "Not checked" in screen.output_setup_note.text()
    screen.output_setup.setCurrentIndex(screen.output_setup.findData("headphones"))  # the user knows
    screen.save_button.click()
    saved, _ = load_settings()
    assert (saved.output_device, saved.output_setup, saved.output_setup_source) == ("HDMI", "headphones",
                                                                                     "set by hand")
    assert output_setup_for(saved) == "headphones"
    # Saving other settings without touching it keeps what the echo check found.
    screen.load(checked)
    screen.rate.setValue(150)
    screen.save_button.click()
    saved, _ = load_settings()
    assert (saved.output_setup, saved.output_setup_source, saved.speech_rate) == ("loudspeakers", "echo check",
                                                                                   150)


@pytest.mark.parametrize("setup", ["loudspeakers", "headphones", "unknown"])
def test_a_round_with_loudspeakers_has_no_barge_in_and_says_space_interrupts(qtbot, script_dirs, tmp_path,
                                                                               isolated_dirs, setup):
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.services.settings = with_output_setup(window.services.settings, setup, "set by hand")
    assert window.home.select_script("test-design")
    window.home.start_button.click()
    assert window.current_screen_key() == "round"
    screen = window.round_screen
    controller = screen.session.controller
    assert controller.settings.barge_in == (setup != "loudspeakers")
    assert controller.settings.speakers_checked == (setup != "unknown")
    # Not checked yet: Space (which always works) and the echo check, not "just talk" (new-user trial 7).
    hints = {"loudspeakers": LOUDSPEAKER_HINT, "unknown": UNCHECKED_HINT, "headphones": None}
    assert screen.interrupt_hint.isVisible() == (hints[setup] is not None)
    if hints[setup]:
        assert screen.interrupt_hint.text() == hints[setup]
    assert "Space" in UNCHECKED_HINT and "echo check" in UNCHECKED_HINT
    run_round(qtbot, window, window.services.clock)
    assert not screen.running


class HoldingSpeaker(FakeSpeaker):
    """Speaks until stopped, as a long sentence would."""

    def __init__(self) -> None:
        super().__init__()
        self.pending = None
        self.stops = 0

    def say(self, text, on_done=None):
        self.said.append(text)
        self.pending = on_done

    def stop(self):
        self.stops += 1
        done, self.pending = self.pending, None
        done and done()


def test_with_loudspeakers_space_interrupts_the_interviewer_and_talking_does_not(qtbot, script_dirs, tmp_path,
                                                                                   isolated_dirs):
    speaker = HoldingSpeaker()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock(), speaker=speaker)
    window.services.settings = with_output_setup(window.services.settings, "loudspeakers", "set by hand")
    assert window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    controller = screen.session.controller
    qtbot.waitUntil(lambda: controller.status == "speaking", timeout=3000)
    controller.on_voice()  # the room brings the interviewer's voice back: no barge-in
    screen._tick()
    assert controller.status == "speaking" and speaker.pending is not None
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.status == "listening", timeout=3000)
    assert controller.current_answer.barged_in and controller.utterances[0].interrupted
    controller.stop()


def test_loudspeakers_heard_in_a_round_are_kept_and_the_round_screen_says_space(qtbot, script_dirs, tmp_path,
                                                                                 isolated_dirs):
    """Nobody ran the echo check; the round's own check (adapters/voice.py EchoWatch) hears the
    interviewer: the round screen's hint changes to the loudspeaker one, talking no longer
    interrupts, and the setup is kept for this speaker, as the echo check would keep it."""
    window, speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.services.save_settings = save_settings
    assert output_setup_for(window.services.settings) == "unknown"
    assert window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    assert screen.interrupt_hint.text() == UNCHECKED_HINT
    screen.session._loudspeakers_heard()  # what EchoWatch calls from the microphone's thread
    qtbot.waitUntil(lambda: screen.interrupt_hint.text() == LOUDSPEAKER_HINT, timeout=3000)
    assert screen.interrupt_hint.isVisible() and not screen.session.controller.settings.barge_in
    assert "Space" in screen.status.text() or screen.session.controller.status != "speaking"
    saved, _ = load_settings()
    assert (saved.output_setup, saved.output_setup_source) == ("loudspeakers", "heard in a round")
    assert output_setup_for(window.services.settings) == "loudspeakers"
    run_round(qtbot, window, window.services.clock)
    # The next round starts with loudspeakers known.
    assert window.home.select_script("test-design")
    window.home.start_button.click()
    assert not window.round_screen.session.controller.settings.barge_in
    assert window.round_screen.interrupt_hint.text() == LOUDSPEAKER_HINT
    run_round(qtbot, window, window.services.clock)
