"""Speech regions from the audio itself, with the Silero VAD bundled in faster-whisper.

The settings here are for *measuring* pauses, not for cutting audio before transcription:
no padding around speech (faster-whisper pads 400 ms each side, which would shorten every
pause by 0.8 s), and a short minimum silence so that gaps of a few hundred milliseconds are
kept as gaps. Silero scores 32 ms windows (512 samples at 16 kHz); about 1 ms each on one core.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import SpeechRegion

WINDOW_SAMPLES = 512  # Silero's frame at 16 kHz (32 ms)


@dataclass(frozen=True)
class VadSettings:
    # Probability above which a 32 ms window is speech. Measured on the speech bench
    # (docs/analysis.md): 0.5 keeps short hesitations and is not fooled by breath noise.
    threshold: float = 0.5
    # A gap shorter than this does not end a speech region. Very short (Silero's scores dip
    # for only 2-3 windows in a 120 ms gap), so that an "um" set off by a brief gap gets its
    # own region: the analysis re-times hesitation words onto it. Pace merges gaps under
    # 250 ms again, and the pauses reported are 1 s and longer anyway.
    min_silence_ms: int = 30
    # Keep very short sounds: a lone "uh" can last under 150 ms.
    min_speech_ms: int = 60


DEFAULT_SETTINGS = VadSettings()


def speech_regions(audio_16k: np.ndarray, settings: VadSettings = DEFAULT_SETTINGS,
                   offset: float = 0.0) -> list[SpeechRegion]:
    """Speech regions (seconds, plus `offset`) in mono float32 audio at 16 kHz."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    audio = np.asarray(audio_16k, dtype=np.float32).reshape(-1)
    if audio.size < WINDOW_SAMPLES:
        return []
    options = VadOptions(
        threshold=settings.threshold,
        min_silence_duration_ms=settings.min_silence_ms,
        min_speech_duration_ms=settings.min_speech_ms,
        speech_pad_ms=0,
    )
    chunks = get_speech_timestamps(audio, options, sampling_rate=SAMPLE_RATE)
    return [SpeechRegion(round(offset + c["start"] / SAMPLE_RATE, 3),
                         round(offset + c["end"] / SAMPLE_RATE, 3)) for c in chunks]
