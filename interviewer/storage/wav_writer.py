"""A WAV writer that survives a crash: the file on disk is playable up to the last flush.

The header's size fields are rewritten at every flush (at most once a second by default), so a
SIGKILL or power cut loses at most that second. `repair_wav` fixes the header of a file whose
writer never got to close it, using the real file length.
"""
from __future__ import annotations

import os
import struct
import time
from pathlib import Path

import numpy as np

_HEADER_BYTES = 44


def _header(rate: int, channels: int, data_bytes: int) -> bytes:
    block_align = channels * 2
    return (
        b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
        + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block_align, block_align, 16)
        + b"data" + struct.pack("<I", data_bytes)
    )


class CrashSafeWavWriter:
    """16-bit PCM WAV, appended to as audio arrives, flushed to disk every `flush_seconds`."""

    def __init__(self, path: str | Path, rate: int = 16000, channels: int = 1, flush_seconds: float = 1.0,
                 fsync: bool = True) -> None:
        self.path = Path(path)
        self.rate = rate
        self.channels = channels
        self.flush_seconds = flush_seconds
        self._fsync = fsync
        self._file = open(self.path, "wb")
        self._data_bytes = 0
        self._file.write(_header(rate, channels, 0))
        self._last_flush = time.monotonic()
        self.flush()

    @property
    def seconds_written(self) -> float:
        return self._data_bytes / (2 * self.channels * self.rate)

    def write(self, samples: np.ndarray) -> None:
        """Append float samples in [-1, 1] (or int16). Flushes when flush_seconds have passed."""
        if self._file is None:
            raise ValueError(f"{self.path}: writer is closed")
        samples = np.asarray(samples)
        if samples.dtype != np.int16:
            samples = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")
        data = samples.astype("<i2", copy=False).tobytes()
        self._file.write(data)
        self._data_bytes += len(data)
        if time.monotonic() - self._last_flush >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if self._file is None:
            return
        end = self._file.tell()
        self._file.seek(0)
        self._file.write(_header(self.rate, self.channels, self._data_bytes))
        self._file.seek(end)
        self._file.flush()
        if self._fsync:
            os.fsync(self._file.fileno())
        self._last_flush = time.monotonic()

    def close(self) -> Path:
        if self._file is not None:
            self.flush()
            self._file.close()
            self._file = None
        return self.path

    def __enter__(self) -> "CrashSafeWavWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def repair_wav(path: str | Path) -> float:
    """Make the header of an unclosed WAV match the data actually on disk. Returns its seconds."""
    path = Path(path)
    with open(path, "r+b") as f:
        head = f.read(_HEADER_BYTES)
        if len(head) < _HEADER_BYTES or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path}: not a WAV file written by Interviewer")
        channels, rate = struct.unpack("<HI", head[22:28])
        f.seek(0, os.SEEK_END)
        size = f.tell()
        block = 2 * channels
        data_bytes = (size - _HEADER_BYTES) // block * block
        f.truncate(_HEADER_BYTES + data_bytes)
        f.seek(0)
        f.write(_header(rate, channels, data_bytes))
    return data_bytes / (block * rate)
