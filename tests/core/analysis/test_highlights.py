"""The ten-second summary's choice: one of each kind before any kind twice, strongest evidence
first (core/analysis/highlights.py)."""
from interviewer.core.analysis.highlights import strongest_first


def pick(items, limit=3):
    return strongest_first(items, kind=lambda i: i[0], strength=lambda i: i[2], when=lambda i: i[1], limit=limit)


def test_distinct_kinds_first_the_most_seen_and_within_a_kind_the_strongest_moment():
    items = [("long pause", 10, 3.1), ("long pause", 50, 7.9), ("long pause", 90, 4.0),
             ("slow start", 5, 6.0), ("fillers", 30, 0.0), ("fillers", 70, 0.0)]
    assert pick(items) == [("long pause", 50, 7.9), ("fillers", 30, 0.0), ("slow start", 5, 6.0)]


def test_a_kind_repeats_only_when_there_are_fewer_kinds_than_slots():
    items = [("long pause", 10, 3.1), ("long pause", 50, 7.9), ("long pause", 90, 4.0), ("fillers", 30, 0.0)]
    assert pick(items) == [("long pause", 50, 7.9), ("fillers", 30, 0.0), ("long pause", 90, 4.0)]
    assert pick(items[:3], limit=3) == [items[1], items[2], items[0]]
    assert pick([], limit=3) == [] and pick(items, limit=0) == []


def test_equal_evidence_keeps_the_order_of_the_round():
    items = [("b", 20, 1.0), ("a", 10, 1.0), ("c", 30, 1.0), ("d", 40, 1.0)]
    assert pick(items) == [("a", 10, 1.0), ("b", 20, 1.0), ("c", 30, 1.0)]


def test_the_same_line_twice_is_not_picked_again():
    """A new-user trial: an ML breadth review listed "No clarifying questions: No clarifying
    questions asked." twice under To work on (two answers, the same message)."""
    items = [("no questions", 10, 0.0, "No clarifying questions asked."),
             ("no questions", 50, 0.0, "No clarifying questions asked."),
             ("long pause", 30, 3.0, "Paused 3.0 s.")]
    picked = strongest_first(items, kind=lambda i: i[0], strength=lambda i: i[2], when=lambda i: i[1],
                             limit=3, same=lambda i: (i[0], i[3]))
    assert picked == [items[0], items[2]]
    # The repeats still count as evidence: the kind seen twice comes first.
    assert picked[0][0] == "no questions"
