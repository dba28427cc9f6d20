"""Trial 45 defect 7: Home read "Weakest topic areas lately: Data and labels (ML depth, covered in 0
of 1 rounds); Data and labels (ML system design, covered in 0 of 1 rounds)...", one area twice.
Each area is named once, with every kind it is weak in (core.weak_spots.weakest_areas and
weak_area_text, which Home shows)."""
from __future__ import annotations

from interviewer.core.scripts.model import ROUND_KINDS, kind_label
from interviewer.core.weak_spots import AreaResult, RoundAreas, weak_area_text, weakest_areas


def _round(sid: int, kind: str, missed: list[str], covered: list[str] = ()) -> RoundAreas:
    areas = {a: AreaResult(a, 1, 0.0) for a in missed} | {a: AreaResult(a, 1, 1.0) for a in covered}
    return RoundAreas(session_id=sid, kind=kind, started_at=1_700_000_000 + sid, areas=areas)


def _named(rounds, limit=3):
    return [weak_area_text(kinds, kinds[0].area, kind_label) for kinds in weakest_areas(rounds, ROUND_KINDS, limit)]


def test_an_area_weak_in_two_kinds_is_named_once_with_both():
    rounds = [_round(1, "ml_system_design", ["data and labels", "serving"]),
              _round(2, "ml_depth", ["data and labels", "tradeoffs"])]
    named = _named(rounds)
    assert len(named) == 3 and sum("data and labels" in n for n in named) == 1, named
    both = next(n for n in named if "data and labels" in n)
    assert both == "data and labels (ML depth and ML system design, not covered in the last round of each)" or \
        both == "data and labels (ML system design and ML depth, not covered in the last round of each)", both


def test_different_counts_are_each_said_and_one_kind_reads_as_before():
    rounds = [_round(1, "ml_depth", ["tradeoffs"]), _round(2, "ml_depth", ["tradeoffs"]),
              _round(3, "coding", ["tradeoffs"]), _round(4, "coding", [], ["tradeoffs"])]
    assert _named(rounds) == ["tradeoffs (ML depth, not covered in the last 2 rounds; Coding, covered in 1 of the last 2 rounds)"]
    assert _named([_round(1, "ml_depth", ["tradeoffs"])]) == ["tradeoffs (ML depth, not covered in the last round)"]

