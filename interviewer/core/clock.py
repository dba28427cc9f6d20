"""Clocks injected into the round engine, so a 60-minute round can be tested in milliseconds."""
from __future__ import annotations

import time
from typing import Protocol


def shown_seconds(seconds: float) -> int:
    """The whole seconds a clock display shows for `seconds` (app.labels.clock_text), never
    negative: what the interviewer reads the time off too (interview_requests.minutes)."""
    return max(0, int(round(seconds)))


def clock_text(seconds: float) -> str:
    """mm:ss, or h:mm:ss past an hour; negative values show as 00:00 (every clock on screen, and
    the core's own sentences that name a time: one format)."""
    seconds = shown_seconds(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def length_text(seconds: float) -> str:
    """A length of time (how long a round, a part or an answer took, or is planned to take):
    "48 s", "9 min 18 s", "45 min", in whole seconds, never negative. The one form every view,
    export and the CLI write a length in; a point of the round is clock_text ("12:05"). The round
    summary said "9.3 of 45 min" beside the review's "09:18" for the same round (session 35)."""
    seconds = shown_seconds(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def paused_text(seconds: float) -> str:
    """A pause of the round (the P key, Pause round) as the review's timeline and transcript and
    the exports name it: "Round paused for 30 s" (length_text). It was shown nowhere (trial 46)."""
    return f"Round paused for {length_text(seconds)}"


def length_of_text(seconds: float, planned_minutes: float) -> str:
    """"9 min 18 s of 45 min": a round's (or a part's) length against its plan (length_text both)."""
    return f"{length_text(seconds)} of {length_text(planned_minutes * 60)}"


def into_round_text(seconds: float) -> str:
    """A point of the round said in a sentence: "11:38 into the round" (clock_text), not "at
    11:38", which read as a time of day (session 35)."""
    return f"{clock_text(seconds)} into the round"


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale; only differences matter."""


class MonotonicClock:
    """The real clock. Monotonic so that wall-clock changes never move deadlines."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to. For tests and simulations."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += seconds

    def set(self, t: float) -> None:
        if t < self._now:
            raise ValueError("a clock cannot go backwards")
        self._now = float(t)
