"""Keystrokes in the scratchpad are no voice: a candidate coding in silence has the silence rule
(end of answer, "think out loud" nudge) as a silent candidate has; talking while typing still
counts (trial5: typing kept the answer open until 8 s after it stopped). Real speech:
tests/data/human/mfa_um.flac (provenance in tests/data/human/README.md); the keystrokes are
synthetic clicks (a few ms of broadband noise, -20 dBFS peaks)."""
from pathlib import Path

import numpy as np
import soundfile

from interviewer.adapters.resample import rms_dbfs
from interviewer.app.silence_tracker import SilenceTracker
from interviewer.core.round_settings import DEFAULT_SILENCE_ENDS_ANSWER

VOICE = Path(__file__).resolve().parents[1] / "data" / "human" / "mfa_um.flac"
BLOCK = 1600  # the microphone's 0.1 s at 16 kHz


def keystrokes(seconds: float, per_second: float = 6.0, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    audio = rng.normal(0, 10 ** (-70 / 20), int(seconds * 16000)).astype(np.float32)  # a quiet room
    for at in np.arange(0.05, seconds - 0.05, 1 / per_second) + rng.uniform(0, 0.05, int(seconds * per_second))[:1]:
        start = int(at * 16000)
        click = rng.normal(0, 0.1, 80) * np.exp(-np.arange(80) / 15.0)  # 5 ms, decaying
        audio[start:start + 80] += click.astype(np.float32)
    return audio


def feed(tracker, clock, audio, typing: bool, reports):
    for b in range(0, audio.size - BLOCK + 1, BLOCK):
        block = audio[b:b + BLOCK]
        clock[0] += 0.1
        if typing:
            tracker.typing()
        tracker.level(rms_dbfs(block))  # the microphone's order: the level, then the audio
        tracker.sound(block)
    return reports


def voice() -> np.ndarray:
    audio, rate = soundfile.read(str(VOICE), dtype="float32")
    assert rate == 16000
    return audio


def test_typing_in_silence_is_silence_and_the_answer_can_end():
    clock, reports = [0.0], []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    feed(tracker, clock, voice(), False, reports)
    assert 0.0 in reports
    reports.clear()
    clicks = keystrokes(10.0)
    assert max(rms_dbfs(clicks[b:b + BLOCK]) for b in range(0, clicks.size - BLOCK, BLOCK)) > -45  # loud blocks
    feed(tracker, clock, clicks, True, reports)
    assert 0.0 not in reports and max(reports) >= DEFAULT_SILENCE_ENDS_ANSWER, reports[-5:]


def test_the_same_clicks_without_typing_in_the_scratchpad_count_as_sound():
    # Not typed in the app (another keyboard, a clicking pen): unchanged, loud blocks are sound.
    clock, reports = [0.0], []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    feed(tracker, clock, voice(), False, reports)
    reports.clear()
    feed(tracker, clock, keystrokes(10.0), False, reports)
    assert 0.0 in reports and max(reports) < DEFAULT_SILENCE_ENDS_ANSWER


def test_talking_while_typing_is_still_speech():
    clock, reports = [0.0], []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    speech = voice()
    clicks = keystrokes(speech.size / 16000)
    feed(tracker, clock, speech + clicks[:speech.size], True, reports)
    # The voice keeps resetting the count: no stretch near the silence that would end the answer.
    assert reports.count(0.0) >= 5 and max(reports) < 3.0, (reports.count(0.0), max(reports))
