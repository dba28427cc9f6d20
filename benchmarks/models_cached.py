#!/usr/bin/env python3
"""Accuracy of Whisper models side by side through the app's whole analysis, on every part of the
speech benchmark and every human clip, from cached transcripts (transcribed once per model).

    .venv/bin/python benchmarks/models_cached.py --models tiny.en,base --speech DIR [--human-data DIR]
        [--cache DIR] [--speechbench PATH]

--speech DIR: one folder per speech-bench part, each holding what the shared scorer's `make` wrote
  (<case>.wav and <case>.truth.json): `python ../shared/speechbench/speechbench.py make SPEC DIR/NAME`.
--human-data DIR: the human-speech set (truth.json and audio/; default as human_speech_bench.py
  finds it).
--cache DIR (default /tmp/interviewer-models-cache): <model>/<part>/<case>.transcript.json, made with
  `interviewer transcribe AUDIO --model M --json` (a new process per file, as a user would run it)
  where missing; delete a model's folder after changing the transcription code.

Scores the analysis of each cached transcript (core/analysis/report.py, what `interviewer analyze`
prints): fillers, long pauses (>= 1.5 s) and clarifying questions as the shared scorer matches them
(its `_match`, 0.35 s tolerance), per part and pooled; on the human clips hesitations by count and
questions by words, as benchmarks/human_speech_bench.py scores them. Speed is not measured here
(models_bench.py and speech_pipeline.py do that).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import human_speech_bench as human  # noqa: E402
from interviewer.core.analysis.report import analyze_answer  # noqa: E402
from interviewer.core.transcript import Transcript  # noqa: E402

LONG_PAUSE_S = 1.5
TOLERANCE_S = 0.35


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("speechbench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cached_transcript(audio: Path, model: str, out: Path) -> Path:
    if not (out.is_file() and out.stat().st_size):
        out.parent.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([sys.executable, "-m", "interviewer", "transcribe", str(audio), "--model", model,
                               "--json"], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"models_cached.py: {audio}: transcription with {model} failed: "
                     + (proc.stderr.strip().splitlines() or ["no output"])[-1])
        out.write_text(proc.stdout, encoding="utf-8")
    return out


def analysis(path: Path) -> dict:
    return analyze_answer(Transcript.load(path)).to_dict()


def speech_counts(scorer, truth: dict, found: dict) -> dict[str, tuple[int, int, int]]:
    def same_filler(t, f):
        if scorer._is_hesitation(t["text"]):
            return scorer._is_hesitation(f["text"])
        return f["text"].lower().strip(" ,.?!") == t["text"].lower()

    long_truth = [p for p in truth["pauses"] if p["end"] - p["start"] >= LONG_PAUSE_S]
    long_found = [p for p in found["pauses"] if p["end"] - p["start"] >= LONG_PAUSE_S]
    pairs = {"fillers": (truth["fillers"], found["fillers"], same_filler),
             "pauses": (long_truth, long_found, lambda a, b: True),
             "questions": (truth["questions"], found["clarifying_questions"], lambda a, b: True)}
    return {key: (scorer._match(t, f, same, TOLERANCE_S), len(t), len(f)) for key, (t, f, same) in pairs.items()}


def f1(hits: int, n_truth: int, n_found: int) -> str:
    p = hits / n_found if n_found else 1.0
    r = hits / n_truth if n_truth else 1.0
    return f"{2 * p * r / (p + r) if p + r else 0.0:.3f}"


def score_speech(models: list[str], root: Path, cache: Path, scorer) -> None:
    parts = sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*.truth.json")))
    kinds = ("fillers", "pauses", "questions")
    print(f"{'speech part':14s}" + "".join(f"{m + ' ' + k:>22s}" for k in kinds for m in models))
    pooled = {(m, k): [0, 0, 0] for m in models for k in kinds}
    for part in parts:
        row = {}
        for model in models:
            totals = {k: [0, 0, 0] for k in kinds}
            for truth_path in sorted(part.glob("*.truth.json")):
                case = truth_path.name[:-len(".truth.json")]
                transcript = cached_transcript(part / f"{case}.wav", model, cache / model / part.name / f"{case}.transcript.json")
                counts = speech_counts(scorer, json.loads(truth_path.read_text()), analysis(transcript))
                for k in kinds:
                    totals[k] = [a + b for a, b in zip(totals[k], counts[k])]
                    pooled[model, k] = [a + b for a, b in zip(pooled[model, k], counts[k])]
            row.update({(model, k): f1(*totals[k]) for k in kinds})
        print(f"{part.name:14s}" + "".join(f"{row[m, k]:>22s}" for k in kinds for m in models))
    print(f"{'pooled':14s}" + "".join(f"{f1(*pooled[m, k]):>22s}" for k in kinds for m in models))
    for model in models:
        print(f"  {model}: " + ", ".join(f"{k} hits/truth/found {'/'.join(map(str, pooled[model, k]))}" for k in kinds))


def score_human(models: list[str], data: Path, cache: Path) -> None:
    clips = human.load_truth(data)
    print(f"\n{'human split':14s}" + "".join(f"{m + ' ' + k:>24s}" for k in ("hesitation F1", "question P/R")
                                        for m in models))
    per: dict[tuple[str, str], list[int]] = {}
    for model in models:
        for clip in clips:
            audio = data / clip["file"]
            transcript = cached_transcript(audio, model, cache / model / "human" / f"{audio.name}.transcript.json")
            found = analysis(transcript)
            hes = human.count_scores(sum(f.get("kind") == "hesitation" for f in found["fillers"]), clip["hesitations"])
            questions = human.match_questions([q["text"] for q in found["clarifying_questions"]], clip["questions"])
            for split in (clip["split"], "pooled"):
                counts = per.setdefault((model, split), [0] * 6)
                per[model, split] = [a + b for a, b in zip(counts, hes + questions)]

    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    for split in sorted({s for _, s in per}, key=lambda s: (s == "pooled", s)):
        cells = []
        for model in models:
            cells.append(fmt(human.prf(*per[model, split][:3])[2]))
        for model in models:
            p, r, _ = human.prf(*per[model, split][3:])
            cells.append(f"{fmt(p)} / {fmt(r)}")
        print(f"{split:14s}" + "".join(f"{c:>24s}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="tiny.en,base", help="comma-separated model names or folders")
    ap.add_argument("--speech", type=Path, metavar="DIR", help="one folder per speech-bench part")
    ap.add_argument("--human-data", type=Path, metavar="DIR")
    ap.add_argument("--no-human", action="store_true", help="skip the human clips")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/interviewer-models-cache"))
    ap.add_argument("--speechbench", type=Path, default=REPO.parent / "shared" / "speechbench" / "speechbench.py",
                    help="the shared scorer, whose matching is used")
    args = ap.parse_args(argv)
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    if args.speech is not None:
        if not args.speech.is_dir():
            ap.error(f"{args.speech}: no such folder")
        if not args.speechbench.is_file():
            ap.error(f"{args.speechbench}: no such file (give --speechbench)")
        score_speech(models, args.speech, args.cache, load_scorer(args.speechbench))
    if not args.no_human:
        try:
            data = human.find_data(str(args.human_data) if args.human_data else None)
            score_human(models, data, args.cache)
        except human.BenchError as exc:
            sys.exit(f"models_cached.py: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
