"""Writes every labelled (target, answer) pair the project has as JSON lines, for the pair scorer.

A pair is a talking point or a follow-up question (the target), an answer, and whether the answer
dealt with the target (1 covered, 0.5 partly, 0 not). Sources, each tagged so that a trainer can
leave any of them out:
  train:AREA            benchmarks/pair_train/AREA.toml, written to train the scorer
  cov:SET:typed|spoken  benchmarks/coverage_data/SET.toml (spoken: as tiny.en heard espeak read it,
                        from coverage_data/spoken.json)
  fu:PART               follow-up decisions of benchmarks/matcher_data/PART.toml

    .venv/bin/python benchmarks/pair_data_export.py OUT.jsonl
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import coverage_bench  # noqa: E402
import matcher_bench  # noqa: E402

TRAIN = HERE / "pair_train"


def train_pairs(path: Path) -> list[dict]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    pairs = []
    for q in data.get("question", []):
        targets = [(p["id"], "point", p["text"]) for p in q.get("points", [])]
        targets += [(f["id"], "follow_up", f["text"]) for f in q.get("follow_ups", [])]
        ids = {t[0] for t in targets}
        for n, a in enumerate(q.get("answers", []), 1):
            covered, partly = set(a.get("covered", [])), set(a.get("partly", []))
            unknown = (covered | partly) - ids
            if unknown:
                raise SystemExit(f"{path}: question {q['id']} answer {n}: unknown ids {sorted(unknown)}")
            for tid, kind, text in targets:
                label = 1.0 if tid in covered else 0.5 if tid in partly else 0.0
                pairs.append({"source": f"train:{path.stem}", "group": f"{path.stem}/{q['id']}", "kind": kind,
                              "question": q["text"], "target": text, "answer": " ".join(a["text"].split()),
                              "style": a.get("style", "written"), "label": label})
    return pairs


def coverage_pairs(name: str) -> list[dict]:
    cases = coverage_bench.load(name)
    cache = json.loads(coverage_bench.SPOKEN_CACHE.read_text())
    pairs = []
    for c in cases:
        heard = cache.get(coverage_bench._key(c.text, *coverage_bench.voice(c.writer)), {}).get("heard")
        for pid, point in zip(c.point_ids, c.question.expected_points):
            for style, text in (("typed", c.text), ("spoken", heard)):
                if text:
                    pairs.append({"source": f"cov:{name}:{style}", "group": f"cov/{c.question.id}", "kind": "point",
                                  "question": c.question.text, "target": point.text, "answer": text,
                                  "style": style, "label": float(pid in c.covered)})
    return pairs


def follow_up_pairs(name: str) -> list[dict]:
    _, cases = matcher_bench.load_cases(name)
    return [{"source": f"fu:{name}", "group": f"fu/{c.follow_up.id}", "kind": "follow_up", "question": c.question,
             "target": c.follow_up.text, "answer": c.said, "style": "mixed", "label": float(not c.needed)}
            for c in cases]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "pairs.jsonl")
    pairs = []
    for path in sorted(TRAIN.glob("*.toml")):
        pairs += train_pairs(path)
    for name in coverage_bench.DEV_SETS:
        pairs += coverage_pairs(name)
    for name in matcher_bench.DEV_PARTS:
        pairs += follow_up_pairs(name)
    out.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
    by_source: dict[str, list[float]] = {}
    for p in pairs:
        by_source.setdefault(p["source"], []).append(p["label"])
    for source, labels in by_source.items():
        print(f"{source:28} {len(labels):5} pairs, {sum(labels):6.1f} covered")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
