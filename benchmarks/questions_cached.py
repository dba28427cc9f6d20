#!/usr/bin/env python3
"""Clarifying-question scores from cached transcripts, pooled over the speech benchmark's sets and
the human-speech clips, without transcribing again (seconds instead of an hour on 2 cores).

    .venv/bin/python benchmarks/questions_cached.py --speech DIR [--human CACHE_DIR] [--human-data DIR] [-v]

--speech DIR: one folder per speech-bench set (dev, blind1, ...), each holding the shared scorer's
  <case>.truth.json and the app's transcript of <case>.wav as <case>.transcript.json
  (`interviewer transcribe CASE.wav --json > CASE.transcript.json`). Matching as the shared
  scorer's (../shared/speechbench/speechbench.py): in truth order, the first detection not yet
  used whose [start, end] overlaps the truth question's within 0.35 s.
--human CACHE_DIR: <clip file name>.transcript.json for every clip of --human-data's truth.json
  (default: where human_speech_bench.py looks), scored by benchmarks/human_speech_bench.py's word matching.
-v lists every false and missed question (what was heard around a missed one).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from interviewer.core.analysis.report import analyze_answer  # noqa: E402
from interviewer.core.transcript import Transcript, TranscriptFormatError  # noqa: E402

TOLERANCE_S = 0.35


def _analyse(path: Path) -> dict:
    return analyze_answer(Transcript.load(path)).to_dict()


def shared_scorer_hits(truth: list[dict], found: list[dict]) -> int:
    used, hits = set(), 0
    for t in truth:
        for i, f in enumerate(found):
            if i not in used and f["start"] <= t["end"] + TOLERANCE_S and f["end"] >= t["start"] - TOLERANCE_S:
                used.add(i)
                hits += 1
                break
    return hits


def _best_pairs(truth: list[dict], found: list[dict]) -> tuple[set, set]:
    """For listing errors: each truth question with the detection that overlaps it most."""
    hit_t, hit_f = set(), set()
    for ti, t in enumerate(truth):
        overlap = {i: min(f["end"], t["end"]) - max(f["start"], t["start"]) for i, f in enumerate(found)
                   if i not in hit_f and f["start"] <= t["end"] + TOLERANCE_S and f["end"] >= t["start"] - TOLERANCE_S}
        if overlap:
            hit_t.add(ti)
            hit_f.add(max(overlap, key=overlap.get))
    return hit_t, hit_f


def _prf(tp: int, n_truth: int, n_found: int) -> str:
    p = tp / n_found if n_found else 1.0
    r = tp / n_truth if n_truth else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (hits {tp}, truth {n_truth}, found {n_found})"


def score_speech(root: Path, errors: list[str]) -> None:
    pooled = [0, 0, 0]
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        totals = [0, 0, 0]
        for truth_path in sorted(folder.glob("*.truth.json")):
            case = truth_path.name[:-len(".truth.json")]
            cached = folder / f"{case}.transcript.json"
            try:
                result = _analyse(cached)
            except (OSError, TranscriptFormatError) as exc:
                errors.append(f"SKIP\t{folder.name}\t{case}\t{exc}")
                continue
            truth = json.loads(truth_path.read_text())["questions"]
            found = result["clarifying_questions"]
            totals = [a + b for a, b in zip(totals, (shared_scorer_hits(truth, found), len(truth), len(found)))]
            hit_t, hit_f = _best_pairs(truth, found)
            errors += [f"FP\t{folder.name}\t{case}\t{f['start']:.1f}\t{f['cue']}\t{f['text']}"
                       for i, f in enumerate(found) if i not in hit_f]
            for ti, t in enumerate(truth):
                if ti not in hit_t:
                    heard = " | ".join(u["text"] for u in result["utterances"]
                                       if u["end"] >= t["start"] - TOLERANCE_S and u["start"] <= t["end"] + TOLERANCE_S)
                    errors.append(f"FN\t{folder.name}\t{case}\t{t['start']:.1f}\t{t['text']}\theard: {heard}")
        if totals[1] or totals[2]:
            print(f"speech {folder.name:10s} {_prf(*totals)}")
            pooled = [a + b for a, b in zip(pooled, totals)]
    print(f"speech {'pooled':10s} {_prf(*pooled)}")


def score_human(cache: Path, data: Path | None, errors: list[str]) -> None:
    import human_speech_bench as bench

    per_split: dict[str, list[int]] = {}
    try:
        clips = bench.load_truth(bench.find_data(str(data) if data else None))
    except bench.BenchError as exc:
        sys.exit(f"questions_cached.py: {exc}")
    for clip in clips:
        cached = cache / f"{Path(clip['file']).name}.transcript.json"
        try:
            found = _analyse(cached)["clarifying_questions"]
        except (OSError, TranscriptFormatError) as exc:
            errors.append(f"SKIP\thuman\t{clip['file']}\t{exc}")
            continue
        tp, fp, fn = bench.match_questions([q["text"] for q in found], clip["questions"])
        counts = per_split.setdefault(clip["split"], [0, 0, 0])
        per_split[clip["split"]] = [a + b for a, b in zip(counts, (tp, fp, fn))]
        if fp or fn:
            errors.append(f"HUMAN\t{clip['split']}\t{clip['file']}\ttp {tp} fp {fp} fn {fn}\tfound: "
                          + " || ".join(f"[{q['cue']}] {q['text']}" for q in found)
                          + "\ttruth: " + " || ".join(clip["questions"]))
    pooled = [0, 0, 0]
    for split, (tp, fp, fn) in sorted(per_split.items()):
        pooled = [a + b for a, b in zip(pooled, (tp, fp, fn))]
        print(f"human  {split:10s} found {tp + fp}, right {tp}, false {fp}, missed {fn}")
    tp, fp, fn = pooled
    print(f"human  {'pooled':10s} found {tp + fp}, right {tp}, false {fp}, missed {fn}: "
          f"P {tp / (tp + fp) if tp + fp else float('nan'):.3f} R {tp / (tp + fn) if tp + fn else float('nan'):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speech", metavar="DIR", type=Path)
    ap.add_argument("--human", metavar="CACHE_DIR", type=Path)
    ap.add_argument("--human-data", metavar="DIR", type=Path,
                    help="the human-speech data set (truth.json); default as human_speech_bench.py finds it")
    ap.add_argument("-v", action="store_true", help="list every false and missed question")
    args = ap.parse_args(argv)
    if not args.speech and not args.human:
        ap.error("give --speech DIR, --human CACHE_DIR or both")
    for path in (args.speech, args.human):
        if path is not None and not path.is_dir():
            ap.error(f"{path}: no such folder")
    errors: list[str] = []
    if args.speech:
        score_speech(args.speech, errors)
    if args.human:
        score_human(args.human, args.human_data, errors)
    if args.v:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
