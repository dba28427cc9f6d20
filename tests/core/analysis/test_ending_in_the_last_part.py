"""Ending the round in its last part is the candidate's choice ("That's all from me", End round
in "Your questions"): the review called that part "Phase short". The round ended in the middle
of the work is said once, by "Ended early", which names the part; not also as a short part."""
from engine_scripts import design_round
from interviewer.core.analysis.report import analyze_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine


def _findings(stop_in_last: bool):
    script = design_round()  # 5 + 10 + 25 + 15 + 5 minutes; the wrap-up takes the candidate's questions
    clock = FakeClock()
    engine = RoundEngine(script, clock, move_on_early=False)
    engine.start()
    clock.set(55 * 60 if stop_in_last else 20 * 60)
    engine.poll()
    clock.advance(30)
    engine.stop()
    spans = engine.timeline.phases
    timeline = [(s.phase, script.phase(s.phase).minutes, s.ended_at - s.started_at) for s in spans]
    result = analyze_round([], timeline, plan=[(p.id, p.minutes) for p in script.phases],
                           allotted={s.phase: s.allotted for s in spans},
                           ended_by={s.phase: str(s.ended_by) for s in spans})
    return [(f.kind, f.message) for f in result.findings]


def test_ending_the_round_in_its_last_part_is_not_a_short_phase():
    assert "phase_under" not in [kind for kind, _ in _findings(stop_in_last=True)]


def test_ending_the_round_in_its_last_part_after_running_it_in_full_is_not_ended_early():
    """End round in the candidate's questions at 55.5 of 60 min: the review and the exports said
    "Ended early" while Home (and the practice plan) counted it as completed, a full round."""
    assert _findings(stop_in_last=True) == []


def test_ending_the_round_in_the_middle_of_the_work_names_the_part_once_not_as_a_short_part():
    found = _findings(stop_in_last=False)
    [ended] = [message for kind, message in found if kind == "round_ended_early"]
    assert "phase_under" not in [kind for kind, _ in found]
    assert ended.startswith("You ended the round at 20 min 30 s of 60 min planned, in ") and "Not reached:" in ended
