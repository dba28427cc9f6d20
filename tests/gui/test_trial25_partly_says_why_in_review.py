"""Trial 25: the review's checklist says why a point is only partly covered where its sentence
hedges (tests/core/analysis/test_trial25_partly_says_why.py has the rule and the exports)."""
from __future__ import annotations

import sys
from pathlib import Path

from interviewer.core.analysis.coverage import QuestionCoverage

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.analysis.test_trial25_partly_says_why import QUESTION, _points  # noqa: E402


def test_the_reviews_checklist_prints_the_reason(qapp):
    from interviewer.gui.coverage_checklist import CoverageChecklist

    points = tuple(_points("You weight the loss by class, I guess."))
    checklist = CoverageChecklist()
    checklist.set_coverage([QuestionCoverage("imbalance", QUESTION, "questions", points, ())], [])
    top = checklist.tree.topLevelItem(0)
    rows = [top.child(i).text(0) for i in range(top.childCount())]
    assert "Weight the loss by class (partly covered: said with a hedge ('I guess'))" in rows
