"""Where an answer's recording starts: never inside the candidate's speech.

An answer's recording starts when the interviewer's line ends (the speaker reports it done). A
candidate who begins a fraction of a second before that (as the line ends, or during the output's
latency) would lose the start of the first word, and Whisper then drops or changes it ("Sure, I'm
a ..." heard as "I'm a ...", trial 35 D5). So the recorder looks back over what it heard just
before the start and, when sound is going on at the start, begins the answer at that sound's
onset, with a margin before it; when the start falls in quiet, nothing is added.

The rule works on frame levels (dBFS), newest last: Qt-free and numpy-free; the microphone
computes the levels (adapters/microphone.py). Only used when the microphone does not hear the
interviewer (headphones: the setup in which talking interrupts it); with loudspeakers the sound
before the start is the interviewer's own voice, and the recording starts as before.
"""
from __future__ import annotations

from typing import Sequence

SPEECH_LOOKBACK_S = 1.5  # how far back an answer's start looks for the onset of speech under way
ONSET_MARGIN_S = 0.15  # kept before that onset: a word's soft start is below the level test
QUIET_GAP_S = 0.2  # this much quiet before the sound is where speech began
_CONTRAST_DB = 10.0  # loud frames at least this far above the floor: there is speech at all
_ALWAYS_QUIET_DBFS = -60.0


def speech_onset_preroll(levels_dbfs: Sequence[float], frame_seconds: float,
                         max_seconds: float = SPEECH_LOOKBACK_S, margin_seconds: float = ONSET_MARGIN_S,
                         gap_seconds: float = QUIET_GAP_S) -> float:
    """Seconds of the audio heard just before an answer's start to begin the answer with.

    `levels_dbfs`: one level per frame of `frame_seconds` of what was heard before the start,
    newest last. 0.0 when the start falls in quiet (the last `gap_seconds` are quiet); else the
    seconds back to the onset of the sound going on at the start (after the last quiet stretch
    of `gap_seconds`), plus `margin_seconds`, within what was heard and `max_seconds`. Sound all
    through the look-back keeps all of it (speech is not cut where its start cannot be seen).
    Quiet: below the floor + 10 dB and 15 dB below the loudest frame (at least below -60 dBFS), as
    adapters/live_transcriber.py's PauseCutter; levels without 10 dB of contrast are no speech."""
    if frame_seconds <= 0 or max_seconds <= 0:
        return 0.0
    keep = max(1, int(round(max_seconds / frame_seconds)))
    levels = [float(level) for level in levels_dbfs][-keep:]
    if not levels:
        return 0.0
    ordered = sorted(levels)
    floor = ordered[len(ordered) // 10]
    loud = ordered[-1]  # speech just begun may fill only a few frames
    if loud < _ALWAYS_QUIET_DBFS or loud - floor < _CONTRAST_DB:
        return 0.0  # silence, or a steady noise: no speech under way
    quiet = max(min(floor + 10.0, loud - 15.0), _ALWAYS_QUIET_DBFS)
    gap = max(1, int(round(gap_seconds / frame_seconds)))
    heard = len(levels) * frame_seconds
    run = 0
    for index in range(len(levels) - 1, -1, -1):
        if levels[index] < quiet:
            run += 1
            if run >= gap:
                onset = index + run  # the first frame of sound after this quiet stretch
                if onset >= len(levels):
                    return 0.0  # the start is in quiet
                return min(heard, (len(levels) - onset) * frame_seconds + margin_seconds)
        else:
            run = 0
    return heard
