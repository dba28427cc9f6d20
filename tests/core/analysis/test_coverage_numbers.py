"""Trial 26 item 6: "The scale and the result in numbers (covered)" was backed by "Hi, sorry, so the
project I wanted to talk about in a click for great model for round ranking.", which says no
number. A point that asks for numbers by name is covered only by words that say one."""
from interviewer.core.analysis.coverage import COVERED, PARTLY, Evidence, PartScore, combine
from interviewer.core.scripts.model import ExpectedPoint

POINT = ExpectedPoint("The scale and the result in numbers", area="quantified results")


def _coverage(text: str, score: float = 0.6):
    return combine(0, POINT, [PartScore(score, (), (Evidence(1, text, 0.3, 6.1, score),))], None)


def test_a_point_asking_for_numbers_is_not_covered_without_one():
    said = "Hi, sorry, so the project I wanted to talk about in a click for great model for round ranking."
    assert _coverage(said).status == PARTLY


def test_a_number_said_covers_it():
    assert _coverage("We served two million requests a day and the lift was 2% on clicks.").status == COVERED
    assert _coverage("It cut the review queue by a third.").status == COVERED


def test_other_points_need_no_number():
    point = ExpectedPoint("Your part in the first person, separate from the team's")
    said = "I built the training pipeline myself; the serving side was another engineer's."
    assert combine(0, point, [PartScore(0.6, (), (Evidence(1, said, 0.0, 4.0, 0.6),))], None).status == COVERED
