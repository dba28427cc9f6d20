"""Trial 33 defect 2: the candidate ended the coding round with Ctrl+E, E in "Your questions" (every
planned question done), and the review and export said "The interviewer closed the round at 7.4 of
45 min planned". The round is complete (counted, not "ended early", trial 31), but the end reason
says what happened: the candidate ended it. A round the interviewer closed itself still says so."""
from interviewer.core.analysis.report import analyze_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseEnd, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

SCRIPT = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)


def _conversation_done():
    clock = FakeClock()
    engine = RoundEngine(SCRIPT, clock, phase_warning_minutes=None, round_warning_minutes=None)
    events = engine.start()
    for _ in range(100):
        if engine.current_phase.id == "wrap_up":
            break
        clock.advance(30)
        events = engine.answer_finished("I would keep it simple at first. That's it.")
    assert any(isinstance(e, AskQuestion) for e in events)
    clock.advance(40)
    engine.answer_finished("Heavy rain slowed the drive times; I'd add weather features and alert on lateness.")
    assert engine.conversation_done
    clock.advance(30)
    return engine


def _findings(engine):
    spans = engine.timeline.phases
    analysis = analyze_round([], [(s.phase, SCRIPT.phase(s.phase).minutes, s.ended_at - s.started_at) for s in spans],
                             phase_names={p.id: p.name for p in SCRIPT.phases},
                             plan=[(p.id, p.minutes) for p in SCRIPT.phases],
                             allotted={s.phase: s.allotted for s in spans},
                             ended_by={s.phase: str(s.ended_by) for s in spans})
    return {f.kind: f.message for f in analysis.findings}


def test_end_round_once_the_questions_are_done_says_the_candidate_ended_it():
    engine = _conversation_done()
    engine.stop()  # Ctrl+E, then E
    findings = _findings(engine)
    assert "round_ended_early" not in findings  # still complete and counted (trial 31)
    message = findings["round_questions_done"]
    assert message.startswith("You ended the round at "), message
    assert "interviewer closed" not in message


def test_n_in_the_last_part_once_the_questions_are_done_says_the_candidate_ended_it():
    engine = _conversation_done()
    engine.stop(PhaseEnd.NEXT)
    assert _findings(engine)["round_questions_done"].startswith("You ended the round at ")


def test_a_round_the_interviewer_closed_itself_still_says_so():
    engine = _conversation_done()
    engine.stop(PhaseEnd.AGENDA)  # "That's all from me": the controller closes the round
    message = _findings(engine)["round_questions_done"]
    assert message.startswith("The interviewer closed the round at "), message
