"""Test audio made at test time with espeak-ng, and recording a PulseAudio source.

What a test may check in a transcript: tests/speech_oracle.py."""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest


def espeak(text: str, path: Path, words_per_minute: int = 160) -> Path:
    """Render text (SSML allowed, e.g. <break time="1500ms"/>) to a WAV with espeak-ng."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (apt install espeak-ng)", pytrace=False)
    subprocess.run(["espeak-ng", "-m", "-s", str(words_per_minute), "-w", str(path),
                    f"<speak>{text}</speak>"], check=True, timeout=60)
    return path


class MonitorRecording:
    """Record a PulseAudio source (e.g. spk.monitor) to a 16 kHz mono WAV with parecord.

    Waits until parecord is really receiving audio before returning from `__enter__`, so the
    beginning of what is played next is not lost."""

    def __init__(self, source: str, path: Path) -> None:
        self.source = source
        self.path = Path(path)
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> "MonitorRecording":
        self._process = subprocess.Popen(
            ["parecord", f"--device={self.source}", "--rate=16000", "--channels=1", "--format=s16le",
             "--file-format=wav", "--latency-msec=50", str(self.path)], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.path.exists() and self.path.stat().st_size > 44 + 8000:  # 0.25 s arrived
                return self
            if self._process.poll() is not None:
                pytest.fail(f"parecord failed: {self._process.stderr.read().decode(errors='replace')}")
            time.sleep(0.05)
        self._process.kill()
        pytest.fail(f"parecord received no audio from {self.source} in 10 s (suspended sink?)")

    def __exit__(self, *exc) -> None:
        time.sleep(0.3)  # let the last audio arrive
        assert self._process is not None
        self._process.terminate()
        self._process.wait(10)

