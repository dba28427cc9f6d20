"""Speaking pace: words per minute over the answer, and articulation rate without pauses."""
from __future__ import annotations

from dataclasses import dataclass

from interviewer.core.transcript import SpeechRegion

NORMAL_BAND_WPM = (110.0, 160.0)  # coaching tools' normal conversational band
ARTICULATION_GAP_S = 0.25  # silences from 250 ms count as pauses (fluency research)


@dataclass(frozen=True)
class Pace:
    words: int
    speaking_seconds: float      # first to last speech
    articulation_seconds: float  # speech only, silences of 250 ms and more removed
    band: tuple[float, float] = NORMAL_BAND_WPM

    @property
    def wpm(self) -> float | None:
        return round(60 * self.words / self.speaking_seconds, 1) if self.speaking_seconds > 0 else None

    @property
    def articulation_wpm(self) -> float | None:
        return round(60 * self.words / self.articulation_seconds, 1) if self.articulation_seconds > 0 else None

    @property
    def verdict(self) -> str:
        wpm = self.wpm
        if wpm is None:
            return "unknown"
        return "slow" if wpm < self.band[0] else "fast" if wpm > self.band[1] else "normal"

    def to_dict(self) -> dict:
        return {"words": self.words, "wpm": self.wpm, "articulation_wpm": self.articulation_wpm,
                "speaking_seconds": round(self.speaking_seconds, 3),
                "articulation_seconds": round(self.articulation_seconds, 3),
                "band": list(self.band), "verdict": self.verdict}


def measure_pace(word_count: int, regions: list[SpeechRegion], band=NORMAL_BAND_WPM) -> Pace:
    if not regions:
        return Pace(word_count, 0.0, 0.0, band)
    merged: list[list[float]] = []
    for r in regions:
        if merged and r.start - merged[-1][1] < ARTICULATION_GAP_S:
            merged[-1][1] = max(merged[-1][1], r.end)
        else:
            merged.append([r.start, r.end])
    speaking = merged[-1][1] - merged[0][0]
    articulation = sum(e - s for s, e in merged)
    return Pace(word_count, speaking, articulation, band)
