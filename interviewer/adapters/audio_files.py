"""A round's recordings exported as one WAV or FLAC file (answers in order, a short gap between),
or one file per recording. Streams in blocks, so an hour of audio needs little memory."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from interviewer.core.audio_format import SAMPLE_RATE

GAP_SECONDS = 0.5
BLOCK_FRAMES = SAMPLE_RATE * 10

SUBTYPES = {"wav": "PCM_16", "flac": "PCM_16"}


def _copy(source: Path, sink: sf.SoundFile) -> None:
    with sf.SoundFile(source) as src:
        if src.samplerate != sink.samplerate:
            raise ValueError(f"{source}: sample rate {src.samplerate}, expected {sink.samplerate}")
        for block in src.blocks(blocksize=BLOCK_FRAMES, dtype="int16", always_2d=True):
            sink.write(block.mean(axis=1).astype(np.int16) if block.shape[1] > 1 else block[:, 0])


def export_joined(sources: list[Path], out: Path, fmt: str, rate: int = SAMPLE_RATE) -> float:
    """Write all sources into one mono file; returns its seconds."""
    with sf.SoundFile(out, "w", samplerate=rate, channels=1, format=fmt.upper(), subtype=SUBTYPES[fmt]) as sink:
        for n, source in enumerate(sources):
            if n:
                sink.write(np.zeros(int(GAP_SECONDS * rate), dtype=np.int16))
            _copy(source, sink)
        frames = sink.frames
    return frames / rate


def export_each(sources: list[tuple[str, Path]], folder: Path, fmt: str) -> list[Path]:
    """One file per recording, named by `stem`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, source in sources:
        with sf.SoundFile(source) as src:
            rate = src.samplerate
        out = folder / f"{stem}.{fmt}"
        export_joined([source], out, fmt, rate)
        written.append(out)
    return written


def seconds_of(path: Path) -> float | None:
    try:
        return sf.info(path).duration
    except (RuntimeError, sf.LibsndfileError):
        return None
