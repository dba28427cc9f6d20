"""A round's recordings exported as one WAV or FLAC file (answers in order, a short gap between),
or one file per recording. Streams in blocks, so an hour of audio needs little memory."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

import numpy as np
import soundfile as sf

from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.errors import Cancelled

Progress = Callable[[float, float], None]

GAP_SECONDS = 0.5
BLOCK_FRAMES = SAMPLE_RATE * 10

SUBTYPES = {"wav": "PCM_16", "flac": "PCM_16"}


class _Meter:
    """Seconds of audio copied so far against the total, for a progress bar; checks `cancel`
    after every block."""

    def __init__(self, total: float, progress: Progress | None, cancel: threading.Event | None) -> None:
        self.total, self.done = total, 0.0
        self.progress, self.cancel = progress, cancel

    def step(self, seconds: float) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()
        self.done += seconds
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _seconds(sources: list[Path]) -> float:
    return sum(sf.info(s).duration for s in sources)


def _copy(source: Path, sink: sf.SoundFile, meter: _Meter | None = None) -> None:
    with sf.SoundFile(source) as src:
        if src.samplerate != sink.samplerate:
            raise ValueError(f"{source}: sample rate {src.samplerate}, expected {sink.samplerate}")
        for block in src.blocks(blocksize=BLOCK_FRAMES, dtype="int16", always_2d=True):
            sink.write(block.mean(axis=1).astype(np.int16) if block.shape[1] > 1 else block[:, 0])
            if meter is not None:
                meter.step(len(block) / src.samplerate)


def export_joined(sources: list[Path], out: Path, fmt: str, rate: int = SAMPLE_RATE, *,
                  progress: Progress | None = None, cancel: threading.Event | None = None,
                  meter: _Meter | None = None) -> float:
    """Write all sources into one mono file; returns its seconds. `progress(done_s, total_s)`
    after each block; `cancel` set raises Cancelled (the caller removes the partial file)."""
    meter = meter or _Meter(_seconds(sources), progress, cancel)
    with sf.SoundFile(out, "w", samplerate=rate, channels=1, format=fmt.upper(), subtype=SUBTYPES[fmt]) as sink:
        for n, source in enumerate(sources):
            if n:
                sink.write(np.zeros(int(GAP_SECONDS * rate), dtype=np.int16))
            _copy(source, sink, meter)
        frames = sink.frames
    return frames / rate


def export_each(sources: list[tuple[str, Path]], folder: Path, fmt: str, *,
                progress: Progress | None = None, cancel: threading.Event | None = None,
                partial: Callable[[Path], Path] | None = None) -> list[Path]:
    """One file per recording, named by `stem`. With `partial(path)` (a temporary name for
    path), every file is written under its temporary name and all are renamed only once all
    are complete: a failure or a cancel leaves none of them (and no folder it created)."""
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    meter = _Meter(_seconds([source for _, source in sources]), progress, cancel)
    written: list[tuple[Path, Path]] = []  # (where it is written, where it goes)
    try:
        for stem, source in sources:
            with sf.SoundFile(source) as src:
                rate = src.samplerate
            out = folder / f"{stem}.{fmt}"
            target = partial(out) if partial is not None else out
            written.append((target, out))
            export_joined([source], target, fmt, rate, meter=meter)
        for target, out in written:
            if target != out:
                os.replace(target, out)
    except BaseException:
        for target, out in written:
            if target != out:
                target.unlink(missing_ok=True)
        if created and not any(folder.iterdir()):
            folder.rmdir()
        raise
    return [out for _, out in written]


def seconds_of(path: Path) -> float | None:
    try:
        return sf.info(path).duration
    except (RuntimeError, sf.LibsndfileError):
        return None


def copy_as_wav(source: Path, out: Path, *, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> float:
    """Any audio file the app reads (WAV, FLAC, MP3, Ogg; M4A with PyAV) as a 16 kHz mono WAV,
    streamed in blocks (bounded memory at any length); returns its seconds. UserError for a file
    that cannot be read; `cancel` set raises Cancelled (the caller removes `out`)."""
    from interviewer.adapters.long_audio import open_audio

    stream = open_audio(source)
    meter = _Meter(stream.duration, progress, cancel)
    with sf.SoundFile(out, "w", samplerate=SAMPLE_RATE, channels=1, format="WAV", subtype="PCM_16") as sink:
        for block in stream.blocks():
            sink.write(np.clip(block, -1.0, 1.0))
            meter.step(block.size / SAMPLE_RATE)
        frames = sink.frames
    return frames / SAMPLE_RATE
