"""Sample-rate conversion for audio devices that refuse 16 kHz (numpy only, no scipy).

Microphones often run at 44.1 or 48 kHz only. `StreamResampler` converts block by block
with linear interpolation, carrying the fractional position and the last sample across
blocks so that a stream resampled in pieces equals the whole resampled at once. Before
downsampling, a short moving-average filter removes most energy above the new Nyquist
frequency; plenty for speech recognition, which uses 0-8 kHz.
"""
from __future__ import annotations

import numpy as np


class StreamResampler:
    """Convert a mono float32 stream from `source_rate` to `target_rate`, one block at a time."""

    def __init__(self, source_rate: float, target_rate: float) -> None:
        if source_rate <= 0 or target_rate <= 0:
            raise ValueError(f"sample rates must be positive, got {source_rate} and {target_rate}")
        self.source_rate = float(source_rate)
        self.target_rate = float(target_rate)
        self._step = self.source_rate / self.target_rate  # input samples per output sample
        # Anti-alias: average over about one input/output ratio of samples when downsampling.
        taps = int(round(self._step)) if self._step > 1.5 else 1
        self._kernel = np.full(taps, 1.0 / taps, dtype=np.float32) if taps > 1 else None
        self._filter_tail = np.zeros(max(taps - 1, 0), dtype=np.float32)
        self._prev = np.zeros(0, dtype=np.float32)  # last input sample of the previous block
        self._pos = 0.0  # next output position, in input samples from the start of `data`

    def process(self, block: np.ndarray) -> np.ndarray:
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if self.source_rate == self.target_rate:
            return block.copy()
        if block.size == 0:
            return block
        if self._kernel is not None:
            padded = np.concatenate([self._filter_tail, block])
            self._filter_tail = padded[len(padded) - len(self._filter_tail):].copy()
            block = np.convolve(padded, self._kernel, mode="valid").astype(np.float32)
        # data[0] is the previous block's last sample, so interpolation spans block edges.
        data = np.concatenate([self._prev, block])
        last = len(data) - 1
        positions = np.arange(self._pos, last, self._step) if last > 0 else np.zeros(0)
        if positions.size:
            out = np.interp(positions, np.arange(len(data)), data).astype(np.float32)
            next_pos = positions[-1] + self._step
        else:
            out = np.zeros(0, dtype=np.float32)
            next_pos = self._pos
        self._pos = next_pos - last  # re-based on data[-1], the next block's data[0]
        self._prev = data[-1:]
        return out


def resample(audio: np.ndarray, source_rate: float, target_rate: float) -> np.ndarray:
    """Resample a whole mono signal."""
    return StreamResampler(source_rate, target_rate).process(audio)


def to_mono(block: np.ndarray) -> np.ndarray:
    """Average the channels of a (frames, channels) block into one float32 channel."""
    block = np.asarray(block, dtype=np.float32)
    if block.ndim == 2:
        return block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]
    return block.reshape(-1)


def rms_dbfs(block: np.ndarray, floor: float = -100.0) -> float:
    """Loudness of a block in dB relative to full scale (0 = loudest, `floor` for silence)."""
    block = np.asarray(block, dtype=np.float32)
    if block.size == 0:
        return floor
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    return max(floor, 20.0 * np.log10(rms)) if rms > 0 else floor
