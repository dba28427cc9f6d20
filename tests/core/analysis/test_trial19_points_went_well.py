"""Trial 19 item 11: a strong ML breadth answer (2 of 2 talking points covered) had as its only
"Went well" "1 filler word in this answer". The talking points covered come first in Went well,
in the review and every export (ten_seconds computes the lines once)."""
from types import SimpleNamespace

from interviewer.core.analysis.coverage import COVERED, MISSED, PointCoverage, QuestionCoverage
from interviewer.core.analysis.ten_seconds import ten_seconds


def _session():
    answer = SimpleNamespace(id=13, question_id="nan_loss", answer_start=12.0, transcript=None,
                             analysis={})
    filler = SimpleNamespace(kind="fillers", message="1 filler word in this answer.", answer_id=13,
                             start=38.9, end=39.2, details={"severity": "good"})
    return SimpleNamespace(answers=[answer], findings=[filler])


def _coverage(*statuses):
    points = tuple(PointCoverage(i, f"point {i}", None, s, 0.9) for i, s in enumerate(statuses))
    return [QuestionCoverage("nan_loss", "Your loss goes NaN...", "training", points, ())]


def test_talking_points_covered_come_first_in_went_well():
    good, _ = ten_seconds(_session(), _coverage(COVERED, COVERED))
    assert [h.text for h in good.items] == ["Talking points covered: 2 of 2 points.",
                                            "1 filler word in this answer."]
    assert good.items[0].answer_id == 13 and good.items[0].round_time == 12.0
    # Under half covered is no strength; before the points are matched, nothing changes.
    assert [h.label for h in ten_seconds(_session(), _coverage(COVERED, MISSED, MISSED))[0].items] == ["Fillers"]
    assert [h.label for h in ten_seconds(_session())[0].items] == ["Fillers"]


def test_half_the_points_covered_is_not_listed_as_went_well():
    """Trial 21: "Talking points: 2 of 4 covered" under Went well, with half of them missed."""
    assert [h.label for h in ten_seconds(_session(), _coverage(COVERED, COVERED, MISSED, MISSED))[0].items] == [
        "Fillers"]
    assert ten_seconds(_session(), _coverage(COVERED, COVERED, COVERED, MISSED))[0].items[0].text == (
        "Talking points covered: 3 of 4 points.")
