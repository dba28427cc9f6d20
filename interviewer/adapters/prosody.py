"""Intonation at the end of each stretch of speech: does the pitch rise, as in a question?

A yes/no question ends with a rising pitch ("...fits in memory?"); a statement falls. When a
small Whisper model garbles a question's opening ("Are the embeddings..." heard as "Our
embeddings..."), the rise is still in the audio. The analysis uses it only where Whisper
ended a sentence: a comma's continuation rise sounds much the same.
Pitch by autocorrelation on 40 ms frames every 10 ms (numpy only).
"""
from __future__ import annotations

import numpy as np

from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import SpeechRegion

FRAME = 640
HOP = 160
F0_MIN, F0_MAX = 60.0, 400.0
VOICING = 0.4          # normalized autocorrelation peak of a voiced frame
TAIL_FRAMES = 10       # the last 100 ms of voicing...
BEFORE_FRAMES = 50     # ...against the lowest pitch of the 500 ms before
LOOK_S = 0.8           # audio examined at the end of a region
# A region shorter than this gets no final rise: it is a fragment or a hesitation ("um?"),
# whose pitch says nothing about a question, and it holds too few voiced frames for
# final_rise's 100 ms tail against the lowest pitch before it. (Not the same thing as
# core/analysis/pauses.py's MIN_SPEECH_REGION_S, the 0.1 s below which a region is a click.)
MIN_PITCH_REGION_S = 0.4
MAX_PLAUSIBLE_RISE = 8.0  # more than this is the tracker jumping an octave


def pitch_track(clip: np.ndarray) -> np.ndarray:
    """F0 in Hz per 10 ms frame; NaN where unvoiced or quiet."""
    if clip.size < FRAME + HOP:
        return np.full(0, np.nan)
    frames = np.lib.stride_tricks.sliding_window_view(clip, FRAME)[::HOP].astype(np.float64)
    frames = frames - frames.mean(axis=1, keepdims=True)
    energy = np.sqrt(np.mean(frames ** 2, axis=1))
    ac = np.fft.irfft(np.abs(np.fft.rfft(frames, 2 * FRAME)) ** 2)[:, :FRAME]
    ac /= ac[:, :1] + 1e-12
    lo, hi = int(SAMPLE_RATE / F0_MAX), int(SAMPLE_RATE / F0_MIN)
    lag = lo + np.argmax(ac[:, lo:hi], axis=1)
    peak = ac[np.arange(len(lag)), lag]
    loud = energy > 0.1 * energy.max() if energy.max() > 0 else np.zeros(len(energy), bool)
    return np.where((peak >= VOICING) & loud, SAMPLE_RATE / lag, np.nan)


def voiced_share(block: np.ndarray) -> float:
    """The share of a block's 10 ms pitch frames that are voiced (0 for a block too short for one).
    A quiet voice is voiced; a breath, a whisper or a room's hiss is not."""
    f0 = pitch_track(np.asarray(block, dtype=np.float64))
    return float(np.mean(~np.isnan(f0))) if f0.size else 0.0


def final_rise(clip: np.ndarray) -> float | None:
    """Semitones from the lowest pitch of the last half second up to the final 100 ms;
    None when too little is voiced to tell."""
    f0 = pitch_track(clip)
    idx = np.flatnonzero(~np.isnan(f0))
    if idx.size < 10:
        return None
    values = f0[idx]
    median = np.median(values)
    values = np.where(values > 1.7 * median, values / 2, np.where(values < median / 1.7, values * 2, values))
    last = idx[-1]
    tail = values[idx >= last - TAIL_FRAMES]
    before = values[(idx >= last - TAIL_FRAMES - BEFORE_FRAMES) & (idx < last - TAIL_FRAMES)]
    if tail.size < 3 or before.size < 5:
        return None
    rise = float(12 * np.log2(np.median(tail) / np.min(before)))
    return None if rise > MAX_PLAUSIBLE_RISE else round(rise, 2)


def with_final_rise(regions: list[SpeechRegion], audio: np.ndarray, offset: float = 0.0) -> list[SpeechRegion]:
    """The regions, each one long enough carrying the pitch rise at its end."""
    out = []
    for r in regions:
        rise = None
        if r.end - r.start >= MIN_PITCH_REGION_S:
            b = int((r.end - offset) * SAMPLE_RATE)
            a = max(int((r.start - offset) * SAMPLE_RATE), b - int(LOOK_S * SAMPLE_RATE))
            rise = final_rise(audio[max(a, 0):b])
        out.append(r if rise is None else SpeechRegion(r.start, r.end, rise))
    return out
