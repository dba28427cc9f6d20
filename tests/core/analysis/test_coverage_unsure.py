"""A point said by one who says, in the same sentence, that they are unsure or do not know ("I'm
not sure, but I'd oversample the rare class", "... but honestly I don't remember how") is not made
(the coverage labels' rule: a hedge that never commits does not count), even with "I'd" in it,
which alone keeps a hedged sentence covered (test_coverage_hedge.py): it is only partly covered.
Unsureness said in another sentence than the point's does not lower it. Thinking aloud ("I guess",
"kind of") beside a commitment ("I guess I'd cut wherever the subject changes") is a commitment."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.coverage import COVERED, PARTLY, CoverageThresholds, PointMatcher, \
    says_unsure, sentences_of_text
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ExpectedPoint

from .test_coverage import WordAligner  # the fake word-by-word encoder

THRESHOLDS = CoverageThresholds(covered=0.6, partly=0.4, keyword_bonus=0.15)
QUESTION = "How would you handle a heavily imbalanced dataset?"
RESAMPLE = ExpectedPoint("Oversample the rare class", ())
WEIGHTS = ExpectedPoint("Weight the loss by class", ())


def _status(text: str, point: ExpectedPoint = RESAMPLE) -> str:
    said = sentences_of_text(text)
    results = PointMatcher(Matcher(WordAligner()), THRESHOLDS).score_points([RESAMPLE, WEIGHTS], said, QUESTION)
    return results[[RESAMPLE, WEIGHTS].index(point)].status


UNSURE = [
    "I'm not sure, but I'd oversample the rare class.",
    "I'd oversample the rare class, but honestly I don\u2019t remember how it works.",
    "I guess you kind of oversample the rare class.",  # thinking aloud, and nothing commits
    "I'll oversample the rare class, I forget the details.",
]
SURE = [
    "I would oversample the rare class.",
    "I'm not sure about the rest. I'd oversample the rare class.",  # unsure in another sentence
    # thinking aloud, then committing (heldout41's writer QC): "I guess" + "I'd" is a commitment
    "I guess I'd oversample the rare class.",
    "I guess the obvious thing is to oversample the rare class, so that's what I'd do.",
    "I would kind of oversample the rare class.",
]


@pytest.mark.parametrize("text", UNSURE)
def test_a_point_said_by_one_unsure_is_partly_covered_even_beside_a_commitment(text):
    assert _status(text) == PARTLY


@pytest.mark.parametrize("text", SURE)
def test_a_point_said_without_unsureness_in_its_sentence_is_covered(text):
    assert _status(text) == COVERED


def test_only_the_point_said_unsure_is_lowered():
    text = "I'd oversample the rare class, not sure. I would weight the loss by class."
    assert _status(text, RESAMPLE) == PARTLY
    assert _status(text, WEIGHTS) == COVERED


def test_says_unsure():
    assert says_unsure("No idea, a trie?") and says_unsure("I can\u2019t remember the name.")
    assert not says_unsure("I'm sure it's a trie.") and not says_unsure("")
    assert says_unsure("I guess it's sort of a trie.") and not says_unsure("I guess I'd use a trie.")
    assert says_unsure("I'd use a trie, I guess, but I don't remember how.")  # not knowing, whatever commits
