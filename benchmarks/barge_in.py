"""Barge-in on the virtual devices: the interviewer's voice coming back through "loudspeakers"
must not stop it; the candidate talking over it must, and this prints how fast.

Its own PulseAudio null sinks keep other audio tests undisturbed: the app speaks into
`bargein_spk`, a loopback plays `bargein_spk.monitor` into `bargein_mic` (the loudspeaker
echo, at full level and about 50 ms late), the candidate's espeak-ng recording is played into
`bargein_mic`, and the Microphone records `bargein_mic.monitor` (PULSE_SINK / PULSE_SOURCE).

Latency: from the moment the candidate's first word starts playing (paplay started + the
silence at the head of the file) to Speaker.stop() aborting the output stream (the buffered
audio is dropped, so the interviewer is silent then). paplay's own start-up counts against us.

    python benchmarks/barge_in.py [trials]
"""
from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import soundfile

SPK, MIC = "bargein_spk", "bargein_mic"
INTERVIEWER = ("Let's start with the problem. Design a system that ranks posts in a news feed for "
               "a large social network, and tell me how you would measure whether it works well.")
CANDIDATE = "Sorry, before that, what is the expected latency?"


@contextlib.contextmanager
def virtual_room(echo: bool = True):
    """Two null sinks and, with `echo`, a loopback from the speaker into the microphone."""
    modules = []

    def load(*args: str) -> None:
        out = subprocess.run(["pactl", "load-module", *args], capture_output=True, text=True, check=True, timeout=10)
        modules.append(out.stdout.strip())

    saved = {k: os.environ.get(k) for k in ("PULSE_SINK", "PULSE_SOURCE")}
    try:
        load("module-null-sink", f"sink_name={SPK}")
        load("module-null-sink", f"sink_name={MIC}")
        if echo:
            load("module-loopback", f"source={SPK}.monitor", f"sink={MIC}", "latency_msec=50")
        os.environ["PULSE_SINK"], os.environ["PULSE_SOURCE"] = SPK, f"{MIC}.monitor"
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        for module in reversed(modules):
            subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=10)


def leading_silence(path: Path) -> float:
    audio, rate = soundfile.read(str(path), dtype="float32")
    loud = np.flatnonzero(np.abs(audio) > 0.02)
    return float(loud[0]) / rate if loud.size else 0.0


def trial(speaker, candidate_wav: Path | None, folder: Path, talk_after: float = 2.0, echo: bool = True) -> dict:
    """The interviewer speaks; the candidate (if any) talks `talk_after` s later. Returns
    {"onsets": [...], "latency": s or None, "recording": path}."""
    from interviewer.adapters.microphone import Microphone
    from interviewer.adapters.voice import VoiceDetector

    with virtual_room(echo=echo):
        mic = Microphone()
        onsets: list[float] = []
        detector = VoiceDetector(lambda: (onsets.append(time.monotonic()), speaker.stop()),
                                 lambda: speaker.playback)
        recording = folder / f"round-{time.monotonic_ns()}.wav"
        mic.start_round(recording, on_block=detector.process)
        try:
            time.sleep(0.3)
            speaker.stopped_at = None
            done = threading.Event()
            speaker.say(INTERVIEWER, on_done=done.set)
            while not speaker.playback.window(time.monotonic(), 0.2) is not None and not done.is_set():
                time.sleep(0.01)  # wait for the voice to start (synthesis takes a moment)
            started = None
            if candidate_wav is not None:
                time.sleep(talk_after)
                started = time.monotonic() + leading_silence(candidate_wav)
                subprocess.run(["paplay", f"--device={MIC}", str(candidate_wav)], check=True, timeout=30)
            done.wait(30)
            time.sleep(0.3)
        finally:
            mic.stop_round()
            mic.close()
    latency = None
    if started is not None and speaker.stopped_at is not None:
        latency = speaker.stopped_at - started
    return {"onsets": onsets, "latency": latency, "recording": recording,
            "speech_started": started}


def main(trials: int = 5) -> None:
    from interviewer.adapters.speaker import Speaker

    speaker = Speaker()
    if not speaker.available:
        sys.exit(f"no speech engine: {speaker.unavailable_reason}")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        candidate = folder / "candidate.wav"
        subprocess.run(["espeak-ng", "-s", "160", "-w", str(candidate), CANDIDATE], check=True, timeout=30)
        for echo, setup in ((False, "headphones (no echo)"), (True, "loudspeakers (loopback echo at full level)")):
            false = [len(trial(speaker, None, folder, echo=echo)["onsets"]) for _ in range(trials)]
            latencies = [r["latency"] for r in (trial(speaker, candidate, folder, echo=echo) for _ in range(trials))
                         if r["latency"] is not None]
            print(f"{setup}: false barge-ins while the interviewer talks alone: {sum(false)} in {trials} trials")
            if latencies:
                print(f"  candidate talks over it: stopped in {len(latencies)}/{trials}; barge-in -> silent: "
                      f"median {statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms "
                      f"(values {', '.join(f'{x * 1000:.0f}' for x in latencies)}; negative = stopped before "
                      "the candidate spoke, i.e. by its own echo)")
            else:
                print("  candidate talks over it: never stopped")
    speaker.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
