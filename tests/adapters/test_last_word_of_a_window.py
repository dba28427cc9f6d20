"""Trial 19 item 5: an answer ended by silence lost its last word ("...judgments for" where the
recording has "...judgments for evaluation."). The live transcriber's last chunk ended 0.36 s
after the speech; faster-whisper's VAD filter clipped it 200 ms after the speech and Whisper
dropped the word running up to that edge. The speech after the last word written is decoded
again with more audio after it (dropped_speech.fill_unworded_tail)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from interviewer.adapters.transcription import load_audio, transcribe_window

CLIP = Path(__file__).parent.parent / "data" / "trial19" / "answer4_last_sentence.flac"
OFFSET = 27.92  # where the clip begins in the answer


def test_the_last_speech_of_a_chunk_has_its_words(whisper_model):
    audio = load_audio(CLIP)
    transcript = transcribe_window(np.asarray(audio), whisper_model, offset=OFFSET)
    words = [w for s in transcript.segments for w in s.words]
    speech_end = transcript.speech[-1].end
    assert audio.size / 16000 + OFFSET - speech_end > 0.3, "speech ends before the clip does"
    # The last word ends where the speech does (word stamps are off by ~0.1-0.2 s), not at
    # "for", 0.66 s before it.
    assert speech_end - words[-1].end < 0.3, (words[-3:], speech_end)
    assert words[-1].start >= transcript.speech[-1].start
