"""Trial 34 D1: talking-point evidence quoted sentences that do not make the point and missed ones
that do. With the real model and the trial's own sentences (and paraphrases of them):
- "That's it." after a sentence that trails off ("... to delivery... That's it.") was one utterance
  and quoted whole: a piece that says nothing is cut off as a sentence of its own;
- a point covered in its own question's answers by a sentence that only shares a keyword ("... using
  distance and prep time ...") is quoted by the sentence that makes it, said to another question
  ("I split the estimate into kitchen prep time, courier travel ...");
- a second piece that only just reaches `covered` is not quoted beside the one that made the point
  ("What predict the delivery time with a regression model?" beside "Each stage gets its own model")."""
from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import (
    COVERED, DEFAULT_THRESHOLDS, Evidence, round_coverage, sentences_of_analysis, shown_evidence,
)
from interviewer.core.analysis.summary import Part
from interviewer.core.scripts.loader import load_script

SCRIPT = load_script(Path(__file__).resolve().parents[3] / "question_scripts" / "ml_system_design_eta_prediction.toml")


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    from interviewer.core.analysis.coverage import PointMatcher
    from interviewer.core.matching import Matcher
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _point(question_id: str, starts: str) -> int:
    return next(i for i, p in enumerate(SCRIPT.question(question_id).expected_points) if p.text.startswith(starts))


def _part(pid: int, question_id: str, phase: str, *utterances: str) -> Part:
    said = [{"text": s, "start": 6.0 * n, "end": 6.0 * n + 5.5} for n, s in enumerate(utterances)]
    return Part(pid, question_id, None, "", 10.0 * pid, 10.0 * pid, 10.0 * pid + 9.0,
                {"utterances": said}, sum(len(s.split()) for s in utterances), phase)


def _covering(scorer, parts, question_id: str, starts: str):
    coverage = next(q for q in round_coverage(parts, SCRIPT, scorer) if q.question_id == question_id)
    return coverage.points[_point(question_id, starts)]


@pytest.mark.parametrize("said, kept", [
    ("Tables come from completed orders, the time from order to delivery... That's it.",
     "Tables come from completed orders, the time from order to delivery..."),
    ("I would train gradient boosted trees... That's it.", "I would train gradient boosted trees..."),
    ("Okay... Labels come from the completed orders, the delivered tap minus the order time... Yeah, that's it.",
     "Labels come from the completed orders, the delivered tap minus the order time..."),
])
def test_a_piece_that_says_nothing_is_a_sentence_of_its_own(said, kept):
    sentences = sentences_of_analysis({"utterances": [{"text": said, "start": 2.0, "end": 8.0}]})
    assert kept in [s.text for s in sentences]
    content = next(s for s in sentences if s.text == kept)
    assert 2.0 <= content.start < content.end < 8.0  # its own times, within the utterance's


def test_a_pause_inside_a_point_keeps_it_one_sentence():
    said = "I would use, um... a feature store for the kitchen load."
    assert [s.text for s in sentences_of_analysis({"utterances": [{"text": said, "start": 0.0, "end": 4.0}]})] == [said]


@pytest.mark.parametrize("said", [
    "Tables come from completed orders, the time from order to delivery... That's it.",
    "Labels come from completed orders, the time from order to delivery... Okay, that's it.",
])
def test_that_s_it_is_never_quoted(scorer, said):
    labels = _covering(scorer, [_part(1, "data_features", "data_features", said)], "data_features", "Labels from completed orders")
    assert labels.status == COVERED and labels.evidence
    assert not any("that's it" in e.text.lower() for e in labels.evidence), labels.evidence


@pytest.mark.parametrize("split", [
    "I split the estimate into kitchen prep time, career travel to the restaurant, waiting at the restaurant, "
    "and the rhyme to the customer.",
    "I break the estimate into the kitchen prep time, the courier's travel to the restaurant, the wait there, "
    "and the drive to the customer.",
])
@pytest.mark.parametrize("new_cities", [
    "The new city is, I fall back to the current heuristic at first, using distance and prep time, and I switch to "
    "the model once we have two weeks of deliveries there.",
    "For a new city I use the old heuristic with distance and prep time until we have a few weeks of orders.",
])
def test_the_sentence_that_makes_the_point_is_quoted_though_said_to_another_question(scorer, split, new_cities):
    parts = [_part(1, "design_eta", "requirements", "Okay.", "That's all my questions."),
             _part(2, "framing", "framing", split,
                   "Each stage gets its own model trained on completed orders."),
             _part(3, "design_eta", "serving", new_cities, "That's it.")]
    stages = _covering(scorer, parts, "design_eta", "The estimate splits into kitchen prep")
    assert stages.status == COVERED
    assert stages.evidence[0].text == split and stages.evidence[0].part_id == 2, stages.evidence


@pytest.mark.parametrize("weak", [
    "What predict the delivery time with a regression model?",
    "I'd predict the delivery time with a regression model.",
])
def test_a_weak_second_piece_is_not_quoted_beside_the_one_that_made_the_point(scorer, weak):
    made = ("Each stage gets its own model trained on completed orders and I compare the total against the current "
            "heuristic with the pinball loss.")
    parts = [_part(1, "framing", "framing", weak, "That's it."),
             _part(2, "framing", "framing", made, "That's it.")]
    per_stage = _covering(scorer, parts, "framing", "One model per stage")
    assert per_stage.status == COVERED
    assert [e.text for e in per_stage.evidence] == [made]


def test_shown_evidence_keeps_a_second_piece_that_makes_the_point_nearly_as_well():
    th = DEFAULT_THRESHOLDS
    strong, close, weak = (Evidence(1, "a", 0, 1, 0.78), Evidence(2, "b", 0, 1, 0.74), Evidence(3, "c", 0, 1, 0.40))
    assert shown_evidence([weak, close, strong], th) == (strong, close)
    assert shown_evidence([weak, strong], th) == (strong,)
    # a point only partly covered shows what came closest, as before
    low = (Evidence(1, "a", 0, 1, th.partly + 0.02), Evidence(2, "b", 0, 1, th.partly + 0.01))
    assert shown_evidence(low, th) == low



@pytest.mark.parametrize("rain", [
    "On a rainy Friday, I would add weather and a feature, wide on the window, and monitor the late share per city, "
    "and fall back to the heuristic, if the model breaks down.",
    "When it rains on a Friday night I add the weather as a feature, widen the window, and watch the late share in "
    "each city.",
])
def test_a_sentence_that_shares_only_a_word_of_a_keyword_does_not_make_the_point(scorer, rain):
    # Trial 34: covered "Late costs more than early" (keyword recall 0.73 from "late", point recall 0.28).
    parts = [_part(1, "design_eta", "requirements", "Okay.", "That's all my questions."),
             _part(2, "design_eta", "wrap_up", rain, "That's it.")]
    late = _covering(scorer, parts, "design_eta", "Late costs more than early")
    assert late.status != COVERED and not any(e.text == rain for e in late.evidence), late


def test_the_point_said_in_other_words_still_makes_it(scorer):
    said = ("Being late hurts the customer far more than arriving early, so the metric should punish lateness more, "
            "and we show a calibrated interval instead of one number.")
    parts = [_part(1, "design_eta", "requirements", said)]
    assert _covering(scorer, parts, "design_eta", "Late costs more than early").status == COVERED
