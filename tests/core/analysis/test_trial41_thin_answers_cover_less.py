"""Trial 41 defect 8 (and trial 38 defect 1): talking points credited from thin answers.

- "Debug: reproduce with a fixed seed, log gradient norms, check the batch that fails, lower the
  learning rate, clip gradients" was covered by "Probably the learning rate is too high. I would
  lower it and add gradient clipping.": 2 of the 5 things it lists, so partly covered.
- "Pre-register the metric, size the test with a power calculation, watch novelty effects" was
  covered by the whole answer "Two weeks, with a significance test.": none of the three.
- "What the incident cost users or revenue, in numbers, and what the fix recovered" was covered by
  "Roughly $200,000 of missed fraud, but that's a guess.": a number given as a guess is no measured
  result (partly covered, "said with a hedge ('that's a guess')").

A point that lists three things or more is covered only when the sentences that made it say at
least half of them (`listed_items_said`); the review's checklist and every export say why:
"partly covered: said 2 of the 5 things it lists". The rounds are replayed from tests/data/trial41
(rows copied from the trial's database)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import (
    COVERED, PARTLY, PointMatcher, listed_items, listed_items_said, sentences_of_text,
)
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

ROOT = Path(__file__).resolve().parents[3]
BREADTH = load_script(ROOT / "question_scripts" / "ml_breadth_applied.toml")
DEPTH = load_script(ROOT / "question_scripts" / "ml_depth_production_model.toml")


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _question_with(script, starts: str):
    for question in script.questions:
        for i, point in enumerate(question.expected_points):
            if point.text.startswith(starts):
                return question, i
    raise AssertionError(starts)


def _scored(scorer, script, starts: str, said: str):
    question, i = _question_with(script, starts)
    return scorer.score_points(question.expected_points, sentences_of_text(said), question.text)[i]


@pytest.mark.parametrize("said", [
    "Probably the learning rate is too high. I would lower it and add gradient clipping.",  # as typed
    "Probably my learning rate is too high. I will blow a bit and that gradient clipping.",  # as heard
])
def test_two_of_five_debugging_steps_are_partly_covered(scorer, said):
    result = _scored(scorer, BREADTH, "Debug: reproduce with a fixed seed", said)
    assert result.status == PARTLY, result
    assert result.status_text == "partly covered: said 2 of the 5 things it lists"


def test_all_debugging_steps_still_cover_it(scorer):
    result = _scored(scorer, BREADTH, "Debug: reproduce with a fixed seed",
                     "First I'd reproduce it with a fixed seed and log the gradient norms every step. Then I'd "
                     "check the batch that fails, lower the learning rate and clip the gradients.")
    assert result.status == COVERED, result


@pytest.mark.parametrize("said", [
    "Two weeks, with a significance test.",  # as typed
    "Two weeks, we'll have significant stress.",  # as heard
])
def test_a_significance_test_does_not_cover_pre_registering_power_and_novelty(scorer, said):
    result = _scored(scorer, BREADTH, "Pre-register the metric", said)
    assert result.status != COVERED, result


def test_pre_registering_power_and_novelty_said_still_cover_it(scorer):
    result = _scored(scorer, BREADTH, "Pre-register the metric",
                     "I'd pre-register the primary metric, size the test with a power calculation, "
                     "and run it long enough to watch for novelty effects.")
    assert result.status == COVERED, result


@pytest.mark.parametrize("said", [
    "Roughly $200,000 of missed fraud, but that's a guess.",
    "Roughly $200,000 of missed fraud, but that's a guess. I didn't measure it. That's it.",
])
def test_a_cost_given_as_a_guess_is_no_measured_result(scorer, said):
    result = _scored(scorer, DEPTH, "What the incident cost users or revenue", said)
    assert result.status == PARTLY, result
    assert result.status_text == "partly covered: said with a hedge ('that's a guess')"


def test_the_things_a_point_lists():
    question, i = _question_with(BREADTH, "Debug: reproduce")
    point = question.expected_points[i]
    assert len(listed_items(point)) == 5  # "Debug:" is a label, not a thing listed
    # 'gradient' of "clip gradients" does not make "log gradient norms"; a word only one thing has does
    assert listed_items_said(point, ["I would lower it and add gradient clipping, and check the batch."]) == (3, 5)
    question, i = _question_with(DEPTH, "Your own part in building")
    assert listed_items(question.expected_points[i]) == []  # lists nothing


def _replayed(name: str, scorer):
    stored = json.loads((ROOT / "tests" / "data" / name).read_text())
    script = load_script(ROOT / "question_scripts" / f"{stored['script']}.toml")
    parts = [Part(p["id"], p["question_id"], p["follow_up_id"], p["question_text"], p["asked_at"], p["start"],
                  p["end"], p["analysis"], p["transcript_words"], p["phase_id"]) for p in stored["parts"]]
    return summarize(parts, stored["phase_starts"], script=script, matcher=scorer)


def _point(numbers, starts: str):
    return next(p for q in numbers.coverage for p in q.points if p.text.startswith(starts))


def test_the_breadth_round_of_thin_answers_no_longer_covers_seven_of_nine(scorer):
    numbers = _replayed("trial41/breadth_round_parts.json", scorer)
    for starts in ("Debug: reproduce", "Pre-register the metric"):
        assert _point(numbers, starts).status == PARTLY, starts
    covered = sum(p.status == COVERED for q in numbers.coverage for p in q.points)
    assert covered <= 3, covered


def test_the_depth_round_says_the_cost_was_a_guess(scorer):
    numbers = _replayed("trial41/depth_round_parts.json", scorer)
    cost = _point(numbers, "What the incident cost users or revenue")
    assert cost.status == PARTLY and cost.status_text == "partly covered: said with a hedge ('that's a guess')"
