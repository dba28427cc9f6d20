"""Speaking pace: words per minute over the answer, and articulation rate without pauses.

The verdict (slow, normal, fast) is on the articulation rate: how fast the candidate talks
while talking. Pauses are judged on their own (long pauses, went silent), so a quick speaker
who stops to think is not called slow. Fast takes both rates over their bands: people talk
at 200-260 words a minute between their pauses (12 of 17 human clips of 25 words and more
went over 190, 9 of them at 114-153 overall), and a listener keeps up with quick phrases
that have pauses between them; what loses words is quick speech with no time to catch up.
"""
from __future__ import annotations

from dataclasses import dataclass

from interviewer.core.transcript import SpeechRegion

NORMAL_BAND_WPM = (110.0, 160.0)  # coaching tools' normal conversational band, pauses included
# The same band while speaking. In fluent interview answers silences of 250 ms and more take
# about a sixth of the time between first and last word, so 110-160 overall is about 130-190
# while speaking; above 190 words a minute listeners start to lose words (and the issue's
# 229 wpm must read as fast), below 130 the speech itself is drawn out.
ARTICULATION_BAND_WPM = (130.0, 190.0)
ARTICULATION_GAP_S = 0.25  # silences from 250 ms count as pauses (fluency research)
# A rate over a few words means nothing: "I don't know." (3 words in 0.8 s) read "225 / 225 wpm"
# (trial 22). Under 10 words or 5 s of speech an answer has no pace, and a round's pace is
# over the answers that have one. Speech time (pauses left out): the time with pauses of a
# clarifying part loses the waits for the interviewer, which its transcript alone does not show.
MIN_PACE_WORDS = 10
MIN_PACE_SECONDS = 5.0


def measurable(words: int, speech_seconds: float) -> bool:
    """Whether `words` said in `speech_seconds` (the articulation time) are enough for a pace."""
    return words >= MIN_PACE_WORDS and speech_seconds >= MIN_PACE_SECONDS


# Why an answer with words shows no pace, in the review's table and every export: "- / -" said
# nothing about why (trial 28: a 12-word intro answer, 4 s long).
NO_PACE_SHORT = "short"  # the cell; "too short" widened the Pace column and narrowed the transcript at 1280x800
NO_PACE_SHORT_WHY = (f"too short for a pace (under {MIN_PACE_WORDS} words or "
                     f"{MIN_PACE_SECONDS:g} s of speech)")


def no_pace_reason(words: int, pace_wpm: float | None) -> str | None:
    """NO_PACE_SHORT for an answer with words but no pace (not `measurable`); None when it has a
    pace, or no words at all (nothing to time: its other columns say so)."""
    return NO_PACE_SHORT if words and pace_wpm is None else None


def shown_wpm(value: float) -> int:
    """Words per minute as every view shows them (whole words), and as the verdict compares them."""
    return round(value)


@dataclass(frozen=True)
class Pace:
    words: int
    speaking_seconds: float      # first to last speech
    articulation_seconds: float  # speech only, silences of 250 ms and more removed
    band: tuple[float, float] = NORMAL_BAND_WPM
    articulation_band: tuple[float, float] = ARTICULATION_BAND_WPM

    @property
    def wpm(self) -> float | None:
        return round(60 * self.words / self.speaking_seconds, 1) if self.measurable else None

    @property
    def articulation_wpm(self) -> float | None:
        return (round(60 * self.words / self.articulation_seconds, 1)
                if self.measurable and self.articulation_seconds > 0 else None)

    @property
    def measurable(self) -> bool:
        return measurable(self.words, self.articulation_seconds)

    @property
    def verdict(self) -> str:
        """On the articulation rate (see the module doc)."""
        rate = self.articulation_wpm
        if rate is None:
            return "unknown"
        # Judged on the whole numbers every view shows (fmt_wpm): 190.3 read "190 words per
        # minute ... (fast is over 190 ...)" (trial 24).
        rate, wpm = shown_wpm(rate), shown_wpm(self.wpm or 0.0)
        lo, hi = self.articulation_band
        if rate < lo:
            return "slow"
        return "fast" if rate > hi and wpm > self.band[1] else "normal"

    def to_dict(self) -> dict:
        return {"words": self.words, "wpm": self.wpm, "articulation_wpm": self.articulation_wpm,
                "speaking_seconds": round(self.speaking_seconds, 3),
                "articulation_seconds": round(self.articulation_seconds, 3),
                "band": list(self.band), "articulation_band": list(self.articulation_band),
                "verdict": self.verdict}


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
