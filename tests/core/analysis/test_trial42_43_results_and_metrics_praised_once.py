"""Trial 43 defect 8 (first bullet) and trial 42 defect 5: praise and credit that disagree.

- "It is a gradient boosted frog model scoring about 2000 transactions per second, served online
  behind the rest service" was praised as "Evaluation metrics": a load, not a metric.
- Story 2's "Quantified results" praise quoted "we cut the scope to the top ten categories": cutting
  the scope is what was done, and its size no result (a number counts from the story's result on).
- Story 1's result "clicks on new product, went up, I'm out 40% in the first week" was praised as a
  quantified result, while the point "The effect on the customer in numbers or their own words" was
  partly covered by "I dug into the logs myself ..." (no number) and the area listed as missed: the
  sentence heard as the quantified result now makes that point, quoted for it (one decision).

The behavioral round is replayed from tests/data/trial42 (rows copied from the trial's database)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.core.analysis import depth
from interviewer.core.analysis.coverage import COVERED, PointMatcher
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

from .test_depth import heard

ROOT = Path(__file__).resolve().parents[3]


def test_transactions_per_second_served_are_no_evaluation_metric():
    said = "It is a gradient boosted frog model scoring about 2000 transactions per second, served online behind the rest service."
    assert not depth.heard_in_text(depth.METRICS, said)
    assert depth.heard_in_text(depth.METRICS, "We watched the precision at the review threshold.")
    assert depth.heard_in_text(depth.METRICS, "We track saves per pattern shown.")  # a rate over what was shown still is


def test_the_scope_cut_to_the_top_ten_is_no_quantified_result():
    story = ("We were supposed to launch a new ranking model before the holiday season, and we were three weeks "
             "behind. [0.8] We looked at the plan together, we cut the scope to the top ten categories, and we moved "
             "two people from the data team.")
    result = heard(depth.QUANTIFIED_RESULT, story)
    assert not any("top ten" in e.text for e in result.evidence), result.evidence
    assert not result.heard
    # the result said after it still counts
    told = story + " [0.8] In the end we cut the search latency by half."
    result = heard(depth.QUANTIFIED_RESULT, told)
    assert result.heard and all("top ten" not in e.text for e in result.evidence), result.evidence


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def test_the_result_praised_in_numbers_makes_the_point_that_asks_for_it(scorer):
    stored = json.loads((ROOT / "tests" / "data" / "trial42" / "behavioral_round_parts.json").read_text())
    script = load_script(ROOT / "question_scripts" / f"{stored['script']}.toml")
    parts = [Part(p["id"], p["question_id"], p["follow_up_id"], p["question_text"], p["asked_at"], p["start"],
                  p["end"], p["analysis"], p["transcript_words"], p["phase_id"]) for p in stored["parts"]]
    numbers = summarize(parts, stored["phase_starts"], script=script, matcher=scorer)
    effect = next(p for q in numbers.coverage for p in q.points
                  if p.text.startswith("The effect on the customer in numbers"))
    assert effect.status == COVERED, effect
    assert "40%" in effect.evidence[0].text, effect.evidence
    # a sentence heard as a result but not about the point does not make it: the scope sentence
    # (stored as story 2's quantified result when the trial ran) leaves the outcome point partly covered
    outcome = next(p for q in numbers.coverage for p in q.points
                   if p.text.startswith("The outcome against the goal, in numbers"))
    assert outcome.status != COVERED, outcome
