#!/usr/bin/env python3
"""Accuracy of the depth signals (core/analysis/depth.py) on a small labelled set.

    .venv/bin/python benchmarks/depth_bench.py [--split tune|heldout|both|NAME] [--spoken] [--cache DIR]

benchmarks/depth_data/{tune,heldout}.toml hold answers written for this, each labelled with the
signals a coach would credit; every other signal that applies to the answer counts as "not
heard". For each split the benchmark prints, per signal, precision / recall / F1 of "heard",
on three versions of every answer:
  typed   - the text as written (punctuation, capitals);
  asr     - lowercased without punctuation, as small speech models often write speech;
  spoken  - (with --spoken) read by espeak-ng and transcribed by the app's Whisper model
            (tiny.en), analysed exactly as the app analyses an answer.
The tune split is what the patterns were adjusted on; the held-out split is scored, not tuned on.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interviewer.core.analysis import depth  # noqa: E402
from interviewer.core.analysis.tokens import tokenize  # noqa: E402
from interviewer.core.analysis.utterances import split_utterances  # noqa: E402
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word  # noqa: E402

DATA = Path(__file__).resolve().parent / "depth_data"
VOICE, WPM = "en-us", 165
# Development parts (the patterns were adjusted on them, or they were scored once and are read
# since); any other part in depth_data/ is scored only when named with --split.
DEV_SPLITS = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
              "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18",
              "heldout19", "heldout20", "heldout21", "heldout22")


def load(split: str) -> list[dict]:
    return tomllib.loads((DATA / f"{split}.toml").read_text())["answers"]


def typed_transcript(text: str) -> Transcript:
    """Words 0.3 s apart, one speech region: what the analysis sees of typed text."""
    words = [Word(w, round(i * 0.35, 3), round(i * 0.35 + 0.3, 3)) for i, w in enumerate(text.split())]
    end = words[-1].end if words else 0.0
    return Transcript([Segment(text, 0.0, end, tuple(words))], end + 0.5, [SpeechRegion(0.0, end)])


def asr_style(text: str) -> str:
    return re.sub(r"[.,;:!?\"]", "", text).lower()


def spoken_transcript(answer: dict, cache: Path, model) -> Transcript:
    """espeak-ng reads the answer, tiny.en transcribes it; cached per answer id and text."""
    import hashlib

    key = hashlib.sha256(f"{VOICE}|{WPM}|{answer['text']}".encode()).hexdigest()[:16]
    path = cache / f"{answer['id']}-{key}.json"
    if path.exists():
        return Transcript.load(path)
    from faster_whisper import decode_audio

    from interviewer.adapters.transcription import transcribe

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "answer.wav"
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", str(WPM), "-w", str(wav), " ".join(answer["text"].split())],
                       check=True)
        audio = decode_audio(str(wav), sampling_rate=16000)
    transcript = transcribe(audio, model)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(transcript.to_json())
    return transcript


def judge(answer: dict, transcript: Transcript) -> dict[str, tuple[bool, bool]]:
    """Signal id -> (labelled heard, found heard), for the signals that apply to the answer."""
    utterances = split_utterances(tokenize(transcript.words), transcript.speech)
    found = depth.depth_signals(utterances, answer["kind"], story=answer.get("story", False),
                                expects_clarifying=answer.get("clarifying", False))
    labelled = set(answer.get("heard", []))
    unknown = labelled - set(depth.BY_ID)
    if unknown:
        raise SystemExit(f"{answer['id']}: unknown signal(s) {sorted(unknown)}")
    return {r.signal.id: (r.signal.id in labelled, r.heard) for r in found.signals}


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(t and f for t, f in pairs)
    fp = sum(f and not t for t, f in pairs)
    fn = sum(t and not f for t, f in pairs)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp + fn


def report(split: str, versions: dict[str, list[tuple[dict, Transcript]]], verbose: bool) -> None:
    print(f"\n== {split}: {len(next(iter(versions.values())))} answers")
    results = {name: [(a["id"], judge(a, t)) for a, t in items] for name, items in versions.items()}
    print(f"{'signal':<20}" + "".join(f"{name + ' P / R / F1 (n)':>28}" for name in results))
    for signal in [s.id for s in depth.SIGNALS] + ["all"]:
        row = f"{signal:<20}"
        for name, judged in results.items():
            pairs = [v for _, j in judged for sid, v in j.items() if signal in ("all", sid)]
            if not pairs:
                row += f"{'-':>28}"
                continue
            p, r, f1, n = prf(pairs)
            row += f"{f'{p:.2f} / {r:.2f} / {f1:.2f} ({n})':>28}"
        print(row)
    for name, judged in results.items():
        wrong = [(aid, sid, t) for aid, j in judged for sid, (t, f) in j.items() if t != f]
        print(f"{name}: {len(wrong)} wrong calls" + (": " + ", ".join(
            f"{aid}:{sid}({'missed' if t else 'false'})" for aid, sid, t in wrong) if wrong and verbose else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="both",
                        help="tune, heldout, both (the development parts) or the name of another part in depth_data/")
    parser.add_argument("--spoken", action="store_true", help="also espeak-ng + tiny.en (needs espeak-ng)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "interviewer-depth-bench")
    parser.add_argument("--verbose", action="store_true", help="name every wrong call")
    args = parser.parse_args()
    model = None
    if args.spoken:
        from interviewer.adapters.transcription import load_model

        model = load_model(None)
    if args.split != "both" and not (DATA / f"{args.split}.toml").exists():
        parser.error(f"no such part: {DATA / (args.split + '.toml')}")
    for split in DEV_SPLITS if args.split == "both" else (args.split,):
        answers = load(split)
        versions = {"typed": [(a, typed_transcript(a["text"])) for a in answers],
                    "asr": [(a, typed_transcript(asr_style(a["text"]))) for a in answers]}
        if model is not None:
            versions["spoken"] = [(a, spoken_transcript(a, args.cache, model)) for a in answers]
        report(split, versions, args.verbose)
    # Speed: every signal on a 60-minute answer's worth of words.
    answers = load("tune")
    text = " ".join(a["text"] for a in answers)
    words = text.split()
    long = typed_transcript(" ".join(words * max(1, 9000 // len(words))))
    utterances = split_utterances(tokenize(long.words), long.speech)
    start = time.perf_counter()
    depth.depth_signals(utterances, "ml_system_design", expects_clarifying=True)
    depth.depth_signals(utterances, "behavioral", story=True)
    print(f"\nall signals on {len(long.words)} words (about 60 minutes of speech): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
