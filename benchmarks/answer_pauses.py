"""How long do candidates pause inside an answer, and which silence threshold would cut answers early?

The round ends an answer after `silence_ends_answer_after` seconds of silence once the candidate
has spoken (core/round_controller.py). This measures, on the speech benchmark's dev set (spoken
interview answers with labelled thinking pauses, built with its `make` command) and on its real
human recordings, every silence inside an answer exactly as the app sees it: the recording's
0.1 s blocks (the microphone's block size), their level, and the app's SilenceTracker (-45 dBFS).
A silence counts from the end of one voiced block to the start of the next; the silence after
the last word is the end of the answer and is not counted. An answer is cut early by a
threshold N if any silence inside it lasts N seconds or more.

    python benchmarks/answer_pauses.py [SPEECHBENCH_DIR]     (default: ../shared/speechbench)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile

BLOCK_SECONDS = 0.1  # interviewer.adapters.microphone.Microphone's default block
THRESHOLDS = (2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0)


def inner_silences(path: Path) -> list[float]:
    """Silences (s) between the first and the last speech in the recording, as the app tracks them."""
    from interviewer.adapters.resample import rms_dbfs
    from interviewer.app.silence_tracker import SilenceTracker

    audio, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    audio = audio.mean(axis=1)
    if rate != 16000:
        from interviewer.adapters.resample import resample

        audio, rate = resample(audio, rate, 16000), 16000
    clock = [0.0]
    reports: list[float] = []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    block = int(BLOCK_SECONDS * rate)
    for begin in range(0, audio.size - block + 1, block):
        clock[0] += BLOCK_SECONDS
        tracker.level(rms_dbfs(audio[begin:begin + block]))
    # The tracker reports 0 on speech and the running silence otherwise: a stretch's length is
    # the last report before speech resumes (plus the block that started it).
    silences, longest, spoke = [], 0.0, False
    for value in reports:
        if value <= 0:
            if spoke and longest > 0:
                silences.append(round(longest + BLOCK_SECONDS, 2))
            spoke, longest = True, 0.0
        else:
            longest = value
    return silences


def main(bench: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, str(bench / "speechbench.py"), "make", str(bench / "dev.json"), folder],
                       check=True, capture_output=True, timeout=300)
        answers = {p.stem: inner_silences(p) for p in sorted(Path(folder).glob("*.wav"))}
    human = {p.stem: inner_silences(p) for p in sorted((bench / "real").glob("*.flac"))}
    for title, group in (("dev set (espeak-ng answers with labelled thinking pauses)", answers),
                         ("real/ (human recordings, one speaker)", human)):
        print(f"{title}: {len(group)} answers")
        for name, silences in group.items():
            print(f"  {name:28s} silences >= 0.5 s: {', '.join(f'{s:.1f}' for s in silences if s >= 0.5) or '-'}")
    every = {**answers, **human}
    pauses = [s for silences in every.values() for s in silences if s >= 0.5]
    print(f"\nall {len(every)} answers: {len(pauses)} pauses of 0.5 s or more; "
          f"median {np.median(pauses):.1f} s, 90th percentile {np.percentile(pauses, 90):.1f} s, "
          f"longest {max(pauses):.1f} s")
    print("\n| silence ends the answer after | answers cut early (dev) | (real) | pauses at least that long |")
    print("|---|---|---|---|")
    for n in THRESHOLDS:
        cut_dev = sum(1 for s in answers.values() if any(x >= n for x in s))
        cut_real = sum(1 for s in human.values() if any(x >= n for x in s))
        print(f"| {n:.0f} s | {cut_dev} of {len(answers)} | {cut_real} of {len(human)} | "
              f"{sum(1 for x in pauses if x >= n)} of {len(pauses)} |")


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "speechbench"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
