"""Trial 21: "Topic areas covered in your answers (talking points and depth signals): 4 of 5 (2 questions not answered, not
counted); missed Edge cases (talking points: 0.5 of 1 covered, but heard in 0 of 1 question that
called for it)": hard to parse, and the 2 questions were never asked (the round ended early)."""
from __future__ import annotations

from interviewer.core.weak_spots import AREAS_MEANING, AreaResult, areas_line, merge


def test_the_areas_line_reads_as_two_sentences_and_says_not_reached():
    areas = merge([AreaResult("algorithm design", 1, 1.0), AreaResult("complexity analysis", 1, 1.0),
                   AreaResult("testing", 1, 1.0), AreaResult("communication", 1, 1.0),
                   AreaResult("edge cases", 1, 0.5), AreaResult("edge cases", 1, 0, "signal")])
    assert areas_line(areas, unanswered=2) == (
        "Topic areas covered: 4 of 5 areas; 2 questions were not reached and are not counted. "
        "Missed: Edge cases (talking points: 0.5 of 1 covered, but an edge case or failure mode was not heard in the 1 "
        "question that called for it). " + AREAS_MEANING)


def test_areas_and_unreached_questions_are_two_counts_trial22():
    """Trial 22: "5 of 7 (4 questions not reached, not counted)" mixed areas and questions in one
    bracket; the questions not reached get a clause of their own."""
    areas = merge([AreaResult("algorithm design", 1, 1.0), AreaResult("testing", 1, 1.0)])
    line = areas_line(areas, unanswered=4)
    assert line == ("Topic areas covered: 2 of 2 areas; "
                    "4 questions were not reached and are not counted. " + AREAS_MEANING)
    assert areas_line(areas, unanswered=1).endswith("; 1 question was not reached and is not counted. " + AREAS_MEANING)
