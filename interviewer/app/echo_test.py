"""The device check's echo test: does the microphone hear the interviewer's voice?

With loudspeakers it does, and the candidate is better off with headphones (the round's
barge-in detector tells the interviewer's voice from theirs, but may react later when they
talk over it). The test records while the interviewer speaks a sentence and compares the
recording with what was played (adapters/voice.py echo_check). Blocking: run it off the GUI
thread.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

ECHO_TEST_TEXT = ("This is a test of your speakers and microphone. Please stay quiet "
                  "while I talk, so I can hear whether my voice comes back.")


def run_echo_test(speaker: Any, recorder: Any, path: Path, text: str = ECHO_TEST_TEXT,
                  timeout: float = 30.0) -> Any:
    """Speak `text` through `speaker` (a Speaker or the app's SpeakerHandle) while `recorder`
    records to `path`; returns adapters.voice.EchoCheck. The recording is deleted afterwards."""
    from interviewer.adapters.playback import read_wav_segment
    from interviewer.adapters.voice import echo_check

    inner = getattr(speaker, "speaker", speaker)
    reference = getattr(inner, "playback", None)
    if reference is None:
        raise RuntimeError("this speaker does not report what it plays")
    recorder.start(path)
    started = time.monotonic()
    try:
        done = threading.Event()
        speaker.say(text, on_done=done.set)
        if not done.wait(timeout):
            speaker.stop()
        time.sleep(0.5)  # the last of the echo
    finally:
        recorded = recorder.stop()
    try:
        samples, rate = read_wav_segment(recorded)
        if rate != 16000:
            raise RuntimeError(f"the test recording is at {rate} Hz, not 16 kHz")
        return echo_check(samples, reference, started)
    finally:
        Path(recorded).unlink(missing_ok=True)
