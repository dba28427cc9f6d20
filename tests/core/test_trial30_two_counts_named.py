"""Trial 30 defect 10: the review's note "Talking points: 4 of 6 covered in the 2 questions
reached" sat beside the topic areas' "6 of 9": two "x of y" counts on one screen, neither saying
what it counts. Each count names its unit, from one place in the core (weak_spots.count_text):
"4 of 6 talking points covered, ..." and "...: 6 of 9 areas"."""
from types import SimpleNamespace

from interviewer.core.analysis.coverage import COVERED, MISSED, PointCoverage, QuestionCoverage
from interviewer.core.analysis.ten_seconds import ten_seconds
from interviewer.core.weak_spots import AREAS_HEADING, RoundContent, content_text


def _question(qid, *statuses):
    points = tuple(PointCoverage(i, f"point {i}", None, s, 0.5) for i, s in enumerate(statuses))
    return QuestionCoverage(qid, qid, "phase", points, ())


def _session(ended_early):
    answers = [SimpleNamespace(id=n, question_id=q, answer_start=10.0 * n, transcript=None, analysis={})
               for n, q in ((3, "context"), (6, "incident"))]
    return SimpleNamespace(answers=answers, findings=[], ended_early=ended_early)


COVERAGE = [_question("context", COVERED, COVERED, COVERED), _question("incident", COVERED, MISSED, MISSED)]


def test_the_talking_points_count_says_it_counts_talking_points():
    good, _ = ten_seconds(_session(True), COVERAGE)
    assert [h.text for h in good.notes] == ["4 of 6 talking points covered, in the 2 questions reached (ended early)."]
    good, _ = ten_seconds(_session(False), COVERAGE)
    assert good.items[0].text == "4 of 6 talking points covered."


def test_the_topic_areas_count_says_it_counts_areas():
    content = RoundContent(("serving", "monitoring", "ownership", "data", "metrics", "numbers"),
                           ("edge cases", "failure analysis", "tradeoffs"), ended_early=True)
    assert content_text(content).startswith(f"{AREAS_HEADING}: 6 of 9 areas, in a round ended early. Missed: ")
