"""A point the speaker takes back with nothing in its place is not made (the coverage labels' rule: a
point said and then withdrawn is not covered): "Limits: cold start, which I'd call the main one...
Let me take that back." says nothing of cold start (`without_withdrawn`). A sentence that goes on
after its correction ("X, no, wait, Y") is kept whole. A point left for later ("I'd figure that out
once we have data", "we'll see") is only partly covered, like one said unsure."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.coverage import COVERED, MISSED, PARTLY, CoverageThresholds, PointMatcher, \
    Sentence, sentences_of_text, without_withdrawn
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ExpectedPoint

from .test_coverage import WordAligner  # the fake word-by-word encoder

THRESHOLDS = CoverageThresholds(covered=0.6, partly=0.4, keyword_bonus=0.15)
QUESTION = "How would you handle a heavily imbalanced dataset?"
RESAMPLE = ExpectedPoint("Oversample the rare class", ())
WEIGHTS = ExpectedPoint("Weight the loss by class", ())


def _statuses(text: str) -> tuple[str, str]:
    said = sentences_of_text(text)
    results = PointMatcher(Matcher(WordAligner()), THRESHOLDS).score_points([RESAMPLE, WEIGHTS], said, QUESTION)
    return results[0].status, results[1].status


@pytest.mark.parametrize("text", [
    "I'd oversample the rare class... let me take that back. I'd weight the loss by class.",
    "I'd oversample the rare class. No wait, that's not it. I'd weight the loss by class.",
    "I'd oversample the rare class, no, actually, that's wrong for this; I'd weight the loss by class.",
    "First I'd oversample the rare class, scratch that. I'd weight the loss by class.",
])
def test_a_point_taken_back_is_not_made_and_what_follows_is(text):
    oversample, weights = _statuses(text)
    assert oversample == MISSED
    assert weights == COVERED


def test_a_point_made_without_a_correction_stays_covered():
    assert _statuses("I'd oversample the rare class, and I'd weight the loss by class.") == (COVERED, COVERED)


def test_a_sentence_that_goes_on_after_its_correction_is_kept_whole():
    said = [Sentence(0, "I'd oversample the rare class.", 0.0, 2.0),
            Sentence(0, "Then average, no wait, weighted by the class share.", 2.0, 5.0),
            Sentence(0, "No, sorry, I'd weight the loss by class.", 5.0, 7.0)]
    assert without_withdrawn(said) == said


def test_only_the_same_answer_loses_a_sentence_to_a_correction_that_opens_the_next():
    said = [Sentence(0, "I'd oversample the rare class.", 0.0, 2.0),
            Sentence(1, "Let me take that back.", 0.0, 2.0)]
    assert [s.text for s in without_withdrawn(said)] == ["I'd oversample the rare class."]


def test_words_like_wrong_inside_a_statement_are_no_correction():
    said = sentences_of_text("If the minimum says three, which is wrong, the test fails.")
    assert without_withdrawn(said) == said


@pytest.mark.parametrize("text", [
    "I'd oversample the rare class, I'd figure that out once we have data.",
    "I'd oversample the rare class too, probably, we'll see.",
])
def test_a_point_left_for_later_is_partly_covered(text):
    assert _statuses(text)[0] == PARTLY
