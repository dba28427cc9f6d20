"""When does the candidate start talking? A voice detector that ignores the interviewer's own voice.

With headphones the microphone hears only the candidate; with loudspeakers it also hears the
interviewer, which must not count as the candidate talking over it (barge-in). So the detector
compares the microphone with what is being played: the speaker keeps the last seconds it handed
to the device (`PlaybackReference`, at 16 kHz); for each microphone block the detector finds the
delay and gain at which the played sound best explains the block (normalized cross-correlation
over up to `echo_window` seconds of delay) and only the part the playback does not explain
(a fraction 1 - r^2 of the block's energy) can count as the candidate's voice. Real rooms add
reverberation that a single delay does not fully explain, so a voiced frame also needs
`echo_margin_db` of unexplained energy over the threshold while the interviewer talks.

A frame (20 ms) is voiced when what is left is louder than `threshold_dbfs`; `onset_frames`
voiced frames in a row start the voice (on_voice is called once), and `release_seconds` without
one end it. Runs on the microphone's thread; `on_voice` must be thread-safe.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable

import numpy as np

from interviewer.core.audio_format import SAMPLE_RATE


class PlaybackReference:
    """What the speaker handed to the output device, at 16 kHz, stamped with the time it did."""

    def __init__(self, keep_seconds: float = 4.0) -> None:
        self.keep_seconds = keep_seconds
        self._blocks: deque[tuple[float, np.ndarray]] = deque()
        self._lock = threading.Lock()

    def add(self, samples: np.ndarray, at: float | None = None) -> None:
        at = time.monotonic() if at is None else at
        with self._lock:
            self._blocks.append((at, np.asarray(samples, dtype=np.float32).reshape(-1)))
            while self._blocks and self._blocks[0][0] < at - self.keep_seconds:
                self._blocks.popleft()

    def window(self, until: float, seconds: float) -> np.ndarray | None:
        """Everything handed over in the `seconds` before `until` (None if nothing was)."""
        with self._lock:
            parts = [b for t, b in self._blocks if until - seconds <= t <= until]
        return np.concatenate(parts) if parts else None


def explained_fraction(block: np.ndarray, reference: np.ndarray) -> float:
    """r^2 of the best delayed, scaled copy of `reference` against `block` (0..1)."""
    n = block.size
    # Before the playback began there was silence: a block may hold the very start of the echo.
    reference = np.concatenate([np.zeros(n, dtype=np.float32), reference])
    block_energy = float(np.dot(block, block))
    if block_energy <= 1e-12:
        return 1.0
    size = 1 << int(np.ceil(np.log2(reference.size + n)))
    # Correlation of block with every window of reference, via FFT.
    spectrum = np.fft.rfft(reference, size) * np.conj(np.fft.rfft(block, size))
    corr = np.fft.irfft(spectrum, size)[: reference.size - n + 1]
    squares = np.concatenate([[0.0], np.cumsum(reference.astype(np.float64) ** 2)])
    window_energy = squares[n:] - squares[:-n]
    with np.errstate(divide="ignore", invalid="ignore"):
        r2 = np.where(window_energy > 1e-12, corr ** 2 / (window_energy * block_energy), 0.0)
    return float(min(1.0, np.max(r2))) if r2.size else 0.0


class VoiceDetector:
    def __init__(self, on_voice: Callable[[], None],
                 reference: Callable[[], PlaybackReference | None] | None = None, *,
                 threshold_dbfs: float = -42.0, frame_seconds: float = 0.02, onset_frames: int = 3,
                 release_seconds: float = 0.6, echo_window: float = 1.2, echo_margin_db: float = 6.0,
                 now: Callable[[], float] = time.monotonic) -> None:
        self.on_voice = on_voice
        self._reference = reference
        self.threshold_dbfs = threshold_dbfs
        self.frame = max(1, int(frame_seconds * SAMPLE_RATE))
        self.onset_frames = onset_frames
        self.release_seconds = release_seconds
        self.echo_window = echo_window
        self.echo_margin_db = echo_margin_db
        self._now = now
        self._run = 0
        self.active = False
        self._last_voiced = -1e9
        self.onsets: list[float] = []  # when voice started (monotonic), for benchmarks
        self.last_explained = 0.0  # r^2 of the last block against the playback (diagnostics)

    def process(self, block: np.ndarray) -> bool:
        """Feed one 16 kHz mono block; True if the candidate's voice started in it."""
        now = self._now()
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        threshold = self.threshold_dbfs
        scale_db = 0.0
        reference = self._reference() if self._reference is not None else None
        played = reference.window(now, self.echo_window) if reference is not None else None
        if played is not None and float(np.max(np.abs(played), initial=0.0)) > 1e-4:
            self.last_explained = explained_fraction(block, played)
            scale_db = 10.0 * np.log10(max(1e-6, 1.0 - self.last_explained))
            threshold += self.echo_margin_db
        started = False
        for begin in range(0, block.size - self.frame + 1, self.frame):
            frame = block[begin:begin + self.frame]
            level = 10.0 * np.log10(float(np.mean(frame.astype(np.float64) ** 2)) + 1e-12) + scale_db
            if level > threshold:
                self._run += 1
                self._last_voiced = now
                if self._run >= self.onset_frames and not self.active:
                    self.active = started = True
                    self.onsets.append(now)
            else:
                self._run = 0
        if self.active and now - self._last_voiced > self.release_seconds:
            self.active = False
        if started:
            self.on_voice()
        return started
