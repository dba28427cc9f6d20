"""Trial 18: a behavioral round ended after its first question said "Topic areas covered in your
answers: 5 of 5", read as the whole round covered. Only the questions answered measure areas;
when some of the script's questions have no answer, Home, Progress, the review and the exports
say so, from the one count (core.weak_spots.unanswered_questions). Stored rounds, real SQLite."""
from __future__ import annotations

from interviewer.app.round_areas import load_progress
from interviewer.core.weak_spots import AREAS_MEANING, AreaResult, content_text, merge, round_content
from interviewer.storage import Store
from tests.storage.test_areas_of_unreached_questions import CLARIFYING, SHORT_DESIGN, store_round
from tests.storage.test_area_history import by_id


def test_a_round_ended_early_says_its_unanswered_questions_were_not_counted(tmp_path):
    with Store.open(tmp_path) as store:
        store_round(store, 1_700_000_000, [("design", CLARIFYING, "requirements"), ("", SHORT_DESIGN, "design")])
        store_round(store, 1_700_100_000, [("design", CLARIFYING, "requirements"), ("", SHORT_DESIGN, "design"),
                                           ("monitoring", "We retrain nightly.", "monitoring")])
        early, full = load_progress(store, by_id).areas
    assert (early.unanswered, full.unanswered) == (1, 0)
    early_text = content_text(round_content(early))
    assert "; 1 question was not reached and is not counted" in early_text
    assert "not reached" not in content_text(round_content(full))


def test_a_missed_area_with_one_measure_met_says_which_was_not():
    """"Edge cases (talking points: 1 of 1 covered; 0 of 1 question that called for it)" beside
    "missed" read as a contradiction: the measure that was not met is named after a "but"."""
    areas = merge([AreaResult("edge cases", 1, 1.0), AreaResult("edge cases", 1, 0, "signal")])
    assert content_text(round_content(areas), heading=False, why=areas) == (
        "0 of 1 area. Missed: Edge cases (talking points: 1 of 1 covered, but an edge case or failure mode was not heard in the 1 "
        "question that called for it). " + AREAS_MEANING)
