"""The microphone's level in words a non-engineer reads: too quiet, good, too loud.

Levels are the microphone's RMS per block in dBFS (0 is the loudest it can record). Speech from a
usual distance comes in around -35 to -15; below QUIET_DBFS the round hears speech poorly (talking
does not count as an interruption under about -42, and a level under -45 counts as silence);
from LOUD_DBFS on the voice is close to the top and peaks are clipped. The number stays a detail.
"""
from __future__ import annotations

QUIET_DBFS = -40.0   # below: too quiet
LOUD_DBFS = -6.0     # from here on: too loud
HARDLY_HEARD_DBFS = -50.0  # a test's loudest moment below this: the microphone hardly heard anything

TOO_QUIET, GOOD, TOO_LOUD = "too quiet", "good", "too loud"


def level_word(dbfs: float) -> str:
    """Which band a level is in: TOO_QUIET, GOOD or TOO_LOUD."""
    if dbfs < QUIET_DBFS:
        return TOO_QUIET
    return TOO_LOUD if dbfs >= LOUD_DBFS else GOOD


def heard_nothing(loudest_dbfs: float) -> bool:
    """The test's loudest moment stayed under HARDLY_HEARD_DBFS: nothing worth playing back."""
    return loudest_dbfs < HARDLY_HEARD_DBFS


def mic_test_verdict(loudest_dbfs: float) -> str:
    """What a microphone test found, from the loudest moment of the recording: the band in words,
    what to do about it, and the number last, as a detail."""
    word = level_word(loudest_dbfs)
    if heard_nothing(loudest_dbfs):
        text = ("Too quiet: the microphone hardly heard you. Move closer, turn the microphone up in the "
                "system's sound settings, or pick another microphone.")
    elif word == TOO_QUIET:
        text = "A bit quiet: move closer or turn the microphone up, then test again."
    elif word == TOO_LOUD:
        text = ("Too loud: your voice may sound distorted. Move back a little or turn the microphone "
                "down, then test again.")
    else:
        text = "Good: your voice came through clearly."
    return f"{text} (Detail: loudest moment {loudest_dbfs:.0f} dBFS; good is {QUIET_DBFS:.0f} to {LOUD_DBFS:.0f}.)"
