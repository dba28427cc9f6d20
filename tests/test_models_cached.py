"""benchmarks/models_cached.py: how one cached answer's analysis is counted against its truth."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import models_cached as mc  # noqa: E402


def _match(truth, found, same, tol):  # the shared scorer's matching, in short
    used, hits = set(), 0
    for t in truth:
        for i, f in enumerate(found):
            if i not in used and same(t, f) and f["start"] <= t["end"] + tol and f.get("end", f["start"]) >= t["start"] - tol:
                used.add(i)
                hits += 1
                break
    return hits


SCORER = SimpleNamespace(_match=_match, _is_hesitation=lambda text: text.lower().strip(" ,.") in {"um", "uh"})


def test_short_pauses_are_left_out_and_a_hesitation_matches_any_hesitation():
    truth = {"fillers": [{"text": "um", "start": 1.0, "end": 1.3}, {"text": "like", "start": 5.0, "end": 5.2}],
             "pauses": [{"start": 2.0, "end": 3.0}, {"start": 7.0, "end": 9.0}],
             "questions": [{"text": "Is it sorted?", "start": 0.0, "end": 1.0}]}
    found = {"fillers": [{"text": "Uh,", "start": 1.1, "end": 1.2}, {"text": "like", "start": 9.0, "end": 9.1}],
             "pauses": [{"start": 2.0, "end": 3.1}, {"start": 7.05, "end": 8.9}],
             "clarifying_questions": [{"text": "Is it sorted?", "start": 0.1, "end": 0.9},
                                      {"text": "Why?", "start": 20.0, "end": 20.5}]}
    counts = mc.speech_counts(SCORER, truth, found)
    assert counts == {"fillers": (1, 2, 2), "pauses": (1, 1, 1), "questions": (1, 1, 2)}


def test_f1_of_nothing_found_and_nothing_true_is_perfect_and_of_a_miss_zero():
    assert mc.f1(0, 0, 0) == "1.000"
    assert mc.f1(0, 2, 0) == "0.000"
    assert mc.f1(1, 2, 2) == "0.500"
