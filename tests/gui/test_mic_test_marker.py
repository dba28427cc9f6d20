"""New-user trial 17: after a microphone test the verdict said "loudest moment -15 dBFS; good is
-40 to -6" while the meter's marker sat left of its first tick, in "too quiet" (the guide and the
Check screen): the marker was a peak that decayed through the quiet after the sentence. The
marker is the verdict's number, on the bar's own scale, in both places; and both run one test
(mic_test.py), so the guide plays back as the Check screen does."""
from __future__ import annotations

import wave

import pytest
from PySide6.QtWidgets import QApplication

from interviewer.app.services import DeviceList
from interviewer.core.clock import FakeClock
from interviewer.gui import theme
from interviewer.gui.level_meter import LOUD_START, QUIET_END, level_to_fraction
from interviewer.gui.mic_test import MicTest

from test_round import RecordingPlayer, make_window


class SentenceThenQuiet:
    """A recorder that hears one sentence peaking at -15 dBFS, then the quiet room."""

    closed = False

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        self.path = wav_path
        with wave.open(str(wav_path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16000)
            w.writeframes(b"\0\0" * 1600)
        on_level(-30.0)
        on_level(-15.0)
        for _ in range(40):
            on_level(-58.0)

    def stop(self):
        return self.path

    def close(self):
        self.closed = True


def _marker_x_painted(meter) -> int | None:
    """The column where the marker's colour is painted in the bar."""
    image = meter.grab().toImage()
    ink = theme.current().color("text").rgb()
    y = 7
    columns = [x for x in range(image.width()) if image.pixelColor(x, y).rgb() == ink]
    return round(sum(columns) / len(columns)) if columns else None


@pytest.mark.parametrize("where", ["guide", "check"])
def test_the_marker_is_where_the_verdicts_loudest_moment_is(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                             monkeypatch, where):
    import interviewer.gui.check_controller as check_controller
    import interviewer.gui.first_run as first_run

    monkeypatch.setattr(first_run, "MIC_TEST_MS", 50)
    monkeypatch.setattr(check_controller, "TEST_RECORDING_MS", 50)
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.services.make_recorder = lambda _s: SentenceThenQuiet()
    player = window.services.play_audio = RecordingPlayer()
    window.devices = DeviceList(inputs=["Virtual mic"], voices=[("en-us", "English")], loaded=True)
    if where == "guide":
        window.maybe_show_first_run()
        dialog = window.first_run
        dialog.next_button.click()
        meter, button, status, test = dialog.meter, dialog.test_button, dialog.mic_status, dialog.mic_test
    else:
        window.show_screen("check")
        check = window.check_screen
        meter, button, status, test = check.meter, check.mic_button, check.mic_status, window.check.mic_test
    assert isinstance(test, MicTest)  # one code path for both
    meter.resize(600, meter.height())
    button.click()
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=3000)
    QApplication.processEvents()
    assert "loudest moment -15 dBFS" in status.text() and "Playback failed" not in status.text()
    assert player.calls  # played back on the chosen speaker, as on the other screen
    assert meter.marker_fraction() == pytest.approx(level_to_fraction(-15.0))
    assert QUIET_END < meter.marker_fraction() < LOUD_START  # in "good", as the words say
    painted = _marker_x_painted(meter)
    assert painted is not None and abs(painted - meter.width() * level_to_fraction(-15.0)) <= 2, painted
    if where == "guide":
        dialog.skip()


class Silence(SentenceThenQuiet):
    """A recorder that hears only the quiet room: the candidate did not speak."""

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        self.path = wav_path
        with wave.open(str(wav_path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16000)
            w.writeframes(b"\0\0" * 1600)
        for _ in range(40):
            on_level(-70.0)


@pytest.mark.parametrize("where", ["guide", "check"])
def test_a_test_that_heard_nothing_says_so_at_once_without_playing_silence(qtbot, isolated_dirs, script_dirs,
                                                                            tmp_path, monkeypatch, where):
    """Trial 23: 4 s of silence were played back before "Too quiet"."""
    import interviewer.gui.check_controller as check_controller
    import interviewer.gui.first_run as first_run

    monkeypatch.setattr(first_run, "MIC_TEST_MS", 50)
    monkeypatch.setattr(check_controller, "TEST_RECORDING_MS", 50)
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    recorder = Silence()
    window.services.make_recorder = lambda _s: recorder
    player = window.services.play_audio = RecordingPlayer()
    window.devices = DeviceList(inputs=["Virtual mic"], voices=[("en-us", "English")], loaded=True)
    if where == "guide":
        window.maybe_show_first_run()
        dialog = window.first_run
        dialog.next_button.click()
        button, status = dialog.test_button, dialog.mic_status
    else:
        window.show_screen("check")
        button, status = window.check_screen.mic_button, window.check_screen.mic_status
    button.click()
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=3000)
    QApplication.processEvents()
    assert status.text().startswith("Too quiet") and "Nothing to play back." in status.text(), status.text()
    assert not player.calls  # no silence played back
    assert not recorder.path.exists() and recorder.closed
    if where == "guide":
        dialog.skip()
