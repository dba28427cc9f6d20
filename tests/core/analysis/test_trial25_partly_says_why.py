"""Trial 25: "I will use class weights, I guess." makes the class-weights point only partly (a
point said by one unsure is not made), but the checklist read "(partly covered)" with no reason.
Where the sentence that makes a point hedges, the core says so once (PointCoverage.status_text),
and the review's checklist and every export print it: "partly covered: said with a hedge ('I guess')"."""
from __future__ import annotations

from interviewer.core.analysis.coverage import (COVERED, PARTLY, CoverageThresholds, PointMatcher,
                                                QuestionCoverage, sentences_of_text)
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ExpectedPoint
from interviewer.export.coverage_section import html_section, markdown

from .test_coverage import WordAligner  # the fake word-by-word encoder

THRESHOLDS = CoverageThresholds(covered=0.6, partly=0.4, keyword_bonus=0.15)
QUESTION = "How would you handle a heavily imbalanced dataset?"
RESAMPLE = ExpectedPoint("Oversample the rare class", ())
WEIGHTS = ExpectedPoint("Weight the loss by class", ())


def _points(text: str):
    return PointMatcher(Matcher(WordAligner()), THRESHOLDS).score_points([RESAMPLE, WEIGHTS], sentences_of_text(text),
                                                                         QUESTION)


def test_a_point_partly_covered_for_a_hedge_says_which_words():
    resample, weights = _points("You weight the loss by class, I guess. I would oversample the rare class.")
    assert weights.status == PARTLY and weights.hedge == "I guess"
    assert weights.status_text == "partly covered: said with a hedge ('I guess')"
    assert resample.status == COVERED and resample.status_text == "covered"
    # A guess never committed to (hedges_without_committing) says its words too.
    resample, _ = _points("Maybe oversample the rare class.")
    assert resample.status == PARTLY and resample.status_text == "partly covered: said with a hedge ('Maybe')"


def test_a_point_partly_covered_on_its_score_alone_gives_no_reason():
    _, weights = _points("The loss, hmm.")
    assert weights.status != COVERED and weights.hedge == "" and weights.status_text in ("partly covered", "missed")


def test_the_exports_print_the_reason():
    points = tuple(_points("You weight the loss by class, I guess."))
    coverage = [QuestionCoverage("imbalance", QUESTION, "questions", points, ())]
    md = "\n".join(markdown(coverage, [], {}, lambda s: s))
    assert "Weight the loss by class (partly covered: said with a hedge ('I guess'))" in md
    page = html_section(coverage, [], {})
    assert "partly covered: said with a hedge (&#x27;I guess&#x27;)" in page

