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
from typing import TYPE_CHECKING

from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.storage.errors import recording_error

if TYPE_CHECKING:
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

    def __init__(self, path: str | Path, rate: int = SAMPLE_RATE, channels: int = 1, flush_seconds: float = 1.0,
                 fsync: bool = True) -> None:
        self.path = Path(path)
        self.rate = rate
        self.channels = channels
        self.flush_seconds = flush_seconds
        self._fsync = fsync
        try:
            # Unbuffered: what write() returned from is in the file, so after a failed write
            # (disk full) the file can be cut back to the last whole chunk and stay playable.
            # Readable by the user only: recordings are private.
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
            self._file = os.fdopen(fd, "wb", buffering=0)
        except OSError as exc:
            raise recording_error(exc, "Starting a recording", self.path) from None
        self._data_bytes = 0
        self._flushed_bytes = 0
        self._last_flush = time.monotonic()
        self._guarded(self._write_all, _header(rate, channels, 0))
        self.flush()

    @property
    def seconds_written(self) -> float:
        return self._data_bytes / (2 * self.channels * self.rate)

    @property
    def seconds_flushed(self) -> float:
        """Audio that a crash right now would keep (on disk and in the header)."""
        return self._flushed_bytes / (2 * self.channels * self.rate)

    def write(self, samples: np.ndarray) -> None:
        """Append float samples in [-1, 1] (or int16). Flushes when flush_seconds have passed."""
        if self._file is None:
            raise ValueError(f"{self.path}: writer is closed")
        import numpy as np  # here, not at the top: opening the store at start-up does not need it

        samples = np.asarray(samples)
        if samples.dtype != np.int16:
            samples = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")
        data = samples.astype("<i2", copy=False).tobytes()
        self._guarded(self._write_all, data)
        self._data_bytes += len(data)
        if time.monotonic() - self._last_flush >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if self._file is None:
            return
        self._guarded(self._flush_header)

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = self._file.write(view)
            view = view[written:]

    def _guarded(self, operation, *args) -> None:
        """Run a file operation; on failure (disk full, device gone) keep what was already
        written as a valid WAV, close the file and raise a StorageError saying what was kept."""
        try:
            operation(*args)
        except OSError as exc:
            kept = self._salvage()
            raise recording_error(exc, "Recording", self.path,
                                  f" The recording up to {kept:.1f} s is kept in {self.path}.") from None

    def _salvage(self) -> float:
        fd = self._file.fileno()
        try:
            os.ftruncate(fd, _HEADER_BYTES + self._data_bytes)
            os.pwrite(fd, _header(self.rate, self.channels, self._data_bytes), 0)
            os.fsync(fd)
        except OSError:
            pass  # repair_wav at the next start fixes the header from the file length
        try:
            self._file.close()
        except OSError:
            pass
        self._file = None
        return self.seconds_written

    def _flush_header(self) -> None:
        end = self._file.tell()
        self._file.seek(0)
        self._file.write(_header(self.rate, self.channels, self._data_bytes))
        self._file.seek(end)
        self._file.flush()
        if self._fsync:
            os.fsync(self._file.fileno())
        self._flushed_bytes = self._data_bytes
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
        if len(head) < _HEADER_BYTES and _header(SAMPLE_RATE, 1, 0).startswith(head):
            # Killed between creating the file and finishing its header: it holds no audio, so
            # an empty WAV in the format the writer starts with loses nothing and plays.
            f.seek(0)
            f.truncate()
            f.write(_header(SAMPLE_RATE, 1, 0))
            return 0.0
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
