"""The part where the code is written does not end merely because its follow-ups ran out while the
candidate has said little in it (a trial's phone screen went to the extension after "What's the
complexity?", no code talked through); once the candidate has talked the code through it moves on
early as before."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPTS = {s.id: s for s in discover_scripts(bundled_scripts_dir(),
                                             user_dir=bundled_scripts_dir() / "no-such-folder").scripts}
TALKED_THROUGH = ("So I loop over the log and count each query in a hash map, then I push each query "
                  "and its count onto a min-heap, and when the heap holds more than k entries I pop the "
                  "smallest, so at the end the heap has the k most frequent; I sort those by count and "
                  "break ties alphabetically, which is n log k overall with a heap rather than sorting.")


def _to_the_code(script_id):
    clock = FakeClock()
    engine = RoundEngine(SCRIPTS[script_id], clock)
    engine.start()
    clock.advance(30)
    engine.answer_finished("Hi, I work on search ranking.")
    clock.advance(30)
    events = engine.answer_finished("Are the queries normalized already?")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["code"]
    return clock, engine


def test_follow_ups_covered_early_do_not_end_the_coding_part():
    clock, engine = _to_the_code("phone_screen_top_k_and_fundamentals")
    clock.advance(40)
    # The approach in one breath covers both follow-ups' words; no code has been talked through.
    assert engine.answer_finished("A hash map and a heap, n log k.") == []
    assert engine.current_phase.id == "code" and engine.phase_agenda_done
    clock.advance(20)
    assert engine.answer_finished("Let me write it out.") == []
    assert engine.current_phase.id == "code"


def test_the_coding_part_moves_on_once_the_code_was_talked_through():
    clock, engine = _to_the_code("phone_screen_top_k_and_fundamentals")
    clock.advance(40)
    engine.answer_finished("A hash map and a heap, n log k.")
    # The prompt asked for the approach first: the code is asked for after it (trial 23).
    assert engine.holds_for_work
    engine.asked_to_keep_working()
    clock.advance(300)
    events = engine.answer_finished(TALKED_THROUGH)
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["extend"]
    assert [e.follow_up_id for e in events if isinstance(e, AskQuestion)] == ["streaming"]


def test_the_approach_part_still_moves_on_once_its_follow_up_is_answered():
    clock = FakeClock()
    engine = RoundEngine(SCRIPTS["coding_intervals"], clock)
    engine.start()
    for said in ("Hi.", "Are the sessions sorted?", "Sort by start, then one sweep."):
        clock.advance(30)
        engine.answer_finished(said)
    clock.advance(30)
    events = engine.answer_finished("It's n log n.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["code"]
