"""Trial 44 (D8): round 2's banner said "so the round ends early, at 07:32 instead of 45:00" while
the wall clock read 07:35: "07:32" read as a time of day. The note says when in round time, as a
span since the round began ("after 7 minutes instead of 45"), from one core helper."""
from interviewer.core.clock import round_minutes_text
from interviewer.core.time_left import early_end_note


def test_the_early_end_is_said_in_round_minutes_not_as_a_clock_time():
    note = early_end_note(7 * 60 + 32, 45 * 60, last_part=True)
    assert "07:32" not in note and "45:00" not in note
    assert "so the round ends early, after 7 minutes instead of 45." in note


def test_round_minutes_text_reads_as_a_span():
    assert round_minutes_text(32 * 60 + 10) == "32 minutes"
    assert round_minutes_text(61) == "1 minute"
    assert round_minutes_text(40) == "less than a minute"
