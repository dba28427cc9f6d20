"""How loud the room is when nobody speaks, so that its noise is not taken for a voice.

Fixed speech thresholds (-45 dBFS for silence, -42 for a voice) assume a quiet room. Real
recordings are often noisier: between JFK's sentences the recording sits at -40 dBFS, a
laptop microphone with its gain up at -40 to -36 (benchmarks/human_live.py). There the room
itself counts as speech: an answer never ends on silence, and the voice detector takes the
room for the candidate talking over the interviewer.

The floor is the quietest block of the last `window_s` seconds (minimum statistics): speech
has gaps between words and phrases within a few seconds, in which the level falls back to the
room's, so the minimum follows the room and not the voice. It falls at once when the room gets
quieter and rises `window_s` after it got louder. A level counts as speech from `margin_db`
above the floor (a steady noise's blocks vary a few dB around their mean, and the minimum sits
below it), and never below the fixed threshold the caller gives: quiet rooms behave as before.
A block is compared with the floor of the blocks before it (a voice from the first block on
would otherwise be its own floor), so only the first block of a recording meets the fixed
threshold alone: there is no waiting for history, since the interviewer's greeting starts
with the round's recording and a noisy room must not interrupt it.
"""
from __future__ import annotations

from collections import deque

WINDOW_S = 5.0
MARGIN_DB = 9.0


class NoiseFloor:
    def __init__(self, window_s: float = WINDOW_S, margin_db: float = MARGIN_DB) -> None:
        self.window_s = window_s
        self.margin_db = margin_db
        self._levels: deque[tuple[float, float]] = deque()  # (time, level), levels rising: a min-queue

    def reset(self) -> None:
        self._levels.clear()

    def add(self, dbfs: float, at: float) -> None:
        """One block's level (dBFS) heard at time `at` (seconds, increasing)."""
        levels = self._levels
        while levels and levels[-1][1] >= dbfs:
            levels.pop()
        levels.append((at, dbfs))
        while levels[0][0] < at - self.window_s:
            levels.popleft()

    def floor(self, at: float) -> float | None:
        """The room's level (dBFS) as of `at`: the quietest level of the window; None before any."""
        levels = self._levels
        while levels and levels[0][0] < at - self.window_s:
            levels.popleft()
        return levels[0][1] if levels else None

    def threshold(self, fixed_dbfs: float, at: float) -> float:
        """The level above which a block is speech: `fixed_dbfs`, or more in a noisy room."""
        floor = self.floor(at)
        return fixed_dbfs if floor is None else max(fixed_dbfs, floor + self.margin_db)
