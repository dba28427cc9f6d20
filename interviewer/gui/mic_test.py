"""The microphone test, one code path for the first-start guide and the Check screen: record a
few seconds from a device, show the level and the loudest moment on a meter, then play the
recording back on the chosen speaker and say in words how it sounded.

New-user trial 17: the guide's copy of this test failed to play back twice while the Check
screen's played fine, and their meters marked a decayed peak left of "good" while the verdict
said -15 dBFS. One class now does both, and the meter's marker is the verdict's number."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer

from interviewer.app.mic_level import heard_nothing, mic_test_verdict
from interviewer.gui.level_meter import LevelMeter
from interviewer.gui.workers import post_to_gui, run_in_background

NO_LEVEL = -100.0  # the loudest moment before any block was heard


class MicTest(QObject):
    """`on_recording()`, `on_playing()` and `on_done(message)` tell the screen what happens
    (GUI thread). `services` is read at start: the speaker chosen may have changed."""

    def __init__(self, services, meter: LevelMeter, on_recording: Callable[[], None],
                 on_playing: Callable[[], None], on_done: Callable[[str], None], parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.meter = meter
        self._on_recording, self._on_playing, self._on_done = on_recording, on_playing, on_done
        self.recorder = None
        self.level_dbfs = 0.0  # written by the recorder's thread, read by the timer
        self.loudest_dbfs = NO_LEVEL
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._show_level)

    @property
    def running(self) -> bool:
        return self.recorder is not None

    def start(self, device, duration_ms: int) -> bool:
        """Record `duration_ms` from `device` (None: the default); False if it did not start."""
        from interviewer import paths

        if self.recorder is not None:
            return False
        if self.services.make_recorder is None:
            self._on_done("Recording is not available on this computer.")
            return False
        self.level_dbfs, self.loudest_dbfs = 0.0, NO_LEVEL
        self.meter.set_loudest(None)

        def level(dbfs: float) -> None:  # recorder thread: store numbers only
            self.level_dbfs = dbfs
            self.loudest_dbfs = max(self.loudest_dbfs, dbfs)

        try:
            folder = paths.data_dir()
            folder.mkdir(parents=True, exist_ok=True)  # recordings stay in the data folder
            recorder = self.services.make_recorder(replace(self.services.settings, input_device=device))
            recorder.start(folder / "microphone-test.wav", on_level=level)
        except Exception as exc:
            self._on_done(f"The microphone could not be opened: {exc}")
            return False
        self.recorder = recorder
        self._on_recording()
        self._timer.start()
        QTimer.singleShot(duration_ms, lambda: self._stop_and_play(recorder))
        return True

    def _show_level(self) -> None:
        self.meter.set_level(self.level_dbfs)
        if self.loudest_dbfs > NO_LEVEL:
            self.meter.set_loudest(self.loudest_dbfs)

    def _stop_and_play(self, recorder) -> None:
        if self.recorder is not recorder:
            return  # cancelled
        self.recorder = None
        self._timer.stop()
        try:
            recorded: Path = recorder.stop()
        except Exception as exc:
            self._finish_meter()
            self._on_done(f"The recording failed: {exc}")
            return
        finally:
            _release(recorder)
        self._finish_meter()
        verdict = mic_test_verdict(self.loudest_dbfs)
        play = self.services.play_audio
        if heard_nothing(self.loudest_dbfs):
            # 4 s of played-back silence only delayed "Too quiet" (trial 23): said at once.
            _remove(recorded)
            self._on_done(verdict + " Nothing to play back.")
            return
        if play is None:
            self._on_done(verdict)
            return
        self._on_playing()

        def finish(error) -> None:
            _remove(recorded)
            self._on_done(verdict + (f" Playback failed: {error}" if error else ""))

        run_in_background(lambda: play(recorded, 0.0, on_done=lambda error: post_to_gui(lambda: finish(error))),
                          None, lambda exc: finish(str(exc)))

    def _finish_meter(self) -> None:
        """The bar empties; the marker stays on the loudest moment the verdict names."""
        self.meter.set_level(0.0)
        if self.loudest_dbfs > NO_LEVEL:
            self.meter.set_loudest(self.loudest_dbfs)

    def cancel(self) -> None:
        """Stop recording (the screen closes or the app quits); nothing is played."""
        self._timer.stop()
        recorder, self.recorder = self.recorder, None
        if recorder is not None:
            try:
                recorder.stop()
            except Exception:
                pass
            _release(recorder)


def _release(recorder) -> None:
    """Let go of the microphone (it stays open between takes otherwise)."""
    try:
        recorder.close()
    except Exception:  # the recording is already closed and safe
        pass


def _remove(recorded: Path) -> None:
    """The test's recording is not kept."""
    try:
        recorded.unlink()
    except OSError:
        pass
