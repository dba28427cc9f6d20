"""A follow-up is asked only in the phase it belongs to (new-user trial 7): in the clarify part of
`coding_intervals` each of the candidate's clarifying questions was followed by "What's the time
complexity of that...?" before any approach had been given."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPTS = {s.id: s for s in discover_scripts(bundled_scripts_dir(),
                                             user_dir=bundled_scripts_dir() / "no-such-folder").scripts}


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def test_no_solution_follow_up_while_the_candidate_clarifies():
    clock = FakeClock()
    # The phase clock alone moves on here, as when the candidate keeps asking.
    engine = RoundEngine(SCRIPTS["coding_intervals"], clock, move_on_early=False)
    engine.start()
    clock.set(120)
    [started, ask] = engine.poll()
    assert (started.phase, ask.question_id, ask.follow_up_id) == ("clarify", "merge_sessions", None)
    for garbled in ("is the in put sore did", "does a session and at the same", "how big is it"):
        clock.advance(30)
        assert _asks(engine.answer_finished(garbled)) == []  # no "What's the time complexity...?"
    clock.set(7 * 60)
    assert [e.phase for e in engine.poll() if isinstance(e, PhaseStarted)] == ["approach"]
    clock.advance(60)
    [follow_up] = engine.answer_finished("I would sort by start and sweep once, merging as I go.")
    assert (follow_up.follow_up_id, engine.current_phase.id) == ("complexity", "approach")


def test_moving_on_early_the_first_answer_in_clarify_leads_to_the_approach():
    clock = FakeClock()
    engine = RoundEngine(SCRIPTS["coding_intervals"], clock)
    engine.start()
    clock.advance(20)
    engine.answer_finished("Hi, I'm a backend engineer.")
    clock.advance(40)
    events = engine.answer_finished("Are the sessions sorted?")
    assert _asks(events) == [] and [e.phase for e in events if isinstance(e, PhaseStarted)] == ["approach"]
    clock.advance(60)
    assert engine.answer_finished("Sort, then sweep.")[0].follow_up_id == "complexity"


CARRIED_ON = [s for s in SCRIPTS.values()
              for i, p in enumerate(s.phases[:-1])
              if p.expects_clarifying and s.questions_in(p.id) and not s.questions_in(s.phases[i + 1].id)
              and s.phases[i + 1].id != s.phases[-1].id]


def test_the_coding_and_phone_screen_scripts_carry_their_problem_on_after_clarifying():
    assert {s.kind for s in CARRIED_ON} == {"coding", "phone_screen"}
    assert len(CARRIED_ON) >= 10


@pytest.mark.parametrize("script", CARRIED_ON, ids=lambda s: s.id)
def test_every_bundled_clarifying_phase_asks_no_follow_up(script):
    """Whatever the candidate says while clarifying, no follow-up comes until the next phase."""
    clock = FakeClock()
    engine = RoundEngine(script, clock, move_on_early=False)
    events = engine.start()
    while not engine.is_over:
        clock.advance(20)
        events += engine.poll()
        events += engine.answer_finished("")  # says nothing useful: every if_missing follow-up is needed
    phase = {}
    current = None
    for e in events:
        if isinstance(e, PhaseStarted):
            current = e.phase
        elif isinstance(e, AskQuestion) and e.reason == "follow_up":
            phase.setdefault(current, []).append(e.follow_up_id)
    clarifying = {p.id for p in script.phases if p.expects_clarifying}
    assert not clarifying & set(phase), phase
    # Each of those questions' follow-ups is asked later: in the phase its `phase` names, else in
    # the phase that carries the question on.
    ids = [x.id for x in script.phases]
    for p in script.phases:
        if p.id in clarifying:
            nxt = ids[ids.index(p.id) + 1]
            for q in script.questions_in(p.id):
                for f in q.follow_ups:
                    if not f.at_phase:
                        assert f.id in phase.get(f.phase or nxt, []), (f.id, phase)


def test_a_follow_up_about_the_code_waits_for_the_code():
    """coding_intervals: the complexity comes after the approach; "What does your code do with a
    session that ends at exactly...?" and "Does your loop still get it right?" after the code."""
    clock = FakeClock()
    engine = RoundEngine(SCRIPTS["coding_intervals"], clock)
    engine.start()
    asked = []
    for said in ("Hi.", "Are the sessions sorted?", "Sort by start, then one sweep.", "It's n log n.",
                 "Here is the loop in the scratchpad.", "They merge.", "I take the max of the ends."):
        clock.advance(30)
        events = engine.answer_finished(said)
        asked += [(engine.current_phase.id, e.follow_up_id) for e in _asks(events) if e.follow_up_id]
    assert asked == [("approach", "complexity"), ("code", "touching"), ("code", "contained")]
