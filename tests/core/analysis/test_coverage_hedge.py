"""A point said only as a guess that never commits ("I think maybe oversampling could help, or it
might not") is not made (the coverage labels' rule: "a hedge that never commits does not" count):
when every sentence that scored it covered hedges without committing, it is only partly covered.
A hedge beside a commitment ("I think I'd use X", "X might be slow, so I'd add Y"), "might" naming
a risk, or a hedge in another sentence than the point's does not lower it."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.coverage import COVERED, PARTLY, CoverageThresholds, PointMatcher, \
    hedges_without_committing, sentences_of_text
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


HEDGED = [  # said only as a guess: partly
    "I think maybe you could oversample the rare class, or it might not help.",
    "Possibly oversample the rare class? I suppose.",
    "I guess you could oversample the rare class, I'm not sure.",
    "Oversample the rare class, perhaps.",
    "I'd maybe oversample the rare class.",  # "I'd maybe ..." does not commit (the data: see coverage.py)
    "I'd guess you oversample the rare class, I don't know.",
    "It might be worth it to oversample the rare class.",
]
COMMITTED = [  # the point made: covered
    "I would oversample the rare class.",
    "I think I'd oversample the rare class.",
    "Maybe the rare class is tiny, so I'd oversample the rare class.",
    "We oversample the rare class, though it might overfit on the copies.",  # "might" names a risk
    "Oversample the rare class, it might not generalise, so I'd watch validation loss.",
    "I'm not sure about the rest. We oversample the rare class.",  # the hedge is another sentence's
    "We oversample the rare class, definitely.",
]


@pytest.mark.parametrize("text", HEDGED)
def test_a_point_said_only_as_a_guess_that_never_commits_is_partly_covered(text):
    assert _status(text) == PARTLY


@pytest.mark.parametrize("text", COMMITTED)
def test_a_hedge_beside_a_commitment_or_in_another_sentence_still_makes_the_point(text):
    assert _status(text) == COVERED


def test_the_hedged_point_alone_is_lowered_not_its_committed_sibling():
    text = "Maybe oversample the rare class, or maybe not. I would weight the loss by class."
    assert _status(text, RESAMPLE) == PARTLY
    assert _status(text, WEIGHTS) == COVERED


def test_a_point_about_asking_is_not_lowered_by_a_tentative_question():
    ask = ExpectedPoint("Ask how rare the positive class is", ())
    said = sentences_of_text("Maybe I could ask how rare the positive class is?")
    result = PointMatcher(Matcher(WordAligner()), THRESHOLDS).score_points([ask, WEIGHTS], said, QUESTION)[0]
    assert ask.about_asking and result.status == COVERED


def test_hedges_without_committing_reads_every_sentence_and_curly_apostrophes():
    assert hedges_without_committing("I don\u2019t know, maybe a trie. Perhaps a heap.")
    assert not hedges_without_committing("Maybe a trie. A heap works.")
    assert not hedges_without_committing("I\u2019d use a trie, maybe.")
    assert not hedges_without_committing("")


def test_a_point_the_candidate_says_they_did_not_do_is_not_made():
    """Trial 36: "Honestly, I didn't measure it." was quoted as making "the measured effect on
    customers". Said as not done, the point is at most partly covered; a denial beside something
    done ("I never oversampled at first, so I added class weights") or a circumstance ("we did not
    have labels") is no denial of the point."""
    from interviewer.core.analysis.coverage import denies_doing
    assert _status("Honestly, I didn't oversample the rare class.") == PARTLY
    assert _status("We oversample the rare class.") == COVERED
    assert denies_doing("Honestly, I didn\u2019t measure it.")
    assert not denies_doing("I never trusted it at first, so I added a canary.")
    assert not denies_doing("We did not have labels for two weeks.")
