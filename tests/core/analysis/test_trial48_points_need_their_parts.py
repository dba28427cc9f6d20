"""Trial 48 problem 4: talking points credited "covered" on sentences that do not make them.

Fixed: the keyword heard on its function words (the second case below), and a point's label counted
as one of its parts when the point lists fewer than three things. Not yet fixed (no test here;
docs/analysis.md says what was tried): the first and third cases, whose one sentence says a part in
the point's words and is long enough to pass for saying the rest in other words. (In the trial's round
the request-path point is still covered that way, by "... which matters with a 30 millisecond budget.".)

- "Auction effects: budgets and prices shift, so tests split advertisers' budgets or run long enough
  to settle" was covered by "For the experiment, I will run a meat test split by user. ...": 'split'
  and 'run' of the point's last part, nothing of auction effects or shifting budgets and prices. A
  point "Label: A, B" has three parts when its label is the subject: the label counts as one.
- "Candidate retrieval and filtering (targeting, budget), then the CTR model, then the auction" was
  covered, "said in another part", by "Port serving, the ranking model runs in a separate scoring
  service next to the auction.": its keyword "then the auction" was heard in "to the auction", and a
  keyword said lifts the score past the checks a sentence on meaning alone must pass. A keyword whose
  only content words the question or a sibling point says too ('auction') is not this point's, unless
  said as written.
- "Went to the person directly, listened to understand their position, found the shared goal" was
  covered by "In the end, when we went up, I'm out for $100,000 per quarter, ... I learned to bring
  data to this agreement instead of opinions.": 'went' of the first of its three parts, and a sentence
  long enough to pass for saying the rest in other words.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import (COVERED, PARTLY, PointMatcher, aligned_windows, listed_items,
                                                round_coverage, sentences_of_text)
from interviewer.core.analysis.summary import Part
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

ROOT = Path(__file__).resolve().parents[3]
ADS = load_script(ROOT / "question_scripts" / "ml_system_design_ads_ctr.toml")
CONFLICT = load_script(ROOT / "question_scripts" / "behavioral_conflict_and_trust.toml")


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _scored(scorer, script, starts: str, said: str):
    question, i = next((q, i) for q in script.questions for i, p in enumerate(q.expected_points)
                       if p.text.startswith(starts))
    return scorer.score_points(question.expected_points, sentences_of_text(said), question.text)[i]


def _point(script, starts: str):
    return next(p for q in script.questions for p in q.expected_points if p.text.startswith(starts))


def test_a_label_before_fewer_than_three_things_is_a_part():
    assert len(listed_items(_point(ADS, "Auction effects:"))) == 3
    # before a longer list it only names it: "Feature drift and missing features; revenue, ..." has no label
    debug = replace(_point(ADS, "Auction effects:"), text="Debug: reproduce with a fixed seed, log gradient norms, "
                                                            "check the batch that fails")
    assert len(listed_items(debug)) == 3


def test_a_keyword_heard_on_its_function_words_is_not_said(scorer):
    question = ADS.question("design_data")
    point = next(i for i, p in enumerate(question.expected_points) if p.text.startswith("Candidate retrieval"))
    said = ["Port serving, the ranking model runs in a separate scoring service next to the auction.",
            "Then the auction picks the winner."]
    windows = aligned_windows(scorer.matcher.encoder, question.expected_points,
                              [s for t in said for s in sentences_of_text(t)], question.text)
    assert [w.said for w in windows[0][point]] == [("then the auction",)]  # one window of both sentences
    alone = aligned_windows(scorer.matcher.encoder, question.expected_points, sentences_of_text(said[0]), question.text)
    assert [w.said for w in alone[0][point]] == [()]


def test_auction_effects_said_are_covered(scorer):
    result = _scored(scorer, ADS, "Auction effects:",
                     "A test in an auction is tricky: advertisers' budgets and the prices shift when only half the "
                     "traffic sees the new model, so I would split each advertiser's budget between the arms, or "
                     "run the test long enough for prices to settle.")
    assert result.status == COVERED, result


@pytest.mark.parametrize("said", [
    "Port serving, the ranking model runs in a separate scoring service next to the auction.",
    "The model sits right next to the auction.",
])
def test_a_model_beside_the_auction_is_not_the_request_path(scorer, said):
    assert _scored(scorer, ADS, "Candidate retrieval and filtering", said).status != COVERED


def test_the_request_path_said_is_covered(scorer):
    result = _scored(scorer, ADS, "Candidate retrieval and filtering",
                     "First we retrieve candidate ads and filter them by targeting and budget, then the CTR model "
                     "scores them, then the auction picks the winners.")
    assert result.status == COVERED, result


def _part(pid: int, question_id: str, phase: str, *utterances: str) -> Part:
    said = [{"text": s, "start": 6.0 * n, "end": 6.0 * n + 5.5} for n, s in enumerate(utterances)]
    return Part(pid, question_id, None, ADS.question(question_id).text, 60.0 * pid, 60.0 * pid, 60.0 * pid + 50,
                {"utterances": said}, sum(len(s.split()) for s in utterances), phase)


def test_said_in_another_part_needs_the_same_evidence(scorer):
    """The trial's round in short: the design part says nothing of the request path; the launch part
    says the model runs beside the auction. Not covered "said in another part"."""
    parts = [_part(1, "design_data", "design",
                   "The label is a click, joined to impressions by the impression id.",
                   "Clicks can arrive late, so I will wait 30 minutes before closing the label."),
             _part(2, "launch", "launch",
                   "Port serving, the ranking model runs in a separate scoring service next to the auction.",
                   "Features come from an online feature store with pre-computed user aggregates.")]
    design = next(q for q in round_coverage(parts, ADS, scorer) if q.question_id == "design_data")
    path = next(p for p in design.points if p.text.startswith("Candidate retrieval"))
    assert path.status != COVERED, path


@pytest.mark.parametrize("said", [
    "We went live a week later, revenue went up by five percent, and the test became the default for every "
    "launch after that one.",
])
def test_one_part_named_in_passing_leaves_the_point_partly_covered(scorer, said):
    result = _scored(scorer, CONFLICT, "Went to the person directly", said)
    assert result.status != COVERED, result
    if result.status == PARTLY and result.listed:
        assert result.status_text.endswith(" things it lists"), result.status_text


def test_going_to_the_person_told_in_full_is_covered(scorer):
    result = _scored(scorer, CONFLICT, "Went to the person directly",
                     "So I went to her directly, just the two of us, and listened to understand her position: she "
                     "was worried about latency on mobile. We found the shared goal, a launch that would not hurt "
                     "mobile users.")
    assert result.status == COVERED, result
