"""Trial 48: Home said "Topic areas covered: 13 of 15" while the review's first Went well said
"Talking points covered: 15 of 15": two "of 15" side by side read as one measure disagreeing.
Each count now names what it counts after the number too, in every view (one function)."""
from interviewer.core.weak_spots import RoundContent, content_text, points_count_text


def test_the_two_counts_say_what_each_counts():
    areas = content_text(RoundContent(tuple(f"area {n}" for n in range(13)), ("edge cases", "stated assumptions")))
    points = points_count_text(15, 15, 15)
    assert areas.startswith("Topic areas covered: 13 of 15 areas. Missed: "), areas
    assert points == "Talking points covered: 15 of 15 points.", points
    assert content_text(RoundContent(("a",), ()), heading=False) == "1 of 1 area"  # the exports' table cell
