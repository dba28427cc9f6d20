"""A talker far quieter than the candidate (a TV, a colleague across the room) is not the
candidate: the answer still ends on the candidate's silence (trial5). The candidate is a real
recording (tests/data/human/mfa_words and mfa_um, sources in tests/data/human/README.md), and
the background talker is the same person 20 dB quieter, talking on after the answer. Before,
its words kept the silence from ever reaching 8 s (a live round with a TV 20 dB under the
candidate ended answers 23 and 34 s after their last word)."""
from pathlib import Path

import numpy as np
import soundfile

from interviewer.adapters.resample import rms_dbfs
from interviewer.app.silence_tracker import SilenceTracker
from interviewer.core.round_settings import DEFAULT_SILENCE_ENDS_ANSWER

HUMAN = Path(__file__).resolve().parents[1] / "data" / "human"
BLOCK = 1600  # the microphone's 0.1 s


def _clip(name: str) -> np.ndarray:
    audio, rate = soundfile.read(str(HUMAN / f"{name}.flac"), dtype="float32")
    assert rate == 16000
    return audio


def _at_level(audio: np.ndarray, dbfs: float) -> np.ndarray:
    """Scaled so that its 80th percentile 0.1 s level is `dbfs`."""
    levels = [rms_dbfs(audio[b:b + BLOCK]) for b in range(0, audio.size - BLOCK + 1, BLOCK)]
    return (audio * 10 ** ((dbfs - np.percentile(levels, 80)) / 20)).astype(np.float32)


def _silence_after(candidate: np.ndarray, background: np.ndarray, seconds_after: float = 20.0) -> float:
    """The longest silence the tracker reports within `seconds_after` of the candidate's last word,
    the background talking throughout."""
    total = candidate.size + int(seconds_after * 16000)
    room = np.resize(background, total)
    audio = room.copy()
    audio[:candidate.size] += candidate
    clock, reports = [0.0], []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    longest = 0.0
    for begin in range(0, audio.size - BLOCK + 1, BLOCK):
        clock[0] += 0.1
        block = audio[begin:begin + BLOCK]
        tracker.level(rms_dbfs(block))
        tracker.sound(block)
        if begin >= candidate.size and reports:
            longest = max(longest, reports[-1])
    return longest


def test_a_talker_far_quieter_than_the_candidate_does_not_keep_the_answer_open():
    candidate = _at_level(np.concatenate([_clip("mfa_words"), _clip("mfa_um")]), -30.0)
    background = _at_level(np.concatenate([_clip("mfa_um"), _clip("mfa_words")]), -50.0)
    assert _silence_after(candidate, background) >= DEFAULT_SILENCE_ENDS_ANSWER  # was 4.1 s at most


def test_the_candidate_alone_in_a_quiet_room_still_ends_on_silence():
    candidate = _at_level(np.concatenate([_clip("mfa_words"), _clip("mfa_um")]), -30.0)
    assert _silence_after(candidate, np.full(16000, 1e-4, dtype=np.float32)) >= DEFAULT_SILENCE_ENDS_ANSWER
