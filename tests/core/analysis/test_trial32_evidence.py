"""Trial 32 D1: talking-point evidence quoted sentences that do not make the point and missed one
that does. With the real model and the trial's own sentences (and paraphrases of them):
- a sentence in which speech recognition looped a short phrase joined by a word ("the TPS and the
  TPS and the TPS") is never evidence, though the loop is under half of it;
- a sentence that says nothing ("That's it.") is never quoted beside the sentence that made a point;
- a point made while answering another question of the round counts ("... and compare the pinball
  loss against the current heuristic." said to the data question makes the framing question's
  "A baseline to beat: the current heuristic ..."), but only where a keyword of the point is said."""
from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import COVERED, MISSED, PointMatcher, round_coverage, sentences_of_text
from interviewer.core.analysis.loops import looped, with_loop
from interviewer.core.analysis.summary import Part
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

SCRIPT = load_script(Path(__file__).resolve().parents[3] / "question_scripts" / "ml_system_design_eta_prediction.toml")
DATA = SCRIPT.question("data_features")
FRAMING = SCRIPT.question("framing")

LOOPED = [
    "Sorry, and one more point, I would drop orders where the TPS and the TPS and the TPS agree my more than five minutes.",
    "I would also drop the orders where the tap and the tap and the tap is late by more than ten minutes.",
    "For the labels I take the delivered time or the delivered time or the delivered time from completed orders.",
]
NOT_LOOPED = [
    "I would drop orders where the GPS and the tap time and the courier app disagree by more than five minutes.",
    "We split by time and by city and by hour.",
]


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _point(question, starts: str) -> int:
    return next(i for i, p in enumerate(question.expected_points) if p.text.startswith(starts))


def test_a_phrase_looped_three_times_with_a_joining_word_is_a_loop():
    for text in LOOPED:
        assert with_loop([text]) == {0}, text
        assert not sentences_of_text(text), text
    for text in NOT_LOOPED:
        assert not with_loop([text]), text
        assert [s.text for s in sentences_of_text(text)] == [text]
    # The loop alone (over half the sentence) was and is a loop.
    assert looped(["the TPS and the TPS and the TPS."]) == {0}


def test_a_looped_sentence_is_never_evidence(scorer):
    for text in LOOPED:
        said = sentences_of_text(f"{text} That's it.")
        for result in scorer.score_points(DATA.expected_points, said, DATA.text):
            assert result.status == MISSED and not result.evidence, (text, result)


def test_a_sentence_that_says_nothing_is_not_quoted_with_the_point(scorer):
    for text in ("After pick up, I only predict the travel time. That's it.",
                 "After pickup, I only predict the remaining travel time. Okay. That's it."):
        for result in scorer.score_points(FRAMING.expected_points, sentences_of_text(text), FRAMING.text):
            assert not any(e.text.endswith(("That's it.", "Okay.")) for e in result.evidence), result


def _part(pid: int, question_id: str, phase: str, *sentences: str) -> Part:
    utterances = [{"text": s, "start": 4.0 * n, "end": 4.0 * n + 3.5} for n, s in enumerate(sentences)]
    return Part(pid, question_id, None, "", 10.0 * pid, 10.0 * pid, 10.0 * pid + 9.0,
                {"utterances": utterances}, sum(len(s.split()) for s in sentences), phase)


@pytest.mark.parametrize("said", [
    "I will also check that the features are computed the same way offline and online, and compare the pinball "
    "loss against the current heuristic.",
    "Offline I would compare the model's error against the current heuristic that the app uses today.",
    "And I'd measure it against a baseline, the historical average per restaurant and hour.",
])
def test_a_point_made_in_answer_to_another_question_counts(scorer, said):
    parts = [_part(1, "framing", "framing", "I would predict the delivery time with a gradient boosted regression model.",
                   "That's it."),
             _part(2, "data_features", "data_features", "I will split the data by time and train on the past eight weeks.",
                   said)]
    framing = next(q for q in round_coverage(parts, SCRIPT, scorer) if q.question_id == "framing")
    baseline = framing.points[_point(FRAMING, "A baseline to beat")]
    assert baseline.status == COVERED, baseline
    assert baseline.evidence[0].part_id == 2 and baseline.evidence[0].text == said


def test_a_sentence_said_elsewhere_without_a_keyword_of_the_point_does_not_make_it(scorer):
    # Trial 32: scored alone against the data question's points, this covered "Labels from
    # completed orders" (it shares only "order"); said to the serving question, it does not count.
    parts = [_part(1, "data_features", "data_features", "I will use the restaurant prep time and the courier distance."),
             _part(2, "serving_monitoring", "serving",
                   "I monitor the fraction of orders more than 10 minutes late, and I roll back with a canary release "
                   "if it gets worse.")]
    data = next(q for q in round_coverage(parts, SCRIPT, scorer) if q.question_id == "data_features")
    assert data.points[_point(DATA, "Labels from completed orders")].status == MISSED
