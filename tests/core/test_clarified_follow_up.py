"""A follow-up whose subject the candidate already raised in a clarifying question that the
interviewer answered is not asked again (trial 18: "Do sessions that just touch count as
overlapping?" was answered in Clarify, then "What does your code do with a session that ends at
exactly the second another one starts?" came anyway). A clarifying question on another subject
does not skip it."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPT = {s.id: s for s in discover_scripts(bundled_scripts_dir(),
                                            user_dir=bundled_scripts_dir() / "no-such-folder").scripts}[
    "coding_intervals"]


def _follow_ups_in_code(clarifying_question: str) -> list[str]:
    clock = FakeClock()
    engine = RoundEngine(SCRIPT, clock, move_on_early=False)
    engine.start()
    clock.set(120)
    engine.poll()  # the problem is asked
    clock.advance(30)
    engine.answer_finished(clarifying_question)
    asked = []
    clock.set(7 * 60)
    engine.poll()  # approach
    clock.advance(60)
    engine.answer_finished("I would sort by start time and sweep once, merging as I go. That is n log n.")
    clock.set(14 * 60)
    events = engine.poll()  # code: its follow-ups come once the code is written
    asked += [e.follow_up_id for e in events if isinstance(e, AskQuestion) and e.follow_up_id]
    for _ in range(3):
        clock.advance(60)
        events = engine.answer_finished("Here is the loop: for each session, compare with the last one.")
        asked += [e.follow_up_id for e in events if isinstance(e, AskQuestion) and e.follow_up_id]
    return asked


def test_touching_follow_up_skipped_after_the_clarifying_question_on_it():
    assert "touching" not in _follow_ups_in_code("Do sessions that just touch, like 1 to 3 and 3 to 5, count as overlapping?")


def test_touching_follow_up_still_asked_after_a_clarifying_question_on_something_else():
    assert "touching" in _follow_ups_in_code("Is the input already sorted by start time?")
