"""The barge-in voice detector: the interviewer's own voice through loudspeakers is not the
candidate talking; the candidate's voice is, with or without the interviewer's on top."""
import numpy as np

from interviewer.adapters.voice import PlaybackReference, VoiceDetector, explained_fraction

RATE = 16000


def speechlike(seconds, seed):
    """Noise in syllable-like bursts (4 per second), about -20 dBFS while voiced."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2
    return (0.1 * envelope * rng.standard_normal(t.size)).astype(np.float32)


def run(mic, played, delay_seconds=0.25, block=0.1):
    """Feed `mic` block by block; `played` is handed to the reference as it is played."""
    clock = [100.0]
    reference = PlaybackReference()
    onsets = []
    detector = VoiceDetector(lambda: onsets.append(clock[0]), lambda: reference, now=lambda: clock[0])
    n = int(block * RATE)
    delay = int(delay_seconds * RATE)
    handed = 0
    for i in range(0, mic.size - n + 1, n):
        clock[0] += block
        # What the speaker has handed over by now: `delay` ahead of what the mic hears.
        if played is not None and handed < played.size:
            reference.add(played[handed:i + delay + n], clock[0])
            handed = i + delay + n
        detector.process(mic[i:i + n])
    return onsets


def echo_of(played, delay_seconds, gain):
    delay = int(delay_seconds * RATE)
    return np.concatenate([np.zeros(delay, np.float32), gain * played])[:played.size]


def test_a_delayed_scaled_copy_is_explained_and_another_voice_is_not():
    played = speechlike(1.0, 1)
    echo = echo_of(played, 0.12, 0.5)[8000:9600]
    assert explained_fraction(echo, played) > 0.99
    assert explained_fraction(speechlike(0.1, 2), played) < 0.05


def test_the_interviewers_voice_through_loudspeakers_is_not_a_barge_in():
    played = speechlike(4.0, 1)
    mic = echo_of(played, 0.25, 0.8) + 0.001 * np.random.default_rng(3).standard_normal(played.size).astype(np.float32)
    assert run(mic, played) == []


def test_the_candidate_talking_over_the_echo_is_heard_within_two_blocks():
    played = speechlike(4.0, 1)
    candidate = np.concatenate([np.zeros(2 * RATE, np.float32), speechlike(2.0, 5)])
    mic = echo_of(played, 0.25, 0.8) + candidate
    onsets = run(mic, played)
    assert len(onsets) == 1 and 100 + 2.0 < onsets[0] <= 100 + 2.0 + 0.2


def test_with_headphones_the_candidate_is_heard_and_silence_is_not():
    candidate = np.concatenate([np.zeros(RATE, np.float32), speechlike(1.0, 5), np.zeros(RATE, np.float32),
                                speechlike(1.0, 6)])
    onsets = run(candidate, speechlike(4.0, 1))  # the interviewer talks into headphones: no echo
    assert [round(t - 100, 1) for t in onsets] == [1.1, 3.1]
    assert run(np.zeros(3 * RATE, np.float32), None) == []
