"""Trial 31 item 6: "How much time do I have for this part?" got "You have about eleven minutes
for this part, and about forty-eight minutes in the round." 20 s before the part (its planned
questions done) and, with only the candidate's questions after it, the round both ended early;
"Welcome back. ...; you have about eight minutes left for it." came 50 s before the part ended.
A part whose planned questions are all asked moves on once the question is done
(engine.ends_when_answered), and every time statement says so (core.time_left)."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.core.time_left import PartTime, RoundTimes, part_time_text, time_left_answer
from interviewer.resources import bundled_scripts_dir

SCRIPT = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)


def _times(current: int, now: float, ends_when_answered: bool) -> RoundTimes:
    parts = (PartTime("model", "Model and loss", 0, 600), PartTime("serving", "Serving and monitoring", 600, 1320),
             PartTime("wrap_up", "Summary and your questions", 1320, 1620))
    return RoundTimes(parts, current, now, parts[-2].end, frozenset({"wrap_up"}),
                      part_clock=parts[current].end - now, ends_when_answered=ends_when_answered)


def test_the_last_planned_question_of_the_round_says_the_part_and_the_round_end_with_it():
    reply = time_left_answer("for this part", _times(1, 660, True))
    assert reply == ("We have about eleven minutes for this part; take the time you need. "
                     "Then it's your questions, about five minutes, and the round ends.")


def test_a_part_that_ends_with_its_question_says_so():
    # Trial 32 changed the wording (tests/core/test_trial32_time_statements.py).
    reply = time_left_answer(None, _times(0, 60, True))
    assert reply == ("We have about nine minutes for this part; take the time you need, "
                     "and we move on when you're done with this question.")


def test_a_part_with_questions_still_to_come_says_its_clock():
    assert time_left_answer(None, _times(0, 60, False)) == (
        "You have about nine minutes for this part, and about twenty-six minutes in the round.")


def test_the_welcome_back_says_the_part_may_end_sooner():
    assert part_time_text(_times(0, 120, True)) == "up to about eight minutes"
    assert part_time_text(_times(0, 120, False)) == "about eight minutes"


def test_the_engine_knows_when_the_part_ends_with_the_question():
    clock = FakeClock()
    engine = RoundEngine(SCRIPT, clock, phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    while engine.current_phase.id != "serving":
        events = engine.next_phase()
    # The new-cities constraint comes first, then the part's own question: not the last one yet.
    assert [e.follow_up_id for e in events if isinstance(e, AskQuestion)] == ["new_city"]
    assert not engine.ends_when_answered
    clock.advance(40)
    events = engine.answer_finished("I'd fall back to the heuristic and borrow from similar cities.")
    assert [e.question_id for e in events if isinstance(e, AskQuestion)] == ["serving_monitoring"]
    assert engine.ends_when_answered  # its follow-ups may come, then the part moves on
