"""Trial 30 defect 10: the review's note "Talking points: 4 of 6 covered in the 2 questions
reached" sat beside the topic areas' "6 of 9": two "x of y" counts on one screen, neither saying
what it counts. Each count names its unit, from one place in the core (weak_spots.count_text):
"4 of 6 talking points covered, ..." and "...: 6 of 9 areas". Trial 33 #16: the two counts, one named
after it and one before, still read as two counts of one thing; both now name it first, in one
wording (weak_spots.AREAS_HEADING, POINTS_HEADING): "Talking points covered: 4 of 6 points" and "Topic
areas covered: 6 of 9"."""
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
    assert [h.text for h in good.notes] == ["Talking points covered: 4 of 6 points, in the 2 questions reached (ended early)."]
    good, _ = ten_seconds(_session(False), COVERAGE)
    assert good.items[0].text == "Talking points covered: 4 of 6 points."


def test_the_topic_areas_count_says_it_counts_areas():
    content = RoundContent(("serving", "monitoring", "ownership", "data", "metrics", "numbers"),
                           ("edge cases", "failure analysis", "tradeoffs"), ended_early=True)
    assert content_text(content).startswith(f"{AREAS_HEADING}: 6 of 9 areas, in a round ended early. Missed: ")


def test_both_counts_of_a_round_name_what_they_count_first_alike():
    # Trial 33 #16: "...: 5 of 5 areas" beside "4 of 4 talking points covered" for one round.
    from interviewer.core.weak_spots import points_count_text
    areas = content_text(RoundContent(("a", "b", "c", "d", "e"), (), ended_early=True))
    points = points_count_text(4, 4, 2, ended_early=True)
    assert areas.startswith("Topic areas covered: 5 of 5 areas, in a round ended early"), areas
    assert points == "Talking points covered: 4 of 4 points, in the 2 questions reached (ended early).", points
