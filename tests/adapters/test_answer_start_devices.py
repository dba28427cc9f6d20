"""The first word of an answer begun as the interviewer's line ends, on the virtual devices (trial
35 D5: "Sure, I'm a machine learning engineer" was heard as "I'm a machine learning engineer":
the recording started 0.12 s into "Sure"). The candidate's recorded answer is played into the
microphone sink (its own null sinks, benchmarks/barge_in.py), and the interviewer's question ends
0.2 s after that voice reached the Microphone: the answer's recording must still hold the first
word from its onset (core/answer_start.py), with the quiet before it, and all of its sound.

The played file starts with 0.3 s of silence: a null sink's monitor drops the first 60-90 ms of a
stream that starts playing into it (measured; a real microphone loses nothing), which here would
cut the word before the app ever heard it (trial 35's d_clar2, d_clar3 and d_thin4)."""
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from .audio_helpers import espeak

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import barge_in  # noqa: E402

pytestmark = pytest.mark.audio

QUESTION = "Tell me about yourself."
ANSWER = "Sure. I am a machine learning engineer at a payments company."


class HeldSpeaker:
    """Says every line at once except QUESTION, which goes on until `release()` (the test's
    control of the moment the interviewer stops)."""

    available = True

    def __init__(self) -> None:
        self.holding = None
        self.said: list[str] = []

    def say(self, text, on_done=None):
        self.said.append(text)
        if text == QUESTION:
            self.holding = on_done
        elif on_done is not None:
            on_done()

    def release(self) -> None:
        on_done, self.holding = self.holding, None
        if on_done is not None:
            on_done()

    def stop(self):
        self.release()
        return None

    @property
    def busy(self) -> bool:
        return self.holding is not None

    def close(self) -> None:
        pass


def _levels(audio: np.ndarray) -> np.ndarray:
    frames = audio[: audio.size // 320 * 320].reshape(-1, 320).astype(np.float64)
    return 10 * np.log10(np.maximum(np.mean(frames ** 2, axis=1), 1e-18))


def test_an_answer_begun_as_the_question_ends_keeps_its_first_word(tmp_path, pulse, whisper_model):
    from interviewer.adapters.live_transcriber import LiveTranscriber
    from interviewer.adapters.microphone import Microphone
    from interviewer.core.clock import MonotonicClock
    from interviewer.core.engine import RoundEngine
    from interviewer.core.round_controller import RoundController
    from interviewer.core.scripts.model import Phase, Question, RoundScript

    spoken = espeak(ANSWER, tmp_path / "spoken.wav")
    audio, rate = soundfile.read(str(spoken), dtype="float32")
    padded = tmp_path / "padded.wav"
    soundfile.write(str(padded), np.concatenate([np.zeros(int(0.3 * rate), np.float32), audio]), rate)
    script = RoundScript("start", "Answer start", "behavioral", 45,
                         (Phase("only", "Intro", 45, "Let's begin."),),
                         (Question("intro", QUESTION, "only"),))
    with barge_in.virtual_room(None):
        speaker = HeldSpeaker()
        microphone = Microphone()
        microphone.open()  # the session warms it up before the first answer
        controller = RoundController(RoundEngine(script, MonotonicClock()), speaker, microphone,
                                     lambda: LiveTranscriber(whisper_model), tmp_path)
        try:
            controller.start()
            deadline = time.monotonic() + 30
            while not speaker.busy:
                assert time.monotonic() < deadline, f"the question was never said: {speaker.said}"
                controller.poll()
                time.sleep(0.02)
            time.sleep(0.5)  # the microphone has heard the quiet before the answer
            player = threading.Thread(target=subprocess.run, daemon=True, kwargs=dict(
                args=["paplay", f"--device={barge_in.MIC}", str(padded)], check=True, timeout=30))
            player.start()
            deadline = time.monotonic() + 10
            while microphone.level_dbfs < -40.0:  # the candidate's voice reached the Microphone
                assert time.monotonic() < deadline, "the played answer never reached the microphone"
                time.sleep(0.005)
            time.sleep(0.2)  # ... and the question ends a moment later
            speaker.release()
            controller.poll()
            answer = controller.current_answer
            assert answer is not None and answer.question_id == "intro" and not answer.barged_in
            player.join(30)
            time.sleep(0.8)
            controller.end_answer()
            deadline = time.monotonic() + 60
            while answer.transcript is None:
                assert time.monotonic() < deadline, "the answer was never transcribed"
                controller.poll()
                time.sleep(0.05)
        finally:
            microphone.close()

    recorded, recorded_rate = soundfile.read(str(answer.wav_path), dtype="float32")
    assert recorded_rate == 16000
    levels = _levels(recorded)
    # The recording starts before the first word: quiet first, never inside the word.
    assert levels[:3].max() < -50.0, np.round(levels[:10]).tolist()
    onset = int(np.argmax(levels > -40.0))
    assert 0.05 <= onset * 0.02 <= 0.45, onset * 0.02
    # All of the answer's sound is in it (the first word cut would lose some of it).
    resampled, _ = soundfile.read(str(spoken), dtype="float32")
    source_energy = float(np.sum(resampled.astype(np.float64) ** 2)) / rate
    recorded_energy = float(np.sum(recorded.astype(np.float64) ** 2)) / recorded_rate
    assert recorded_energy >= 0.97 * source_energy, (recorded_energy, source_energy)
    assert answer.transcript.words, answer.transcript.text
    assert answer.recorded_before is not None and answer.recorded_before >= 0.2  # where its audio starts
