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
