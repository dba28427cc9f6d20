"""Fakes for speech and the microphone; everything else in the GUI tests is real."""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.storage.wav_writer import CrashSafeWavWriter

ANSWER_TEXT = "Um, so what is the latency target? I would, like, start with a simple ranker and measure it."


def transcript_of(text: str, start: float = 0.5, step: float = 0.4) -> Transcript:
    words = tuple(Word(t, start + i * step, start + i * step + step * 0.8) for i, t in enumerate(text.split()))
    end = words[-1].end if words else start
    return Transcript([Segment(text, start, end, words)], duration=end + 0.5,
                      speech=[SpeechRegion(start, end)], model="fake")


class FakeSpeaker:
    available = True

    def __init__(self) -> None:
        self.said: list[str] = []
        self.voice = None
        self.rate = None

    def set_voice(self, voice):
        self.voice = voice

    def set_rate(self, rate):
        self.rate = rate

    def say(self, text, on_done=None):
        self.said.append(text)
        if on_done is not None:
            threading.Thread(target=on_done, daemon=True).start()

    def stop(self):
        pass

    def close(self):
        pass


class FakeRecorder:
    """Writes a short real WAV for each answer (so review playback has audio) and reports a level."""

    def __init__(self, seconds: float = 2.0) -> None:
        self.seconds = seconds
        self.paths: list[Path] = []
        self._writer = None
        self.closed = False

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        self._writer = CrashSafeWavWriter(wav_path, fsync=False)
        t = np.arange(int(16000 * self.seconds)) / 16000
        samples = (0.1 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
        self._writer.write(samples)
        if on_audio is not None:
            on_audio(samples)
        if on_level is not None:
            on_level(-20.0)
        self.paths.append(Path(wav_path))

    def stop(self):
        return self._writer.close()

    def close(self):
        self.closed = True


class FakeTranscriber:
    def __init__(self, text: str = ANSWER_TEXT) -> None:
        self.on_segment = None
        self._transcript = transcript_of(text)

    def feed(self, samples):
        if self.on_segment is not None:
            for segment in self._transcript.segments:
                self.on_segment(segment)

    def finish(self):
        return self._transcript
