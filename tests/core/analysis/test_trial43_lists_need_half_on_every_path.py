"""Trial 43 defect 1: points that list several things still "covered" when one or two were said.

A point that lists three things or more needs half of them (fixC33), unless its sentences are
long enough to have said them in other words. That length escape let these through, as the words
counted were those of a neighbouring sentence quoted with the one that said a listed thing, or of
another sentence that matched the point:

- "Trees for tabular data, neural networks for images and text." with a neighbour that says none
  of it covered "Trees: tabular data, heterogeneous features, small to medium data, fast to train,
  strong baselines";
- "You factor the user item matrix into embeddings. With clicks you treat them as implicit
  feedback." covered "Implicit feedback: no negatives, only signals of interest; treat unobserved
  as weak negatives and weight by confidence";
- "A fraud model scoring 2000 transactions per second online. We watched precision and the score
  distribution daily." covered "Purpose, traffic, latency budget, ..." and "Health signals: input
  feature distributions, prediction distribution, business metric, error rates, latency".

Each is now "partly covered: said 1 of the 5 things it lists", as other points of the same review
were. (In the trial's round the Trees point stays covered: its other matching sentence, "Each new
tree fits the residual gradient on the loss with a small learning rate.", says 'small' of "small to
medium data", a word no other thing of the point has; reading such words strictly cost 0.006-0.009
of development F1.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import COVERED, PARTLY, PointMatcher, sentences_of_text
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _scored(scorer, script: str, starts: str, said: str):
    loaded = load_script(ROOT / "question_scripts" / f"{script}.toml")
    question, i = next((q, i) for q in loaded.questions for i, p in enumerate(q.expected_points)
                       if p.text.startswith(starts))
    return scorer.score_points(question.expected_points, sentences_of_text(said), question.text)[i]


@pytest.mark.parametrize("script,starts,said", [
    ("ml_breadth_applied", "Trees: tabular data",
     "Trees for tabular data, neural networks for images and text. That is how I would put it in one line "
     "for a team that has to decide quickly."),
    ("ml_breadth_recommenders_and_time_series", "Implicit feedback:",
     "You factor the user item matrix into embeddings. With clicks you treat them as implicit feedback."),
    ("ml_depth_production_model", "Purpose, traffic",
     "A fraud model scoring 2000 transactions per second online. We watched precision and the score "
     "distribution daily."),
    ("ml_depth_production_model", "Health signals:",
     "A fraud model scoring 2000 transactions per second online. We watched precision and mass flow "
     "distribution daily."),
])
def test_one_or_two_things_said_leave_a_list_partly_covered(scorer, script, starts, said):
    result = _scored(scorer, script, starts, said)
    assert result.status == PARTLY, result
    assert result.status_text.startswith("partly covered: said "), result.status_text
    assert result.status_text.endswith(" things it lists"), result.status_text


def test_a_list_said_in_full_is_still_covered(scorer):
    result = _scored(scorer, "ml_depth_production_model", "Health signals:",
                     "We had dashboards on the input feature distributions and the prediction distribution, the "
                     "business metric, which was fraud dollars caught, and the error rates and latency of the service.")
    assert result.status == COVERED, result
