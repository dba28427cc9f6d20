"""Where a long recording is cut into Whisper windows (adapters/long_audio.LongestPauseCutter).

A candidate who thinks 20 s before answering opens the answer's recording with a pause whose
middle comes before MIN_CHUNK_S. The cutter passed it over and cut at a short gap inside the
first sentence: a chunk of 20 s of silence and 2 s of speech, whose words Whisper lost ("Uh, so
this is the sick corpus. I have a cold," gone from trial5's answer and review)."""
import numpy as np

from interviewer.adapters.long_audio import MAX_CHUNK_S, MIN_CHUNK_S, LongestPauseCutter

RATE = 16000


def _talk(seconds: float) -> np.ndarray:
    """Noise bursts of 1.3 s with 0.2 s gaps between them, like words and the breaks between phrases."""
    rng = np.random.default_rng(1)
    out = []
    while sum(x.size for x in out) < seconds * RATE:
        out += [0.1 * rng.standard_normal(int(1.3 * RATE)).astype(np.float32), np.zeros(int(0.2 * RATE), np.float32)]
    return np.concatenate(out)[: int(seconds * RATE)]


def _first_cut(audio: np.ndarray) -> float:
    cutter = LongestPauseCutter()
    chunks = cutter.feed(audio)
    assert len(chunks) >= 1
    return chunks[0][0].size / RATE


def test_a_long_silence_before_the_first_word_is_where_the_first_chunk_ends():
    audio = np.concatenate([np.zeros(20 * RATE, np.float32) + 1e-4, _talk(25)])
    cut = _first_cut(audio)
    assert MIN_CHUNK_S <= cut <= 20.0, f"cut at {cut:.1f} s, inside the speech that starts at 20 s"


def test_speech_throughout_is_still_cut_in_a_pause_between_the_limits():
    audio = _talk(40)
    cut = _first_cut(audio)
    assert MIN_CHUNK_S <= cut <= MAX_CHUNK_S
    frame = audio[int(cut * RATE) - 80:int(cut * RATE) + 80]
    assert np.abs(frame).max() < 1e-3, "the cut is in a gap, not in a word"
