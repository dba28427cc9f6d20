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


def round_minutes_text(seconds: float) -> str:
    """A point of the round in round time, as a span since its start ("32 minutes", "1 minute",
    "less than a minute"): whole minutes the round clock has shown, for sentences that name when
    the round ends (trial 44: "the round ends early, at 07:32 instead of 45:00" read as a time of
    day beside a wall clock at 07:35)."""
    whole = shown_seconds(seconds) // 60
    if whole < 1:
        return "less than a minute"
    return "1 minute" if whole == 1 else f"{whole} minutes"


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
