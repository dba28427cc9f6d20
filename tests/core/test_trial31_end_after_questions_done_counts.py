"""Trial 31 item 7: every planned question was done and the banner said "press N to end the round
now"; the user ended it (Ctrl+E, End the round) at 8.1 of 55 min and got a red "Ended early" and
the practice plan's "Not counted: ... ended early at 8.1 of 55 min". A round ended once only the
candidate's own questions are left is complete: its last part ended by the agenda (the one verdict
every view reads: no "round_ended_early" finding, so the plan counts it)."""
from interviewer.core.analysis.report import analyze_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseEnd, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

SCRIPT = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)


def _at_the_wrap_up():
    clock = FakeClock()
    engine = RoundEngine(SCRIPT, clock, phase_warning_minutes=None, round_warning_minutes=None)
    events = engine.start()
    for _ in range(100):  # short answers, each part ending by itself (trial 31's round)
        if engine.current_phase.id == "wrap_up":
            break
        clock.advance(30)
        events = engine.answer_finished("I would keep it simple at first. That's it.")
    assert all(p.ended_by in (PhaseEnd.AGENDA, PhaseEnd.TIME) for p in engine.timeline.phases[:-1])
    [rain] = [e for e in events if isinstance(e, AskQuestion)]
    assert rain.follow_up_id == "rain_incident"
    return engine, clock


def _findings(engine):
    spans = engine.timeline.phases
    analysis = analyze_round([], [(s.phase, SCRIPT.phase(s.phase).minutes, s.ended_at - s.started_at) for s in spans],
                             phase_names={p.id: p.name for p in SCRIPT.phases},
                             plan=[(p.id, p.minutes) for p in SCRIPT.phases],
                             allotted={s.phase: s.allotted for s in spans},
                             ended_by={s.phase: str(s.ended_by) for s in spans})
    return {f.kind for f in analysis.findings}


def test_ending_the_round_once_only_the_candidates_questions_are_left_is_not_ending_it_early():
    engine, clock = _at_the_wrap_up()
    clock.advance(40)
    engine.answer_finished("Heavy rain slowed the drive times; I'd add weather features and alert on lateness.")
    assert engine.conversation_done
    clock.advance(30)
    engine.stop()  # End round
    assert engine.timeline.phases[-1].ended_by == PhaseEnd.DONE  # complete, the candidate's doing (trial 33)
    kinds = _findings(engine)
    assert "round_ended_early" not in kinds and "round_questions_done" in kinds


def test_next_in_the_last_part_once_the_questions_are_done_ends_it_complete():
    engine, clock = _at_the_wrap_up()
    clock.advance(40)
    engine.answer_finished("Rain slowed everything; I'd add weather features.")
    engine.stop(PhaseEnd.NEXT)
    assert engine.timeline.phases[-1].ended_by == PhaseEnd.DONE  # complete, the candidate's doing (trial 33)


def test_ending_it_with_a_planned_question_still_open_is_ending_it_early():
    engine, clock = _at_the_wrap_up()  # the rain scenario asked, not answered yet
    assert not engine.conversation_done
    clock.advance(10)
    engine.stop()
    assert engine.timeline.phases[-1].ended_by == PhaseEnd.STOPPED
    assert "round_ended_early" in _findings(engine)
