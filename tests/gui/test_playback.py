"""Playing an answer from a given second, off the GUI thread, with errors as messages."""
from __future__ import annotations

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.adapters.playback import play_file, read_wav_segment
from interviewer.storage.wav_writer import CrashSafeWavWriter


class FakeStream:
    def __init__(self, log, **kw):
        self.log = log
        log.append(("open", kw["samplerate"]))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, block):
        self.log.append(("write", block.shape[0]))


class FakeSoundDevice:
    def __init__(self, fail=False):
        self.log = []
        self.fail = fail

    def OutputStream(self, **kw):  # noqa: N802 (sounddevice's name)
        if self.fail:
            raise RuntimeError("Error opening OutputStream: Device unavailable [PaErrorCode -9985]")
        return FakeStream(self.log, **kw)


def _wav(path, seconds=3.0):
    samples = np.linspace(-0.5, 0.5, int(16000 * seconds), dtype=np.float32)
    with CrashSafeWavWriter(path, fsync=False) as w:
        w.write(samples)
    return path


def test_plays_from_the_requested_second(tmp_path):
    path = _wav(tmp_path / "a.wav")
    samples, rate = read_wav_segment(path, 1.0)
    assert rate == 16000 and len(samples) == 32000
    assert samples[0] == pytest.approx(-0.5 + 1.0 / 3.0, abs=1e-3)
    sd = FakeSoundDevice()
    done = []
    playback = play_file(path, 2.5, sounddevice_module=sd, on_done=done.append)
    assert playback.wait(5)
    assert done == [None]
    assert sd.log[0] == ("open", 16000)
    assert sum(n for kind, n in sd.log if kind == "write") == 8000


def test_device_errors_and_missing_files_are_messages(tmp_path):
    path = _wav(tmp_path / "a.wav")
    done = []
    playback = play_file(path, 0, sounddevice_module=FakeSoundDevice(fail=True), on_done=done.append)
    playback.wait(5)
    assert "Device unavailable" in done[0]
    with pytest.raises(UserError, match="missing"):
        play_file(tmp_path / "gone.wav")


def test_the_app_plays_on_the_speaker_chosen_in_settings(monkeypatch, isolated_dirs):
    from dataclasses import replace

    from interviewer.app import real_adapters

    calls = []
    monkeypatch.setattr(real_adapters, "play_audio",
                        lambda path, start, on_done=None, device=None: calls.append((path, start, device)))
    services = real_adapters.default_services()
    services.settings = replace(services.settings, output_device="spk-headphones")
    services.play_audio("a.wav", 2.5)
    assert calls == [("a.wav", 2.5, "spk-headphones")]


class StallingStream(FakeStream):
    """A device that stops taking audio at close (PortAudio's ALSA backend after xruns): its
    stop blocks until aborted."""

    def __init__(self, log, **kw):
        super().__init__(log, **kw)
        import threading

        self.aborted = threading.Event()

    def __exit__(self, *exc):
        self.aborted.wait(60)
        return False

    def abort(self):
        self.aborted.set()


class StallingSoundDevice(FakeSoundDevice):
    def OutputStream(self, **kw):  # noqa: N802
        return StallingStream(self.log, **kw)


def test_a_stalled_device_still_reports_the_end_of_the_clip(tmp_path, monkeypatch):
    """New-user trial: 'Playing from 00:53' stayed minutes after the audio ended: the device's
    stop never returned, so on_done never came. It comes once the clip's time is over."""
    from interviewer.adapters import playback as playback_module

    monkeypatch.setattr(playback_module, "STALL_GRACE_SECONDS", 0.2, raising=False)
    path = _wav(tmp_path / "a.wav", seconds=0.5)
    done = []
    playback = play_file(path, 0.0, sounddevice_module=StallingSoundDevice(), on_done=done.append)
    assert playback.wait(3)
    assert done == [None]  # all of it was played: no error to show
    playback.wait(0.5)
    assert done == [None]  # once


def test_the_review_resets_its_playback_status_when_a_stalled_clip_is_over(qtbot, isolated_dirs, script_dirs,
                                                                          tmp_path, monkeypatch):
    """The review's "Playing from ..." and "Stop playback" reset once the clip is over, even
    when the device never says so (the watchdog above), through the app's own controller."""
    from interviewer.adapters import playback as playback_module
    from interviewer.core.clock import FakeClock

    from test_issue14_bugs import _window_with_devices
    from test_round import run_round

    monkeypatch.setattr(playback_module, "STALL_GRACE_SECONDS", 0.2, raising=False)
    clock = FakeClock()
    window, _, _ = _window_with_devices(qtbot, script_dirs, tmp_path, clock)
    window.services.play_audio = lambda path, start, on_done=None: play_file(
        path, start, sounddevice_module=StallingSoundDevice(), on_done=on_done)
    window.home.select_script("test-design")
    window.home.start_button.click()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    review = window.review_screen
    answer = next(a for a in review.session.answers if a.audio_path)
    window.review.play_answer(answer.id, 0.0)
    assert review.playing.text().startswith("Playing from") and review.stop_button.isEnabled()
    qtbot.waitUntil(lambda: review.playing.text() == "" and not review.stop_button.isEnabled(), timeout=15000)
    assert not [m for level, m in window.banner.history if "stopped responding" in m]


class ClosingStream(FakeStream):
    """A device slow to drain at close: an abort from another thread while it closes is what
    made PortAudio abort the process."""

    def __init__(self, log, **kw):
        super().__init__(log, **kw)
        import threading

        self.closing = threading.Event()
        self.aborted_while_closing = False

    def __exit__(self, *exc):
        import time

        self.closing.set()
        time.sleep(0.6)
        self.closing.clear()
        return False

    def abort(self):
        if self.closing.is_set():
            self.aborted_while_closing = True


class ClosingSoundDevice(FakeSoundDevice):
    def OutputStream(self, **kw):  # noqa: N802
        self.stream = ClosingStream(self.log, **kw)
        return self.stream


def test_the_watchdog_never_aborts_a_stream_the_playback_thread_is_closing(tmp_path, monkeypatch):
    """A loaded test run: the watchdog fired while the clip's stream was draining at close and
    called abort() from its own thread: PortAudio aborted the process."""
    from interviewer.adapters import playback as playback_module

    monkeypatch.setattr(playback_module, "STALL_GRACE_SECONDS", 0.1, raising=False)
    path = _wav(tmp_path / "a.wav", seconds=0.2)
    device = ClosingSoundDevice()
    done = []
    playback = play_file(path, 0.0, sounddevice_module=device, on_done=done.append)
    assert playback.wait(3)
    import time

    time.sleep(0.8)  # the close is over
    assert not device.stream.aborted_while_closing
    assert done == [None]  # all of it was handed over: nothing to report


class SlowStream(FakeStream):
    """A busy machine: each block is taken, but later than it plays."""

    def write(self, block):
        import time

        time.sleep(0.1)
        super().write(block)


class SlowSoundDevice(FakeSoundDevice):
    def OutputStream(self, **kw):  # noqa: N802
        return SlowStream(self.log, **kw)


def test_a_clip_still_being_taken_on_a_busy_machine_is_not_called_stalled(tmp_path, monkeypatch):
    """Trial 29: "The speaker stopped responding, so playback was stopped." on a loaded machine,
    for a clip the device was still taking (slowly): it plays to its end, with no problem said."""
    from interviewer.adapters import playback as playback_module

    monkeypatch.setattr(playback_module, "STALL_GRACE_SECONDS", 0.2, raising=False)
    path = _wav(tmp_path / "a.wav", seconds=0.5)  # 10 blocks of 0.05 s, taken in 1 s
    done = []
    playback = play_file(path, 0.0, sounddevice_module=SlowSoundDevice(), on_done=done.append)
    assert playback.wait(5)
    assert done == [None]
    assert playback._written == 8000
