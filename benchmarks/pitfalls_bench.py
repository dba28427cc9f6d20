"""Pitfall detection on the bundled scripts (core/pitfalls.py): does a correct answer ever get a
push-back, and how many wrong claims are caught?

Per question with pitfalls, three counts of sentences that fire one of ITS pitfalls:
  own   - the script's own correct texts: expected points, outline lines and follow-ups
          (none may fire: tests/core/test_pitfalls.py checks the same);
  right - correct paraphrases written for the benchmark (none should fire);
  wrong - wrong claims written for the benchmark (each should fire).
The test sentences (benchmarks/pitfalls_data/dev.toml) were written with the pitfalls, before the
detection was run or tuned; a later set is to be scored with --set NAME, never tuned on.

    .venv/bin/python benchmarks/pitfalls_bench.py            # bag-of-stems encoder (no model)
    .venv/bin/python benchmarks/pitfalls_bench.py --model    # the app's sentence-embedding model
    .venv/bin/python benchmarks/pitfalls_bench.py --misses   # also print what fired wrongly or was missed
"""
from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from interviewer.core.matching import Matcher  # noqa: E402
from interviewer.core.pitfalls import states  # noqa: E402
from interviewer.core.scripts.loader import discover_scripts  # noqa: E402
from interviewer.resources import bundled_scripts_dir  # noqa: E402

DATA = Path(__file__).resolve().parent / "pitfalls_data"


def own_texts(question) -> list[str]:
    """The script's own correct statements about the question: its points, outline and follow-ups."""
    return ([p.text for p in question.expected_points] + list(question.outline)
            + [f.text for f in question.follow_ups])


def fires(question, sentence: str, matcher: Matcher) -> bool:
    return any(states(p, sentence, matcher) for p in question.pitfalls)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="store_true", help="use the sentence-embedding model")
    parser.add_argument("--set", default="dev", help="test sentences: benchmarks/pitfalls_data/NAME.toml")
    parser.add_argument("--misses", action="store_true", help="print false alarms and misses")
    args = parser.parse_args()
    encoder = None
    if args.model:
        from interviewer.adapters.embeddings import OnnxTextEncoder
        encoder = OnnxTextEncoder()
    matcher = Matcher(encoder)
    scripts = {s.id: s for s in discover_scripts(bundled_scripts_dir()).scripts}
    cases = {(c["script"], c["question"]): c for c in tomllib.loads((DATA / f"{args.set}.toml").read_text())["questions"]}
    print(f"encoder: {matcher.encoder.name}; sentences: {args.set}")
    print(f"{'script / question':58} {'pitfalls':>8} {'own':>7} {'right':>7} {'wrong':>7}")
    totals = [0, 0, 0, 0, 0, 0]
    notes = []
    for script in scripts.values():
        for q in script.questions:
            if not q.pitfalls:
                continue
            case = cases.get((script.id, q.id), {"correct": [], "wrong": []})
            own = own_texts(q)
            own_fired = [t for t in own if fires(q, t, matcher)]
            right_fired = [t for t in case["correct"] if fires(q, t, matcher)]
            wrong_caught = [t for t in case["wrong"] if fires(q, t, matcher)]
            notes += [f"FALSE ALARM {script.id}/{q.id}: {t}" for t in own_fired + right_fired]
            notes += [f"MISSED {script.id}/{q.id}: {t}" for t in case["wrong"] if t not in wrong_caught]
            for i, v in enumerate((len(own_fired), len(own), len(right_fired), len(case["correct"]),
                                   len(wrong_caught), len(case["wrong"]))):
                totals[i] += v
            print(f"{script.id + ' / ' + q.id:58.58} {len(q.pitfalls):>8} {len(own_fired):>3}/{len(own):<3} "
                  f"{len(right_fired):>3}/{len(case['correct']):<3} {len(wrong_caught):>3}/{len(case['wrong']):<3}")
    print(f"{'total (fired / sentences)':58} {'':>8} {totals[0]:>3}/{totals[1]:<3} {totals[2]:>3}/{totals[3]:<3} "
          f"{totals[4]:>3}/{totals[5]:<3}")
    if args.misses:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
