"""Play a recorded answer from a given second, off the GUI thread, stoppable at any time.

QtMultimedia is not in PySide6-Essentials, so playback goes through sounddevice, written in
small blocks from a background thread (stopping is just setting a flag).
"""
from __future__ import annotations

import threading
import wave
from pathlib import Path
from typing import Any, Callable

import numpy as np

from interviewer.adapters.alsa_quiet import quiet_alsa
from interviewer.errors import UserError

_BLOCK_SECONDS = 0.05
# A clip not over this long after its own length has a stalled device (PortAudio's ALSA backend
# can block in write or stop after xruns): its end is reported anyway, or the review kept
# "Playing from 00:53" and an enabled "Stop playback" minutes after the audio ended.
STALL_GRACE_SECONDS = 2.0


def read_wav_segment(path: str | Path, start: float = 0.0, end: float | None = None) -> tuple[np.ndarray, int]:
    """float32 mono samples between start and end seconds, and the sample rate."""
    path = Path(path)
    try:
        with wave.open(str(path), "rb") as w:
            rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
            total = w.getnframes()
            first = min(total, max(0, int(start * rate)))
            last = total if end is None else min(total, max(first, int(end * rate)))
            w.setpos(first)
            raw = w.readframes(last - first)
    except FileNotFoundError:
        raise UserError(f"the recording {path} is missing; it may have been deleted") from None
    except (wave.Error, EOFError, OSError) as exc:
        raise UserError(f"cannot play {path}: {exc}") from None
    if width != 2:
        raise UserError(f"cannot play {path}: only 16-bit WAV files are supported")
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return samples, rate


class Playback:
    """One playing clip. `stop()` ends it early; `on_done(error_message_or_None)` fires once."""

    def __init__(self, samples: np.ndarray, rate: int, sounddevice_module: Any = None,
                 device: Any = None, on_done: Callable[[str | None], None] | None = None) -> None:
        self._samples = samples
        self._rate = rate
        self._sd = sounddevice_module
        self._device = device
        self._on_done = on_done
        self._stop = threading.Event()
        self.finished = threading.Event()
        self.error: str | None = None
        self.duration = len(samples) / rate if rate else 0.0
        self._written = 0  # samples handed to the device
        self._stream: Any = None
        self._end_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="answer-playback", daemon=True)
        self._watchdog = self._timer(self.duration + STALL_GRACE_SECONDS)
        self._seen_written = 0  # what the watchdog saw handed over when it last looked

    def _timer(self, seconds: float) -> threading.Timer:
        timer = threading.Timer(seconds, self._stalled)
        timer.daemon = True
        return timer

    def start(self) -> "Playback":
        self._thread.start()
        self._watchdog.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self.finished.wait(timeout)

    def _run(self) -> None:
        error = None
        try:
            sd = self._sd
            if sd is None:
                quiet_alsa()
                import sounddevice as sd
            block = max(1, int(self._rate * _BLOCK_SECONDS))
            with sd.OutputStream(samplerate=self._rate, channels=1, dtype="float32",
                                 device=self._device) as stream:
                self._stream = stream
                for i in range(0, len(self._samples), block):
                    if self._stop.is_set():
                        break
                    stream.write(self._samples[i:i + block].reshape(-1, 1))
                    self._written = min(len(self._samples), i + block)
        except Exception as exc:  # no output device, device busy, PortAudio errors
            error = f"Could not play the recording: {exc}"
        finally:
            self._end(error)

    def _stalled(self) -> None:
        """The device stopped taking audio: stop waiting for it and report the end.

        A clip still being handed over on a busy machine is slow, not stalled: the watchdog looks
        again later (trial 29 saw "The speaker stopped responding" on a clip that then played).
        It never calls into PortAudio itself: aborting the stream from this thread while the
        playback thread closed it aborted the whole process ("Fatal Python error: Aborted" in
        sounddevice's abort beside its close, a loaded test run). A thread stuck on the device
        is left to it; the review gets its end now."""
        if self.finished.is_set():
            return
        if self._written > self._seen_written:
            self._seen_written = self._written
            self._watchdog = self._timer(STALL_GRACE_SECONDS)
            self._watchdog.start()
            return
        self._stop.set()
        cut = self._written < len(self._samples)
        self._end("The speaker stopped responding, so playback was stopped." if cut else None)

    def _end(self, error: str | None) -> None:
        with self._end_lock:  # the playback thread and the watchdog: on_done fires once
            if self.finished.is_set():
                return
            self.error = error
            self.finished.set()
        self._watchdog.cancel()
        if self._on_done is not None:
            self._on_done(error)


def play_file(path: str | Path, start: float = 0.0, end: float | None = None, *,
              sounddevice_module: Any = None, device: Any = None,
              on_done: Callable[[str | None], None] | None = None) -> Playback:
    samples, rate = read_wav_segment(path, start, end)
    return Playback(samples, rate, sounddevice_module, device, on_done).start()
