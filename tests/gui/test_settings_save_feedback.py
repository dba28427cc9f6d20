"""Trial 27: Settings kept "Saved to .../settings.json" in the footer over changed values (before
anything was saved), Save added no new message, the voice had no "Speak a sample" (only the guide
had one) and "Listening on: Headphones" did not say what it meant."""
from __future__ import annotations

import re

from interviewer.app.services import DeviceList
from interviewer.gui.settings_screen import SettingsScreen  # noqa: F401 (the screen under test)

from test_first_run import VOICES, _window
from test_settings import _window as plain_window


def test_a_change_shows_unsaved_and_save_says_when(qtbot, isolated_dirs):
    window = plain_window(qtbot)
    screen = window.settings_screen
    screen.set_devices(DeviceList(inputs=["USB mic"], outputs=["Speakers"], voices=VOICES, loaded=True))
    assert not screen.unsaved.isVisibleTo(screen)  # nothing changed yet
    screen.save_button.click()
    saved = screen.status.text()
    assert re.fullmatch(r"Saved at \d\d:\d\d to .*settings\.json\.", saved), saved
    original = screen.long_pause.value()
    screen.long_pause.setValue(original + 1.0)
    # The old "Saved at" no longer describes the screen: gone, and the unsaved mark shows.
    assert screen.unsaved.isVisibleTo(screen) and "Unsaved changes" in screen.unsaved.text()
    assert screen.status.text() == ""
    screen.long_pause.setValue(original)  # back as saved: nothing unsaved
    assert not screen.unsaved.isVisibleTo(screen)
    screen.voice.setCurrentIndex(screen.voice.findData("gmw/en"))
    assert screen.unsaved.isVisibleTo(screen)
    screen.save_button.click()
    assert not screen.unsaved.isVisibleTo(screen)
    assert re.fullmatch(r"Saved at \d\d:\d\d to .*settings\.json\.", screen.status.text())
    screen.rate.setValue(screen.rate.value() + 10)
    screen.revert_button.click()
    assert not screen.unsaved.isVisibleTo(screen)


def test_speak_a_sample_in_settings_uses_the_choice_and_keeps_the_saved_voice(qtbot, isolated_dirs, script_dirs,
                                                                                 tmp_path):
    window, speaker, _recorder = _window(qtbot, script_dirs, tmp_path)
    window.prepare_speaker()
    screen = window.settings_screen
    screen.set_devices(window.devices)
    heard = []  # (voice, rate) at each line said
    say = speaker.say
    speaker.say = lambda text, **kw: (heard.append((speaker.voice, speaker.rate)), say(text, **kw))
    screen.voice.setCurrentIndex(screen.voice.findData("gmw/en"))
    screen.rate.setValue(150)
    screen.sample_button.click()
    qtbot.waitUntil(lambda: screen.voice_status.text() == "Sample spoken.", timeout=5000)
    assert speaker.said and "interviewer" in speaker.said[-1] and heard[-1] == ("gmw/en", 150)
    saved = window.services.settings
    assert (speaker.voice, speaker.rate) == (saved.voice, saved.speech_rate)  # the sample saved nothing
    assert screen.unsaved.isVisibleTo(screen)


def test_the_headphones_row_says_what_it_means(qtbot, isolated_dirs):
    screen = plain_window(qtbot).settings_screen
    label = screen.output_setup.parentWidget().layout().labelForField(screen.output_setup)
    assert label.accessibleName() == "You listen with"
