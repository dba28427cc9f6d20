"""Trial 21: "Topic areas covered in your answers: 4 of 5 (2 questions not answered, not
counted); missed Edge cases (talking points: 0.5 of 1 covered, but heard in 0 of 1 question that
called for it)": hard to parse, and the 2 questions were never asked (the round ended early)."""
from __future__ import annotations

from interviewer.core.weak_spots import AreaResult, areas_line, merge


def test_the_areas_line_reads_as_two_sentences_and_says_not_reached():
    areas = merge([AreaResult("algorithm design", 1, 1.0), AreaResult("complexity analysis", 1, 1.0),
                   AreaResult("testing", 1, 1.0), AreaResult("communication", 1, 1.0),
                   AreaResult("edge cases", 1, 0.5), AreaResult("edge cases", 1, 0, "signal")])
    assert areas_line(areas, unanswered=2) == (
        "Topic areas covered in your answers: 4 of 5 (2 questions not reached, not counted). "
        "Missed: Edge cases (talking points: 0.5 of 1 covered, but not heard in the 1 question that called for it)")
