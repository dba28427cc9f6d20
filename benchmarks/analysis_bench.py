#!/usr/bin/env python3
"""Accuracy and speed of the answer analysis, on labelled speech built with espeak-ng.

Each case is a list of pieces spoken by espeak-ng with exact silences between them, so the
truth is known by construction: where each hesitation sits, where each pause starts and ends,
which phrases are questions, which hold lexical fillers. The cases are different from the
shared dev set (other sentences, voices and rates) to check that the analysis generalizes.

    .venv/bin/python benchmarks/analysis_bench.py [--decode prompt|hotwords|plain] [--no-recover]
        [--long [only]] [--keep DIR]

Prints precision/recall/F1 for fillers, pauses of 1.5 s and more, and clarifying questions,
the transcription real-time factor, and the time to analyze a 60-minute transcript.
Needs espeak-ng on PATH.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

RATE = 16000
GAP_S = 0.12   # natural gap between pieces with no pause
LEAD_S = 0.5   # silence before the answer starts
TAIL_S = 0.8
TOLERANCE_S = 0.35
LONG_PAUSE_S = 1.5

# (id, voice, words per minute, pieces). Pieces: ("say", text), ("say", text, [fillers]),
# ("ask", text) a clarifying question, ("hes", sound) a hesitation, ("pause", seconds).
CASES = [
    ("b01_recsys_scope", "en-us+m3", 150, [
        ("say", "Thanks for the question."), ("hes", "uh"),
        ("ask", "Who are the users of these recommendations?"), ("pause", 1.8),
        ("ask", "Roughly how much click data do we have per day?"), ("pause", 1.1),
        ("say", "Okay, that helps."), ("hes", "um"), ("pause", 2.2),
        ("say", "I would start with a two tower retrieval model and a ranking stage."),
    ]),
    ("b02_ownership", "en-gb-x-rp", 165, [
        ("say", "Last year our search latency doubled after a migration."),
        ("say", "Nobody owned the problem, so I, like, took it on myself.", ["like"]),
        ("pause", 2.6), ("hes", "er"),
        ("say", "I profiled the slow queries and moved the index to memory."),
        ("say", "Latency dropped by forty percent within a week."),
    ]),
    ("b03_false_friends", "en-us", 175, [
        ("say", "Users like short videos, and the feed looks like a ranking problem."),
        ("say", "What I mean by engagement is time spent per session."),
        ("pause", 0.7),
        ("ask", "Do you know the traffic at peak hours?"),
    ]),
    ("b04_thinking_aloud", "en-us+f3", 135, [
        ("say", "Give me a second to think."), ("pause", 7.5), ("hes", "hmm"),
        ("say", "The simplest thing is a sliding window over the sorted array."),
        ("pause", 3.4), ("hes", "um"),
        ("say", "you know, that keeps it linear in the input size.", ["you know"]),
    ]),
    ("b05_assumptions", "en-gb", 160, [
        ("ask", "Should I assume the labels are reliable?"), ("pause", 1.6),
        ("ask", "I'm wondering whether we need predictions in real time or in batch."),
        ("pause", 2.0), ("hes", "uh"),
        ("say", "Basically I would batch score every night.", ["basically"]),
    ]),
    ("b06_metrics_hedge", "en-us+m3", 185, [
        ("say", "I think accuracy is, actually, a poor metric with rare positives.", ["actually"]),
        ("hes", "erm"), ("say", "Precision at the top of the list matters more."),
        ("pause", 1.3), ("ask", "Is recall or precision more important for the business?"),
    ]),
    ("b07_plain_design", "en-gb-x-rp", 145, [
        ("say", "The events go into a queue, and a stream job builds features."),
        ("pause", 2.9),
        ("say", "A nightly job retrains the model and pushes it to the registry."),
        ("say", "If the new model is worse on the holdout, we keep the old one."),
    ]),
    ("b08_coding_clarify", "en-us+f3", 170, [
        ("ask", "Can the input list contain negative numbers?"), ("hes", "ah"), ("pause", 1.9),
        ("ask", "And what should I return if there is no valid pair?"), ("pause", 1.2),
        ("say", "I mean, I can return minus one in that case.", ["I mean"]),
        ("hes", "um"), ("say", "then a hash set gives me one pass."),
    ]),
    ("b09_long_silence", "en-us", 150, [
        ("say", "For the cold start case"), ("pause", 11.0), ("hes", "uh"),
        ("say", "we could fall back to popular items in the same region."),
    ]),
    ("b10_tag_question", "en-gb", 155, [
        ("say", "So the goal is to flag fraudulent transactions before they settle."),
        ("ask", "The decision has to be made within a hundred milliseconds, right?"),
        ("pause", 2.3), ("hes", "hmm"),
        ("say", "Then a gradient boosted model on aggregated features would be my first choice."),
    ]),
    ("b11_nyc_storage", "en-us-nyc", 160, [
        ("say", "Okay, so we need to store the embeddings somewhere."), ("hes", "um"),
        ("ask", "Are the embeddings updated in place or appended?"), ("pause", 2.1),
        ("say", "Then a key value store with a version column should work."),
    ]),
    ("b12_caribbean_fast", "en-029", 190, [
        ("say", "I'd split the data by time, not randomly, to avoid leakage."),
        ("pause", 1.7), ("hes", "uh"),
        ("say", "and I would, like, check the feature timestamps too.", ["like"]),
        ("ask", "How far back does the history go?"),
    ]),
    ("b13_scottish_slow", "en-gb-scotland", 125, [
        ("hes", "hmm"), ("pause", 1.5),
        ("ask", "What does a good outcome look like for the team?"), ("pause", 3.0),
        ("say", "Right. I'll start from that metric then."),
    ]),
    ("b14_female_variant", "en-us+Alicia", 165, [
        ("say", "The model flagged too many legitimate payments."),
        ("say", "I mean, the threshold was tuned on old data.", ["I mean"]), ("pause", 2.4),
        ("hes", "er"), ("say", "We retuned it weekly and complaints dropped by half."),
    ]),
    ("b15_no_pauses", "en-gb+Alex", 170, [
        ("ask", "Can I use a library for the heap?"), ("hes", "um"),
        ("say", "If not, I will write a small binary heap myself."),
        ("say", "Each push and pop is logarithmic."),
    ]),
    ("b16_wondering", "en-us+m7", 150, [
        ("say", "Before designing anything,"),
        ("ask", "I was wondering how many languages the search has to support."),
        ("pause", 1.8), ("hes", "ah"), ("say", "Okay, English only makes it simpler."),
    ]),
    ("b17_lancaster", "en-gb-x-gbclan", 155, [
        ("say", "It seems like the drift starts after each holiday."), ("pause", 2.6),
        ("say", "Literally every spike lines up with a holiday.", ["literally"]),
        ("hes", "um"), ("say", "so I would add calendar features."),
    ]),
    ("b18_andrea_checks", "en-us+Andrea", 145, [
        ("ask", "Do we know which users churned last quarter?"), ("pause", 1.2),
        ("ask", "And is the churn label defined by thirty days of inactivity?"), ("pause", 2.2),
        ("hes", "uh"), ("say", "Good, then I can frame it as binary classification."),
    ]),
]


def speak(text: str, voice: str, wpm: int) -> np.ndarray:
    from faster_whisper import decode_audio

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "piece.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(wav), text], check=True)
        audio = decode_audio(str(wav), sampling_rate=RATE)
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    return audio[loud[0]: loud[-1] + 1] if loud.size else audio[:0]


def build_case(voice: str, wpm: int, pieces: list) -> tuple[np.ndarray, dict]:
    parts = [np.zeros(int(LEAD_S * RATE), np.float32)]
    t = LEAD_S
    truth = {"fillers": [], "pauses": [], "questions": []}
    after_pause = True
    for piece in pieces:
        kind = piece[0]
        if kind == "pause":
            n = int(piece[1] * RATE)
            truth["pauses"].append({"start": t, "end": t + n / RATE})
            parts.append(np.zeros(n, np.float32))
            t += n / RATE
            after_pause = True
            continue
        if not after_pause:
            parts.append(np.zeros(int(GAP_S * RATE), np.float32))
            t += GAP_S
        audio = speak(piece[1], voice, wpm)
        start, end = t, t + len(audio) / RATE
        if kind == "hes":
            truth["fillers"].append({"text": piece[1], "start": start, "end": end, "hesitation": True})
        for word in (piece[2] if kind == "say" and len(piece) > 2 else []):
            truth["fillers"].append({"text": word, "start": start, "end": end, "hesitation": False})
        if kind == "ask":
            truth["questions"].append({"text": piece[1], "start": start, "end": end})
        parts.append(audio)
        t = end
        after_pause = False
    parts.append(np.zeros(int(TAIL_S * RATE), np.float32))
    return np.concatenate(parts), truth


def join_cases(cases: list[tuple[np.ndarray, dict]]) -> tuple[np.ndarray, dict]:
    """One long answer made of the cases back to back, truths shifted to match."""
    parts, truth, t = [], {"fillers": [], "pauses": [], "questions": []}, 0.0
    for audio, case_truth in cases:
        for key in truth:
            truth[key] += [{**item, "start": item["start"] + t, "end": item["end"] + t} for item in case_truth[key]]
        parts.append(audio)
        t += len(audio) / RATE
    return np.concatenate(parts), truth


def _overlaps(t: dict, f: dict) -> bool:
    return f["start"] <= t["end"] + TOLERANCE_S and f.get("end", f["start"]) >= t["start"] - TOLERANCE_S


def _hits(truth: list, found: list, same) -> int:
    used, hits = set(), 0
    for t in truth:
        for i, f in enumerate(found):
            if i not in used and same(t, f) and _overlaps(t, f):
                used.add(i)
                hits += 1
                break
    return hits


def _same_filler(t: dict, f: dict) -> bool:
    if t["hesitation"]:
        return f.get("kind") == "hesitation"
    return f["text"].lower() == t["text"].lower()


def score_case(truth: dict, result: dict) -> dict:
    tp = [p for p in truth["pauses"] if p["end"] - p["start"] >= LONG_PAUSE_S]
    fp = [p for p in result["pauses"] if p["end"] - p["start"] >= LONG_PAUSE_S]
    return {
        "fillers": (_hits(truth["fillers"], result["fillers"], _same_filler), len(truth["fillers"]), len(result["fillers"])),
        "pauses": (_hits(tp, fp, lambda a, b: True), len(tp), len(fp)),
        "questions": (_hits(truth["questions"], result["clarifying_questions"], lambda a, b: True),
                      len(truth["questions"]), len(result["clarifying_questions"])),
    }


def prf(hits: int, n_truth: int, n_found: int) -> tuple[float, float, float]:
    p = hits / n_found if n_found else 1.0
    r = hits / n_truth if n_truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def synthetic_transcript(minutes: float):
    """A long transcript with fillers, questions and pauses, for timing the analysis."""
    from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

    sentences = ["So, um, how many users do we expect at peak?",
                 "I would, like, start with a simple baseline model.",
                 "Uh, you know, the latency budget matters a lot here.",
                 "Then we add features and retrain the model every night."]
    segments, regions, t = [], [], 0.5
    i = 0
    while t < minutes * 60:
        text = sentences[i % len(sentences)]
        words, start = [], t
        for w in text.split():
            words.append(Word(w, t, t + 0.3))
            t += 0.35
        segments.append(Segment(text, start, t, tuple(words)))
        regions.append(SpeechRegion(start, t))
        t += 1.4 if i % 3 else 0.4
        i += 1
    return Transcript(segments, t + 1, regions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decode", choices=("prompt", "hotwords", "plain"), default="prompt")
    parser.add_argument("--keep", metavar="DIR", help="keep the WAVs and truths in DIR")
    parser.add_argument("--no-recover", action="store_true", help="skip recovering hesitations from the audio")
    parser.add_argument("--cases", help="comma-separated case ids to run")
    parser.add_argument("--long", nargs="?", const="also", choices=("also", "only"),
                        help="also (or only) score all cases joined into one long answer: several "
                             "30 s decoding windows show whether the hint works after the first")
    args = parser.parse_args()
    if not shutil.which("espeak-ng"):
        print("espeak-ng is needed on PATH", file=sys.stderr)
        return 2

    from interviewer.adapters import transcription as tx
    from interviewer.core.analysis.report import analyze_answer

    options = tx.decode_options(args.decode)
    model = tx.load_model()
    totals = {k: [0, 0, 0] for k in ("fillers", "pauses", "questions")}
    audio_s = tx_s = 0.0
    keep = Path(args.keep) if args.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    wanted = set(args.cases.split(",")) if args.cases else None
    built = [(case_id, *build_case(voice, wpm, pieces)) for case_id, voice, wpm, pieces in CASES
             if not wanted or case_id in wanted]
    if args.long:
        joined = ("all_joined_long", *join_cases([(a, t) for _, a, t in built]))
        built = [joined] if args.long == "only" else built + [joined]
    for case_id, audio, truth in built:
        t0 = time.perf_counter()
        transcript = tx.transcribe(audio, model, options=options, recover_hesitations=not args.no_recover)
        tx_s += time.perf_counter() - t0
        audio_s += len(audio) / RATE
        result = analyze_answer(transcript).to_dict()
        scores = score_case(truth, result)
        for k, v in scores.items():
            for j in range(3):
                totals[k][j] += v[j]
        print(f"{case_id:22s} " + "  ".join(f"{k} {v[0]}/{v[1]} found {v[2]}" for k, v in scores.items()))
        if keep:
            import soundfile as sf

            sf.write(keep / f"{case_id}.wav", audio, RATE, subtype="PCM_16")
            (keep / f"{case_id}.truth.json").write_text(json.dumps(truth, indent=1))
            (keep / f"{case_id}.analysis.json").write_text(json.dumps(result, indent=1))
    print(f"\ndecode={args.decode} recover={not args.no_recover}")
    for k, (hits, n_truth, n_found) in totals.items():
        p, r, f1 = prf(hits, n_truth, n_found)
        print(f"{k:10s} precision {p:.3f} recall {r:.3f} F1 {f1:.3f} (truth {n_truth}, found {n_found})")
    print(f"transcription: {audio_s:.1f} s of audio in {tx_s:.1f} s, real-time factor {tx_s / audio_s:.3f}")

    long = synthetic_transcript(60)
    analyze_answer(long)
    t0 = time.perf_counter()
    runs = 3
    for _ in range(runs):
        analyze_answer(long)
    per_run = (time.perf_counter() - t0) / runs
    print(f"analysis of a 60-minute transcript ({len(long.words)} words): {per_run * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
