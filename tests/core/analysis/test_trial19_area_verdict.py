"""Trial 19 item 1: "missed Evaluation metrics (talking points: 2 of 2 covered, but heard in 1 of 5
questions that called for it)": a question whose talking point of an area was covered counts as
having shown that area's depth signal; one verdict per area and question, computed once."""
from interviewer.core.analysis.coverage import COVERED, MISSED, PointCoverage, QuestionCoverage
from interviewer.core.analysis.summary import QuestionNumbers, _depth_counts


def _q(qid, metrics_heard):
    # Answered (words): a question with nothing said to it is not counted (trial 43).
    return QuestionNumbers(qid, 1, False, [], [], [], 0, depth={"metrics": metrics_heard, "tradeoffs": False}, words=40)


def _coverage(qid, status, area="evaluation metrics"):
    return QuestionCoverage(qid, qid, "model", (PointCoverage(0, "Offline NDCG, online an A/B test", area, status, 0.9),), ())


def test_a_covered_talking_point_counts_for_its_area_in_that_question():
    questions = [_q("ranking", False), _q("monitoring", False)]
    counts = _depth_counts(questions, [_coverage("ranking", COVERED), _coverage("monitoring", MISSED)])
    assert (counts["metrics"].heard, counts["metrics"].questions) == (1, 2)
    assert counts["tradeoffs"].heard == 0  # another area's point counts for nothing else
    assert _depth_counts(questions)["metrics"].heard == 0  # before the points are matched
