"""Soak test: a simulated 60-minute round recorded, analyzed, stored and exported, with bounded memory.

Audio (speech-like bursts with pauses and noise, 16 kHz mono) is generated chunk by chunk and fed
faster than real time through CrashSafeWavWriter in 100 ms chunks, exactly as the microphone
does. Each answer's transcript is synthesized to match its audio (words inside the bursts,
hesitations sprinkled in, speech regions from the bursts), then run through the real
interviewer.core.analysis and stored. The model is not run: transcription speed and memory are
measured by the speech pipeline benchmark; this one measures the storage side over an hour.

    .venv/bin/python benchmarks/soak.py [--minutes 60] [--answers 20] [--data-dir DIR]

Prints peak memory (tracemalloc peak and ru_maxrss), memory after the first and the last answer,
and the rows and files written.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.storage import Store
from interviewer.storage.wav_writer import CrashSafeWavWriter

RATE = 16000
CHUNK = RATE // 10
VOCAB = ("the model", "latency", "we", "would", "measure", "features", "drift", "traffic", "users",
         "so", "first", "I", "think", "a", "cache", "for", "ranking", "and", "then", "metrics")


def bursts(seconds: float, rng: np.random.Generator) -> list[tuple[float, float]]:
    """Speech regions: 1-6 s of talk, then 0.3-4 s of silence, for the whole answer."""
    out, t = [], 0.5
    while t < seconds - 1.0:
        end = min(seconds - 0.5, t + rng.uniform(1.0, 6.0))
        out.append((round(t, 3), round(end, 3)))
        t = end + rng.uniform(0.3, 4.0)
    return out


def audio_chunks(seconds: float, regions: list[tuple[float, float]], rng: np.random.Generator):
    total = int(seconds * RATE)
    starts = np.array([r[0] for r in regions]) * RATE
    ends = np.array([r[1] for r in regions]) * RATE
    for i in range(0, total, CHUNK):
        n = np.arange(i, min(i + CHUNK, total))
        talking = ((n[:, None] >= starts) & (n[:, None] < ends)).any(axis=1)
        tone = 0.25 * np.sin(2 * np.pi * (140 + 40 * np.sin(n / RATE)) * n / RATE)
        yield (tone * talking + 0.005 * rng.standard_normal(n.size)).astype(np.float32)


def transcript_for(seconds: float, regions: list[tuple[float, float]], rng: np.random.Generator) -> Transcript:
    segments = []
    for start, end in regions:
        words, t = [], start
        while t < end - 0.3:
            text = "um" if rng.random() < 0.04 else "uh" if rng.random() < 0.03 else str(rng.choice(VOCAB))
            length = rng.uniform(0.2, 0.45)
            words.append(Word(text, round(t, 3), round(min(end, t + length), 3), 0.9))
            t += length + 0.05
        if words:
            segments.append(Segment(" ".join(w.text for w in words), start, end, tuple(words)))
    return Transcript(segments, seconds, [SpeechRegion(a, b) for a, b in regions], "synthetic")


def rss_mb() -> float:
    """Current resident memory (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--data-dir", type=Path, help="default: a temporary folder, removed afterwards")
    parser.add_argument("--fsync", action="store_true", help="fsync at every flush, as the app does (slower)")
    args = parser.parse_args(argv)

    temp = None
    if args.data_dir is None:
        temp = tempfile.TemporaryDirectory(prefix="interviewer-soak-")
        args.data_dir = Path(temp.name)
    rng = np.random.default_rng(7)
    per_answer = args.minutes * 60 / args.answers
    tracemalloc.start()
    started = time.perf_counter()
    rss_after = []
    audio_seconds = 0.0

    store = Store.open(args.data_dir)
    sid = store.create_session("soak", "Soak: simulated 60-minute round", "ml_system_design", args.minutes)
    phases = [("clarify", "Clarify", 0.1), ("design", "Design", 0.6), ("deep_dive", "Deep dive", 0.2),
              ("wrap_up", "Wrap-up", 0.1)]
    phase_rows, phase_at = [], 0.0
    for phase_id, name, share in phases:
        phase_rows.append((store.add_phase(sid, phase_id, name, args.minutes * share, phase_at),
                           phase_at + args.minutes * share * 60))
        phase_at += args.minutes * share * 60
    clock = 0.0
    record_time = analyze_time = store_time = 0.0
    for n in range(args.answers):
        seconds = per_answer * rng.uniform(0.85, 0.95)  # the rest of the slot is the question being asked
        regions = bursts(seconds, rng)
        aid = store.add_answer(sid, f"q{n}", f"Question {n}?", asked_at=clock, answer_start=clock + 3.0)
        t0 = time.perf_counter()
        writer = CrashSafeWavWriter(store.audio_path_for(sid, aid), fsync=args.fsync)
        for chunk in audio_chunks(seconds, regions, rng):
            writer.write(chunk)
        writer.close()
        audio_seconds += writer.seconds_written
        t1 = time.perf_counter()
        transcript = transcript_for(seconds, regions, rng)
        analysis = analyze_answer(transcript, question_text=f"Question {n}?",
                                  expected_topics=[("latency", ("latency",)), ("scale", ("users", "traffic"))],
                                  expects_clarifying=n == 0, round_kind="ml_system_design").to_dict()
        t2 = time.perf_counter()
        store.finish_answer(aid, answer_end=clock + 3.0 + seconds)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analysis)
        store.save_scratchpad(sid, f"notes after answer {n}\n" * (n + 1))
        t3 = time.perf_counter()
        record_time, analyze_time, store_time = record_time + t1 - t0, analyze_time + t2 - t1, store_time + t3 - t2
        clock += per_answer
        rss_after.append(rss_mb())
    for row, ended in phase_rows:
        store.end_phase(row, ended)
    store.add_debrief(sid, "Where did you hesitate?", "Capacity estimates.", self_rating=3)
    store.finish_session(sid, ended_at=time.time())

    from interviewer.export import export_session  # the whole hour joined into one FLAC, streamed

    t4 = time.perf_counter()
    exports, rss_exports = {}, {}
    for fmt in ("json", "md", "flac"):
        exports[fmt] = export_session(store, sid, fmt, args.data_dir / f"export.{fmt}").path
        rss_exports[fmt] = rss_mb()
    export_time = time.perf_counter() - t4
    progress = store.progress()[0]
    rows = {t: store._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("sessions", "answers", "phase_timeline", "debrief_entries", "findings")}
    store.close()
    elapsed = time.perf_counter() - started
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    wavs = list((args.data_dir / "recordings").rglob("*.wav"))
    db_bytes = sum(p.stat().st_size for p in args.data_dir.glob("interviewer.sqlite3*"))
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 2**20)

    print(f"simulated round:        {audio_seconds / 60:.1f} min of audio in {args.answers} answers")
    print(f"wall time:              {elapsed:.1f} s ({audio_seconds / elapsed:.0f}x real time)")
    print(f"  recording:            {record_time:.1f} s   analysis: {analyze_time:.1f} s   "
          f"storing: {store_time:.2f} s   export json+md+flac: {export_time:.1f} s")
    print(f"tracemalloc peak:       {traced_peak / 2**20:.1f} MB (Python allocations incl. numpy buffers)")
    print(f"ru_maxrss:              {maxrss_mb:.1f} MB (whole process, includes libraries)")
    print(f"RSS after answer 1/{args.answers}:  {rss_after[0]:.1f} MB -> {rss_after[-1]:.1f} MB "
          f"(growth {rss_after[-1] - rss_after[0]:+.1f} MB over {audio_seconds / 60:.0f} min)")
    print(f"rows written:           {sum(rows.values())} ({', '.join(f'{k} {v}' for k, v in rows.items())})")
    print(f"files written:          {len(wavs)} WAV, {sum(p.stat().st_size for p in wavs) / 2**20:.1f} MB; "
          f"database {db_bytes / 2**20:.2f} MB")
    print("exports:                " + ", ".join(f"{k} {p.stat().st_size / 2**20:.1f} MB (RSS after: "
                                                 f"{rss_exports[k]:.0f} MB)" for k, p in exports.items()))
    print(f"round numbers:          {progress.words} words, {progress.filler_rate} fillers/100 words, "
          f"{progress.pace_wpm} wpm, {progress.long_pauses} long pauses")
    if temp is not None:
        temp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
