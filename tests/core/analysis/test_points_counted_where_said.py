"""Trial 17: "Clarify the problem: 4 of 4 covered", but the problem's points were said in Approach
and Scale it up. Points said are counted in the part their best sentence was said in; a missed
point in the part its question was asked in."""
from __future__ import annotations

from interviewer.core.analysis.coverage import (COVERED, MISSED, PER_PHASE, Evidence, PointCoverage,
                                                QuestionCoverage, coverage_by_phase)
from interviewer.export.coverage_section import markdown


def _point(i: int, status: str, part_id: int | None) -> PointCoverage:
    evidence = (Evidence(part_id, "said it", 1.0, 2.0, 0.6),) if part_id is not None else ()
    return PointCoverage(i, f"point {i}", "", status, 0.6 if evidence else 0.0, (), evidence)


def test_points_are_counted_in_the_part_they_were_said_in():
    problem = QuestionCoverage("q", "Merge the sessions.", "clarify",
                               (_point(0, COVERED, 2), _point(1, COVERED, 2), _point(2, COVERED, 1),
                                _point(3, MISSED, None)), ())
    groups = coverage_by_phase([problem], None, {1: "clarify", 2: "approach"})
    # In order of first appearance without a script (the script's phase order with one).
    assert sorted((g.name, g.covered, g.missed) for g in groups) == [("approach", 2, 0), ("clarify", 1, 1)]
    lines = markdown([problem], groups, {}, lambda t: t)
    text = "\n".join(lines)
    assert f"{PER_PHASE}: " in text and "clarify: 1 of 2 covered, 0 partly, 1 missed" in text
    assert "approach: 2 of 2 covered, 0 partly, 0 missed" in text
    assert PER_PHASE == "Per part, where said"
