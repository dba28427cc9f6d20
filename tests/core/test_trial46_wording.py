"""Trial 46 defect 7: Home read "Cold start (ML breadth, covered in 0 of 1 rounds)", and the plan's
next step nested brackets: "... (no counted round of this kind yet (1 ended early, not counted)).".
Both are said as a person would, from the core (weak_spots.rounds_phrase, practice_plan)."""
from __future__ import annotations

from interviewer.core.practice_plan import build_plan, next_step_text, propose_next_round, track_plan
from interviewer.core.scripts.model import ROUND_KINDS, kind_label
from interviewer.core.weak_spots import AreaResult, RoundAreas, weak_area_text, weakest_areas


def _round(sid: int, kind: str, missed: list[str], covered: list[str] = ()) -> RoundAreas:
    areas = {a: AreaResult(a, 1, 0.0) for a in missed} | {a: AreaResult(a, 1, 1.0) for a in covered}
    return RoundAreas(session_id=sid, kind=kind, started_at=1_700_000_000 + sid, areas=areas)


def _named(rounds):
    return [weak_area_text(k, k[0].area, kind_label) for k in weakest_areas(rounds, ROUND_KINDS, 3)]


def test_a_weak_spot_is_not_covered_in_0_of_1_rounds():
    named = _named([_round(1, "ml_breadth", ["cold start"])])
    assert named == ["cold start (ML breadth, not covered in the last round)"], named
    named = _named([_round(1, "ml_breadth", ["cold start"]), _round(2, "ml_breadth", ["cold start"])])
    assert named == ["cold start (ML breadth, not covered in the last 2 rounds)"], named
    assert not any(" 0 of " in n for n in named)


def test_the_next_step_has_no_brackets_inside_brackets():
    progress = track_plan(build_plan(8), [])
    proposal = propose_next_round(progress, [], not_counted=["ml_breadth"])
    text = next_step_text(progress, proposal)
    assert "no counted round of this kind yet; 1 ended early and was not counted)." in text, text
    depth, deepest = 0, 0
    for c in text:
        depth += (c == "(") - (c == ")")
        deepest = max(deepest, depth)
    assert deepest == 1, text
