"""Trial 46 defect 4: the review's "Talking points covered: 5 of 8 points" beside "Topic areas covered: 6
of 8" read as two conflicting counts of one thing. Where both are shown (the review's areas line
and every export, content_text with `why`), the areas' count says what an area is
(weak_spots.AREAS_MEANING); Home's cards, which show the areas' count alone, stay short."""
from __future__ import annotations

from interviewer.core.weak_spots import (AREAS_HEADING, AREAS_MEANING, AreaResult, areas_line, content_text,
                                         points_count_text, round_content)

AREAS = {"optimization": AreaResult("optimization", 2, 2.0), "features": AreaResult("features", 1, 1.0),
         "cold start": AreaResult("cold start", 1, 0.0)}


def test_the_review_and_exports_say_what_an_area_counts():
    line = areas_line(AREAS)
    assert line.startswith(f"{AREAS_HEADING}: 2 of 3 areas. Missed: "), line
    assert line.endswith(AREAS_MEANING), line
    assert "talking point" in AREAS_MEANING and "groups" in AREAS_MEANING
    exported = content_text(round_content(AREAS), heading=False, why=AREAS)
    assert exported.endswith(AREAS_MEANING), exported
    covered = {a: r for a, r in AREAS.items() if r.covered}
    assert areas_line(covered).endswith(AREAS_MEANING)
    # The points' count keeps its own heading: the two are told apart by what they name.
    assert points_count_text(5, 8, 4).startswith("Talking points covered: 5 of 8 points")


def test_home_shows_the_areas_count_alone_and_short():
    home = content_text(round_content(AREAS))
    assert AREAS_MEANING not in home and home.startswith(f"{AREAS_HEADING}: 2 of 3 areas"), home
