"""Trial 24 item 12: the coding round's clock dropped from ~39:00 to 02:44 left when its parts
were done early; only small type on the plan bar said "Parts done early: the round ends at
09:03". The engine says when the round now ends (ends_early_at) and the core words why, once,
for the round screen; the review's timeline says it too (QUESTIONS_DONE)."""
from engine_scripts import design_round

from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.time_left import early_end_note


def test_the_round_ends_early_only_once_the_parts_with_questions_are_over():
    clock = FakeClock(0.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.advance(60)
    engine.poll()
    assert engine.ends_early_at() is None, "the work parts share the time left: the round keeps its length"
    while engine.has_next_phase:
        clock.advance(30)
        engine.next_phase()
        if engine.has_next_phase:
            assert engine.ends_early_at() is None
    # Only the wrap-up is left: it keeps its 5 planned minutes, and the round ends with it.
    assert engine.ends_early_at() == engine.elapsed() + 5 * 60
    assert engine.time_left_in_round() == 5 * 60


def test_the_note_says_why_and_when_in_plain_words():
    note = early_end_note(9 * 60 + 3, 45 * 60, last_part=True)
    assert note == ("All planned questions are done, so the round ends early, after 9 min 3 s instead of 45 min. "
                    "The time left is for your questions; press N to end the round now, or keep talking.")
    assert early_end_note(543, 2700, last_part=False, skipped=1).startswith(
        "The interviewer has nothing more to ask (one part was left with N), so the round ends early, after 9 min 3 s instead of 45 min.")
