"""A point the script gives no keywords (a user's plain list of points) is judged with lower
thresholds: its score has no keyword recall or bonus in it, so the thresholds set with keywords
called most points made in other words missed (benchmarks/coverage_bench.py --no-keywords)."""
import pytest

from interviewer.core.analysis.coverage import (
    COVERED, MISSED, PARTLY, THRESHOLDS, CoverageThresholds, PartScore, PointMatcher, combine, sentences_of_text,
)
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ExpectedPoint

TH = CoverageThresholds(covered=0.26, partly=0.21, keyword_bonus=0.15, without_keywords=0.09)
PLAIN = ExpectedPoint("A rollback plan for a bad model")
WITH_KEYWORDS = ExpectedPoint("A rollback plan for a bad model", ("rollback", "roll back"))


@pytest.mark.parametrize("score, plain, with_keywords", [
    (0.30, COVERED, COVERED),
    (0.20, COVERED, MISSED),
    (0.14, PARTLY, MISSED),
    (0.10, MISSED, MISSED),
])
def test_thresholds_for_a_point_without_keywords_are_lower(score, plain, with_keywords):
    scores = [PartScore(score)]
    assert combine(0, PLAIN, scores, TH).status == plain
    assert combine(0, WITH_KEYWORDS, scores, TH).status == with_keywords


def test_no_shift_leaves_every_point_alike():
    th = CoverageThresholds(covered=0.26, partly=0.21, keyword_bonus=0.15)
    assert th.for_point(PLAIN) is th and combine(0, PLAIN, [PartScore(0.2)], th).status == MISSED


def test_the_model_thresholds_have_the_measured_shift():
    model = THRESHOLDS["all-MiniLM-L6-v2-int8"]
    assert model.for_point(PLAIN).covered == pytest.approx(model.covered - model.without_keywords)
    assert 0 < model.without_keywords < model.partly


@pytest.fixture(scope="module")
def model_matcher():
    embeddings = pytest.importorskip("interviewer.adapters.embeddings")
    return Matcher(embeddings.OnnxTextEncoder())


def test_real_model_a_plain_point_made_in_other_words_is_covered_and_an_unrelated_answer_misses_all(model_matcher):
    question = "Design a system that detects fraudulent card payments."
    points = [PLAIN, ExpectedPoint("Labels arrive late, weeks after the payment"),
              ExpectedPoint("Class imbalance: fraud is rare"), ExpectedPoint("Latency budget for scoring each payment")]
    scorer = PointMatcher(model_matcher)
    said = sentences_of_text("We keep the old model around so we can go back to it if the new one is worse.")
    assert scorer.score_points(points, said, question)[0].status == COVERED
    unrelated = sentences_of_text("I would use gradient boosted trees on transaction features.")
    assert [r.status for r in scorer.score_points(points, unrelated, question)] == [MISSED] * 4
