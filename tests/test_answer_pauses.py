"""The default silence that ends an answer does not cut a thinking pause (issue 12): the pauses
are measured as the app sees them (benchmarks/answer_pauses.py), on an espeak-ng answer with a
6 s thinking pause (the longest in the speech benchmark's dev set) and on the human recordings
in tests/data/human."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import answer_pauses  # noqa: E402
from interviewer.app.settings import AppSettings  # noqa: E402
from interviewer.core.round_settings import DEFAULT_SILENCE_ENDS_ANSWER  # noqa: E402

HUMAN = Path(__file__).resolve().parent / "data" / "human"


def spoken_answer(tmp_path, pause_seconds):
    parts = []
    for i, text in enumerate(("Let me think about the data pipeline.",
                              "So the raw events land in a stream, and we compute features every hour.")):
        wav = tmp_path / f"part{i}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", str(wav), text], check=True, timeout=30)
        audio, rate = soundfile.read(str(wav), dtype="float32")
        parts.append(audio)
    # Room noise at -60 dBFS, as a quiet microphone hears between words.
    noise = (0.001 * np.random.default_rng(1).standard_normal(int(pause_seconds * rate))).astype(np.float32)
    path = tmp_path / "answer.wav"
    soundfile.write(str(path), np.concatenate([parts[0], noise, parts[1]]), rate)
    return path


def test_a_thinking_pause_of_six_seconds_does_not_end_the_answer(tmp_path):
    silences = answer_pauses.inner_silences(spoken_answer(tmp_path, 6.0))
    assert 6.0 <= max(silences) < 6.6  # the pause is measured, with what espeak leaves around it
    assert max(silences) < DEFAULT_SILENCE_ENDS_ANSWER == AppSettings().end_answer_after_silence


def test_a_long_silence_would_end_it(tmp_path):
    assert max(answer_pauses.inner_silences(spoken_answer(tmp_path, 9.0))) >= DEFAULT_SILENCE_ENDS_ANSWER


def test_human_pauses_inside_answers_are_far_below_the_default():
    silences = [s for path in sorted(HUMAN.glob("*.flac")) for s in answer_pauses.inner_silences(path)]
    assert len(silences) >= 3 and max(silences) < DEFAULT_SILENCE_ENDS_ANSWER / 2
