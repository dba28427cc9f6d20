"""Seconds of silence so far, from the microphone's levels and sound, for the round's turn-taking:
the room's noise floor and quiet voices taken into account. Apart from the session so the
benchmarks and tests feed it recordings directly.
"""
from __future__ import annotations

import time
from typing import Callable

from interviewer.core.noise_floor import NoiseFloor, VoiceLevel


class SilenceTracker:
    """Turns input levels into "seconds of silence so far" for the controller's turn-taking.

    A level above `threshold_dbfs` is speech and resets the count (reported as 0). Quiet rooms
    sit near -60 dBFS and speech near -30 dBFS on typical microphones, so -45 splits them. In a
    noisier room the threshold rises above its noise floor (core/noise_floor.py): a room at
    -40 dBFS (real recordings: JFK's, a podcast's, a laptop's microphone turned up) counted as
    speech, and the answer never ended on silence.
    The first quiet block of a stretch only marks its start: reporting "0 s of silence" there
    would read as speech, and a candidate thinking before the first word would have their
    answer ended by the silence rule, which is meant only for silence after speech.
    A quieter block is speech too when its sound is voiced (`sound`, given the block after its
    level): real quiet or creaky voices sit at -46 to -60 dBFS, where audible breaths do too
    (-47 to -56 in a real recording), so the level alone cannot tell them; a voice has a pitch,
    a breath has none. A talker that quiet had the answer ended after 8 s of "silence".
    A talker far quieter than the candidate's own voice (a TV, a colleague across the room;
    core/noise_floor.VoiceLevel) is silence, voiced or not.
    While the candidate types in the scratchpad (`typing`), a loud block is speech only when it is
    voiced, as a quiet one: keystrokes are loud clicks with no pitch, and they kept a silent
    coder's answer open (no "think out loud" nudge) until 8 s after the typing stopped (trial5).
    Talking while typing is voiced and still counts.
    """

    QUIET_VOICE_DBFS = -62.0  # quieter than this is never taken for a voice
    VOICED_SHARE = 0.8  # of a block's pitch frames (breaths: at most 3 of 7; a quiet voice: 6-7)
    # A hum is voiced: LibriVox's varies from -63 to -53 dBFS, within 10 dB of its own floor.
    ABOVE_ROOM_DB = 15.0
    TYPING_HOLD_S = 0.5  # a keystroke's sound (and the audio buffers) after the key press

    def __init__(self, report: Callable[[float], None], threshold_dbfs: float = -45.0,
                 now: Callable[[], float] = time.monotonic) -> None:
        self._report = report
        self.threshold_dbfs = threshold_dbfs
        self._now = now
        self._silent_since: float | None = None
        self.room = NoiseFloor()  # kept from answer to answer: the room stays the same
        self.voice = VoiceLevel()  # so is the candidate's voice
        self._typing_until = float("-inf")

    def reset(self) -> None:
        self._silent_since = None

    def typing(self) -> None:
        """The candidate pressed a key in the scratchpad just now (any thread)."""
        self._typing_until = self._now() + self.TYPING_HOLD_S

    def level(self, dbfs: float) -> None:
        now = self._now()
        threshold = self.room.threshold(self.threshold_dbfs, now)
        self.room.add(dbfs, now)
        lowest = self.voice.lowest()
        typing = now < self._typing_until  # loud may be a keystroke: `sound` decides by its pitch
        if dbfs > threshold and not typing:
            self.voice.add(dbfs)
        if dbfs > threshold and (lowest is None or dbfs > lowest) and not typing:
            self._silent_since = None
            self._report(0.0)
            return
        if self._silent_since is None:
            self._silent_since = now
            return
        self._report(now - self._silent_since)

    def sound(self, samples) -> None:
        """The audio of the block whose level came last: a quiet but voiced block is speech."""
        if self._silent_since is None:
            return  # already speech
        from interviewer.adapters.prosody import voiced_share
        from interviewer.adapters.resample import rms_dbfs

        floor = self.room.floor(self._now())
        lowest = self.voice.lowest()
        if rms_dbfs(samples) <= max(self.QUIET_VOICE_DBFS, -1e9 if floor is None else floor + self.ABOVE_ROOM_DB,
                                    -1e9 if lowest is None else lowest):
            return  # the room itself (a hum is voiced too), a talker far quieter than the candidate, or too quiet
        if voiced_share(samples) >= self.VOICED_SHARE:
            self._silent_since = None
            self._report(0.0)
