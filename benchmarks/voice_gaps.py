"""Holes in the interviewer's voice: speak lines one after another (the next starts from the
previous one's on_done, as the round does), record the speaker sink's monitor, and print the
stretches of exact digital silence longer than 0.5 s inside a line, and the silence between
consecutive lines (trial 29 item D1). Prints numbers; asserts nothing.

Run with the virtual devices (tools/virtual-audio.sh: start_virtual_audio) and PULSE_SINK=spk;
load the machine yourself (e.g. two `python3 -c "while True: pass"`) to see the loaded case.

    python benchmarks/voice_gaps.py [lines] [monitor source] [-v] [--gil]
"""
from __future__ import annotations

import subprocess
import sys
import threading
import time

import numpy as np

from interviewer.adapters.speaker import Speaker

RATE = 16000
LINES = [
    "Thanks, that's helpful.",
    "Let's start with some context. If you have several models to choose from, ask me which kind "
    "I'd like to hear about.",
    "Tell me about a model you were responsible for in production, and the day it broke.",
    "Tell me about a feature store you ran: how did you keep online and offline features consistent?",
    "How did you find out that something was wrong, and how long did that take?",
]
HOLE_SECONDS = 0.5


def silences(audio: np.ndarray, minimum: float) -> list[tuple[float, float]]:
    """(start, end) seconds of runs of exact zeros at least `minimum` long."""
    zero = np.concatenate([[False], audio == 0, [False]])
    edges = np.flatnonzero(np.diff(zero.astype(np.int8)))
    runs = edges.reshape(-1, 2) / RATE
    return [(a, b) for a, b in runs if b - a >= minimum]


def busy() -> None:
    while True:
        sum(range(1000))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    # --gil: two busy Python threads in this process, as the app's own threads compete with the
    # voice's thread for the interpreter.
    for _ in range(2 if "--gil" in sys.argv else 0):
        threading.Thread(target=busy, daemon=True).start()
    count = int(args[0]) if args else 10
    source = args[1] if len(args) > 1 else "spk.monitor"
    speaker = Speaker()
    assert speaker.available, speaker.unavailable_reason
    speaker.say("Warming up.")
    speaker.wait(30)
    lines = [LINES[i % len(LINES)] for i in range(count)]
    # The recording is read as it comes, each chunk stamped with its arrival: sample n was
    # recorded at about n / RATE + offset on the monotonic clock.
    recorder = subprocess.Popen(["parec", "-d", source, "--format=s16le", f"--rate={RATE}",
                                 "--channels=1", "--latency-msec=20"], stdout=subprocess.PIPE)
    chunks: list[bytes] = []
    stamps: list[tuple[int, float]] = []

    def read() -> None:
        total = 0
        assert recorder.stdout is not None
        while piece := recorder.stdout.read1(1280):
            chunks.append(piece)
            total += len(piece) // 2
            stamps.append((total, time.monotonic()))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(1.0)
    events: list[tuple[str, int, float]] = []
    all_done = threading.Event()

    def speak(i: int) -> None:
        if i == len(lines):
            all_done.set()
            return
        speaker.say(lines[i], on_done=lambda: (events.append(("done", i, time.monotonic())), speak(i + 1)),
                    on_sound=lambda: events.append(("sound", i, time.monotonic())))

    speak(0)
    all_done.wait(30 * count)
    time.sleep(1.0)
    recorder.terminate()
    reader.join(5)
    audio = np.frombuffer(b"".join(chunks), dtype=np.int16)
    offset = min(t - n / RATE for n, t in stamps)
    speaker.close()
    sound = np.flatnonzero(audio != 0)
    if sound.size == 0:
        print("nothing was heard on", source)
        return
    runs = silences(audio, 0.05)
    sounds = {i: t - offset for kind, i, t in events if kind == "sound"}
    dones = {i: t - offset for kind, i, t in events if kind == "done"}
    shift = 0.0
    first_sound = sounds[0]
    holes: list[tuple[int, float]] = []
    gaps: list[float] = []
    for a, b in silences(audio, HOLE_SECONDS):
        if b <= first_sound - 0.1 or a >= sound[-1] / RATE:
            continue
        middle = (a + b) / 2 - shift
        # Inside line i: after its first sound, and not the silence that ends where line i+1 begins.
        inside = [i for i in sounds if sounds[i] <= middle <= dones.get(i, 1e9)
                  and not (i + 1 in sounds and abs(b - shift - sounds[i + 1]) < 0.15)]
        if inside:
            holes.append((inside[0], b - a))
    for i in range(1, len(lines)):
        # The silence between lines: the run of silence nearest line i's first sound.
        start = sounds[i] + shift
        near = min(runs, key=lambda r: min(abs(r[0] - start), abs(r[1] - start)), default=None)
        if near is not None and near[0] - 1.0 <= start <= near[1] + 1.0:
            gaps.append(near[1] - near[0])
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print(f"{len(lines)} lines, load {load}: {len(holes)} holes > {HOLE_SECONDS} s inside lines "
          f"({len(holes) / len(lines):.2f} per line), lengths {[round(float(h), 2) for _, h in holes]}")
    if gaps:
        print(f"silence between consecutive lines: median {np.median(gaps):.2f} s, "
              f"max {max(gaps):.2f} s, all {[round(float(g), 2) for g in gaps]}")
    starts = []
    for i in sorted(sounds):
        heard = sound[sound >= int((sounds[i] - 0.05) * RATE)]
        if heard.size:
            starts.append(heard[0] / RATE - sounds[i])
    print(f"on_sound to the line's first sound heard: {[round(float(s), 3) for s in starts]}")
    talk = [dones[i] - sounds[i] for i in sounds if i in dones]
    if "-v" in sys.argv:
        print("silences (s):", [(round(float(a), 2), round(float(b), 2)) for a, b in runs if b - a > 0.2])
        print("line sounds (s, recording time):", [round(sounds[i] + shift, 2) for i in sorted(sounds)])
    print(f"first sound to on_done per line: {[round(t, 2) for t in talk]}")


if __name__ == "__main__":
    main()
