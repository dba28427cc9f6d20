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
