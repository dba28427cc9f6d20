"""Trial 24: "Missed: Evaluation metrics (2 of 3 questions that called for it, but talking points:
0 of 1 covered)" beside Went well "Evaluation metrics": the area heard as a depth signal was also
missed, without saying which part. The review names the talking point that was missed."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.analysis.coverage import COVERED, MISSED, PointCoverage, QuestionCoverage
from interviewer.core.weak_spots import AREAS_MEANING, POINTS, SIGNAL, AreaResult, areas_line, merge, point_area_results

OBJECTIVE = "The objective and the business metric behind it, with the guardrails"


def _coverage():
    points = (PointCoverage(0, "What is ranked, for whom", "problem framing", COVERED, 0.9),
              PointCoverage(1, OBJECTIVE, "evaluation metrics", MISSED, 0.1))
    return [QuestionCoverage("objective", "Tell me about a ranking model you built.", "overview", points, ())]


def test_the_missed_talking_point_is_named_where_the_area_is_missed():
    numbers = SimpleNamespace(coverage=_coverage())
    results = point_area_results(numbers)
    metrics = next(r for r in results if r.area == "evaluation metrics")
    assert metrics.source == POINTS and metrics.missed_points == (OBJECTIVE,)
    areas = merge([*results, AreaResult("evaluation metrics", 3, 2, SIGNAL)])
    line = areas_line(areas)
    assert line.endswith(f"Missed: Evaluation metrics (2 of 3 questions that called for it, but talking points: "
                         f"0 of 1 covered, missed \"{OBJECTIVE}\"). {AREAS_MEANING}")


def test_stored_results_without_the_points_keep_the_count():
    areas = merge([AreaResult("evaluation metrics", 1, 0), AreaResult("evaluation metrics", 3, 2, SIGNAL)])
    assert areas["evaluation metrics"].describe() == (
        "2 of 3 questions that called for it, but talking points: 0 of 1 covered")
