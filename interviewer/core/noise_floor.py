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


class VoiceLevel:
    """How loud the candidate's own voice is: a talker much quieter than that (a TV, a colleague
    across the room) is not the candidate.

    The level is the `quantile` of the last `keep` blocks over the room's threshold (a minute of
    speech), once `min_blocks` of them (5 s) were heard: fewer let one loud sound set it (a
    recording's -12 dBFS cough or clap took the speaker's -37 dBFS voice for silence). A block more
    than `range_db` under it is not the candidate's voice.
    A background talker 20 dB under the candidate peaks at -42 dBFS or so, above the fixed
    -45 dBFS speech threshold, and voiced: before, it kept an answer open for half a minute after
    the candidate's last word (trial5)."""

    def __init__(self, range_db: float = 15.0, quantile: float = 90.0, keep: int = 600,
                 min_blocks: int = 50) -> None:
        self.range_db = range_db
        self.quantile = quantile
        self.min_blocks = min_blocks
        self._levels: deque[float] = deque(maxlen=keep)
        self._lowest: float | None = None
        self._added = 0

    def add(self, dbfs: float) -> None:
        """A block's level (dBFS) that was taken for the candidate's speech."""
        levels = self._levels
        levels.append(dbfs)
        self._added += 1
        if len(levels) >= self.min_blocks and (self._lowest is None or self._added % 10 == 0):  # once a second
            ordered = sorted(levels)
            self._lowest = ordered[int(round((len(ordered) - 1) * self.quantile / 100.0))] - self.range_db

    def lowest(self) -> float | None:
        """The quietest level still taken for the candidate's voice; None until it is known.
        Read by the voice detector too (the microphone's thread): a value kept, not computed."""
        return self._lowest
