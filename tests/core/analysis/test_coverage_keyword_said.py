"""A new user's trial: a talking point whose keyword the candidate said plainly was scored
'missed'. With the model's word-by-word scoring, a keyword said adds only a small bonus (0.15),
which the point's shortfall in that sentence (it says more of a sibling point, or of the
question) takes away again: the sentence scored below 'partly'. A keyword said as written (case,
punctuation, spacing and hyphens aside) now makes the point at least partly covered, with that
sentence as its evidence; a near spelling (fuzzy) still only adds the bonus."""
from __future__ import annotations

from interviewer.core.analysis.coverage import COVERED, MISSED, PARTLY, CoverageThresholds, PointMatcher, \
    sentences_of_text
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ExpectedPoint

from .test_coverage import WordAligner  # the fake word-by-word encoder

THRESHOLDS = CoverageThresholds(covered=0.6, partly=0.4, keyword_bonus=0.15)
SERVING = ExpectedPoint("Score payments within milliseconds", ())
QUESTION = "Design fraud detection for card payments."


def _score(point: ExpectedPoint, text: str):
    said = sentences_of_text(text)
    return PointMatcher(Matcher(WordAligner()), THRESHOLDS).score_points([point, SERVING], said, QUESTION)[0]


def test_a_keyword_said_in_a_sentence_about_a_sibling_point_is_at_least_partly_covered():
    delay = ExpectedPoint("Labels arrive weeks late", ("chargebacks",))
    text = "Our team likes the office. We score payments within milliseconds, chargebacks aside."
    result = _score(delay, text)
    assert result.status == PARTLY and result.keywords_said == ("chargebacks",)
    assert [e.text for e in result.evidence] == ["We score payments within milliseconds, chargebacks aside."]
    # Without the keyword the same sentence makes nothing of this point.
    assert _score(delay, text.replace(", chargebacks aside", "")).status == MISSED


def test_a_keyword_said_with_other_spacing_or_hyphens_counts_as_said():
    """Speech recognition writes 'A/B test' and 'roll back' for the keywords 'ab test' and 'rollback'."""
    rollout = ExpectedPoint("Safe rollout of the new model", ("ab test", "rollback"))
    for text in ("We score payments within milliseconds and run an A/B test.",
                 "We score payments within milliseconds and can roll back."):
        result = _score(rollout, text)
        assert result.status in (PARTLY, COVERED) and result.keywords_said, text
    # A keyword whose letters run together only by chance is not said: 'O(n)' is not 'on'.
    linear = ExpectedPoint("Linear time", ("o(n)",))
    assert _score(linear, "We score payments within milliseconds on each card.").status == MISSED


def test_a_near_spelling_still_only_adds_the_bonus():
    delay = ExpectedPoint("Labels arrive weeks late", ("chargebacks",))
    result = _score(delay, "We score payments within milliseconds, chargebaks aside.")  # a recognition slip
    assert result.keywords_said == ("chargebacks",) and result.status == MISSED
