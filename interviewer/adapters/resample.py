"""Sample-rate conversion for audio devices that refuse 16 kHz, with soxr.

Microphones often run at 44.1 or 48 kHz only, and some speakers refuse the voice's 22.05 kHz.
`StreamResampler` converts block by block with soxr's streaming resampler, which keeps its
filter state across blocks, so a stream resampled in pieces equals the whole resampled at
once (`flush()` returns the samples still held back at the end). soxr's "HQ" filter passes
0-7 kHz unchanged (-3 dB at 7.6 kHz for 16 kHz output) and rejects what would fold back from
above the new Nyquist frequency by more than 130 dB. (The hand-written linear interpolator it
replaces let a 10 kHz tone at 48 kHz through to 16 kHz at -6 dB, folded to 6 kHz, a 12 kHz one
at -9.5 dB, and took 2.6 dB off 7 kHz.)

Latency: soxr holds back a little of the signal to run its filter and works in its own
internal blocks, so how much is held back varies from block to block. Measured with "HQ" for
16 kHz output, fed 10 ms or 100 ms blocks for 10 s: from 48 kHz 21 ms on average, at most
37 ms; from 44.1 or 22.05 kHz 23 ms on average, at most 40 ms. The output is not shifted in
time (its first sample is the input's first); what is held back comes out with the next
blocks, or from `flush()` at the end of a take.
"""
from __future__ import annotations

import numpy as np
import soxr

QUALITY = "HQ"


class StreamResampler:
    """Convert a mono float32 stream from `source_rate` to `target_rate`, one block at a time."""

    def __init__(self, source_rate: float, target_rate: float, quality: str = QUALITY) -> None:
        if source_rate <= 0 or target_rate <= 0:
            raise ValueError(f"sample rates must be positive, got {source_rate} and {target_rate}")
        self.source_rate = float(source_rate)
        self.target_rate = float(target_rate)
        self._stream = (None if self.source_rate == self.target_rate else
                        soxr.ResampleStream(self.source_rate, self.target_rate, 1, dtype="float32",
                                            quality=quality))

    def process(self, block: np.ndarray) -> np.ndarray:
        """Resample the next block; returns what is ready (a little is held back, see `delay`)."""
        block = np.ascontiguousarray(block, dtype=np.float32).reshape(-1)
        if self._stream is None:
            return block.copy()
        return self._stream.resample_chunk(block)

    def flush(self) -> np.ndarray:
        """The end of the stream: return the samples still held back, and start afresh (the
        next `process` begins a new stream)."""
        if self._stream is None:
            return np.zeros(0, dtype=np.float32)
        tail = self._stream.resample_chunk(np.zeros(0, dtype=np.float32), last=True)
        self._stream.clear()
        return tail

    @property
    def delay(self) -> float:
        """Output samples held back right now (0 when not resampling)."""
        return 0.0 if self._stream is None else float(self._stream.delay())


def resample(audio: np.ndarray, source_rate: float, target_rate: float, quality: str = QUALITY) -> np.ndarray:
    """Resample a whole mono signal."""
    audio = np.ascontiguousarray(audio, dtype=np.float32).reshape(-1)
    if source_rate == target_rate:
        return audio.copy()
    if source_rate <= 0 or target_rate <= 0:
        raise ValueError(f"sample rates must be positive, got {source_rate} and {target_rate}")
    return soxr.resample(audio, source_rate, target_rate, quality=quality)


def to_mono(block: np.ndarray) -> np.ndarray:
    """Average the channels of a (frames, channels) block into one float32 channel. Samples
    that are not finite (NaN or inf in a damaged float WAV) become silence: passed on, they
    made numpy print RuntimeWarnings in the middle of a transcription, blanked the Whisper
    features of the whole window, and turned into full-scale clicks in an imported copy."""
    block = np.asarray(block, dtype=np.float32)
    if block.ndim == 2:
        block = block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]
    else:
        block = block.reshape(-1)
    if not np.isfinite(block).all():
        block = np.where(np.isfinite(block), block, np.float32(0.0))
    return block


def rms_dbfs(block: np.ndarray, floor: float = -100.0) -> float:
    """Loudness of a block in dB relative to full scale (0 = loudest, `floor` for silence)."""
    block = np.asarray(block, dtype=np.float32)
    if block.size == 0:
        return floor
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    return max(floor, 20.0 * np.log10(rms)) if rms > 0 else floor
