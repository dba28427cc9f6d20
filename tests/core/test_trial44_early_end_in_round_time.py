"""Trial 44 (D8): round 2's banner said "so the round ends early, at 07:32 instead of 45:00" while
the wall clock read 07:35: "07:32" read as a time of day. The note says when in round time, as a
span since the round began ("after 7 min 32 s instead of 45 min", core.clock.length_text), from one core helper."""
from interviewer.core.clock import length_text
from interviewer.core.time_left import early_end_note


def test_the_early_end_is_said_in_round_minutes_not_as_a_clock_time():
    note = early_end_note(7 * 60 + 32, 45 * 60, last_part=True)
    assert "07:32" not in note and "45:00" not in note
    assert "so the round ends early, after 7 min 32 s instead of 45 min." in note


def test_length_text_reads_as_a_span():
    assert length_text(32 * 60 + 10) == "32 min 10 s"
    assert length_text(61) == "1 min 1 s"
    assert length_text(45 * 60) == "45 min"
    assert length_text(40.4) == "40 s"
    assert length_text(-3) == "0 s"
