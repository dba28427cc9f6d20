#!/usr/bin/env python3
"""Long recordings: wall time, real-time factor and peak memory of `interviewer transcribe`.

    nice -n 10 .venv/bin/python benchmarks/long_recordings.py [--minutes 5,30,60]
        [--source human|espeak] [--keep DIR] [--model NAME_OR_PATH]

For each length it builds a 16 kHz mono WAV (as the app records) of an interview-like answer:
speech clips joined by pauses of 0.4-3 s and now and then a long one (6-12 s), repeated until
the length is reached. `--source human` (the default when the data is there) uses the `tune`
clips of the human-speech set (benchmarks/human_speech, real people); `espeak` uses the
espeak-ng sentences of benchmarks/speech_pipeline.py. Then it runs
`interviewer transcribe WAV --json --progress` in a child process, as a user would, and reads
  - the wall time and the real-time factor (wall time / audio length),
  - the child's CPU time (user + system) per second of audio: on a shared machine the wall
    time says little, while CPU time hardly depends on the load; with 2 idle cores the wall
    RTF lies between CPU RTF / 2 and CPU RTF (CTranslate2 uses both cores for the encoder),
  - the child's peak resident memory (VmHWM, from wait4's ru_maxrss),
  - the number of words and of progress lines it printed,
and prints one table, side by side, at the end, with the load average before and after
(the machine may be shared: other processes inflate every time).
Targets (issue 11, item 8): peak memory under 600 MB at any length, RTF <= 0.25.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
RATE = 16000
HUMAN_DATA = [REPO / "benchmarks" / "human_speech", REPO.parent / "shared" / "speechbench" / "human_speech"]


def human_clips() -> list[np.ndarray]:
    import soundfile

    for data in HUMAN_DATA:
        truth = data / "truth.json"
        if truth.is_file():
            clips = [c for c in json.loads(truth.read_text())["clips"] if c["split"] == "tune"]
            out = []
            for c in clips:
                audio, rate = soundfile.read(str(data / c["file"]), dtype="float32")
                if rate != RATE or audio.ndim != 1:
                    raise SystemExit(f"{data / c['file']}: expected 16 kHz mono")
                out.append(audio)
            return out
    return []


def espeak_clips() -> list[np.ndarray]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from speech_pipeline import espeak_sentences

    with tempfile.TemporaryDirectory() as folder:
        return espeak_sentences(Path(folder))


def build(path: Path, minutes: float, clips: list[np.ndarray], seed: int = 11) -> float:
    """Write clips and pauses to a 16 kHz mono PCM WAV, in blocks; returns its seconds."""
    import soundfile

    rng = random.Random(seed)
    target = int(minutes * 60 * RATE)
    written = 0
    with soundfile.SoundFile(str(path), "w", samplerate=RATE, channels=1, subtype="PCM_16") as out:
        while written < target:
            clip = clips[rng.randrange(len(clips))]
            pause = rng.uniform(6, 12) if rng.random() < 0.05 else rng.uniform(0.4, 3.0)
            noise = (np.random.default_rng(written).standard_normal(int(pause * RATE)) * 3e-4).astype(np.float32)
            block = np.concatenate([clip, noise])[: target - written]
            out.write(block)
            written += block.size
    return written / RATE


def run(wav: Path, model: str | None) -> dict:
    exe = Path(sys.executable).parent / "interviewer"
    cmd = [str(exe) if exe.exists() else "interviewer", "transcribe", str(wav), "--json", "--progress"]
    if model:
        cmd += ["--model", model]
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=err)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    stderr = err.read().decode(errors="replace")
    result = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
              "exit": proc.returncode,
              "progress_lines": sum(1 for line in stderr.splitlines() if "transcribed (" in line)}
    if proc.returncode == 0:
        transcript = json.loads(out.read())
        result["words"] = sum(len(s.get("words", [])) for s in transcript["segments"])
    else:
        result["error"] = (stderr.strip().splitlines() or ["no output"])[-1]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", default="5,30,60", help="lengths in minutes (default 5,30,60)")
    ap.add_argument("--source", choices=("human", "espeak"), default=None,
                    help="speech to build the recordings from (default: human if the data is there)")
    ap.add_argument("--keep", metavar="DIR", help="write the recordings here and keep them")
    ap.add_argument("--model", metavar="NAME_OR_PATH", help="speech model (default: the app's default)")
    args = ap.parse_args(argv)
    try:
        lengths = [float(x) for x in args.minutes.split(",") if x.strip()]
    except ValueError:
        print(f"--minutes: expected numbers separated by commas, got {args.minutes!r}", file=sys.stderr)
        return 1
    if not lengths or any(not 0 < m <= 600 for m in lengths):
        print("--minutes: each length must be more than 0 and at most 600", file=sys.stderr)
        return 1
    clips = human_clips() if args.source in (None, "human") else []
    source = "human (tune split)"
    if not clips:
        if args.source == "human":
            print("no human-speech data (benchmarks/human_speech/truth.json); use --source espeak",
                  file=sys.stderr)
            return 1
        clips, source = espeak_clips(), "espeak-ng"
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="long-recordings-"))
    folder.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    rows = []
    for minutes in lengths:
        wav = folder / f"answer_{minutes:g}min.wav"
        seconds = build(wav, minutes, clips)
        result = run(wav, args.model)
        result.update(minutes=minutes, seconds=seconds, rtf=result["wall"] / seconds,
                      cpu_rtf=result["cpu"] / seconds, load=os.getloadavg()[0])
        rows.append(result)
        print(f"{minutes:g} min: {json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()})}",
              flush=True)
        if not args.keep:
            wav.unlink()
    if not args.keep:
        folder.rmdir()
    load_after = os.getloadavg()
    print(f"\nSource: {source}; CPUs: {os.cpu_count()}; load average (1, 5, 15 min) before "
          f"{', '.join(f'{x:.2f}' for x in load_before)}, after {', '.join(f'{x:.2f}' for x in load_after)}")
    print(f"{'length':>8} {'wall s':>8} {'RTF':>6} {'CPU s':>8} {'CPU RTF':>8} {'peak RSS MB':>12} "
          f"{'words':>7} {'progress':>9} {'load':>5}")
    for r in rows:
        print(f"{r['minutes']:>6g} m {r['wall']:8.1f} {r['rtf']:6.3f} {r['cpu']:8.1f} {r['cpu_rtf']:8.3f} "
              f"{r['peak_mb']:12.0f} "
              f"{r.get('words', 0):7d} {r['progress_lines']:9d} {r['load']:5.2f}"
              + (f"  FAILED: {r['error']}" if r.get("error") else ""))
    return 0 if all(r["exit"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
