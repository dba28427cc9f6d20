"""Trial 32, D7: in Framing, after a follow-up carried over from Requirements, the interviewer
probed the Requirements question: "Is there anything else you'd want to pin down about the
requirements?", under the header "... · a follow-up from the 'Requirements' part", though the
candidate had closed Requirements with "That's all my questions" two minutes before. A probe digs
into the running part's own question, never reopens a part that is over. Fake clock, the bundled
script."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.probes import PROBE_ID
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

THIN = "I would predict it with a model per stage. That's it."


def test_probes_in_framing_dig_into_framing_not_the_closed_requirements_part():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    engine.next_phase()  # the requirements part: the problem
    clock.advance(60)
    events = engine.answer_finished("How many orders per second? Is it shown in minutes? That's all my questions.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["framing"]
    asks = []
    while engine.current_phase.id == "framing" and len(asks) < 8:
        clock.advance(30)
        asks += [e for e in engine.answer_finished(THIN) if isinstance(e, AskQuestion)
                 and engine.current_phase.id == "framing"]
    carried = [a for a in asks if a.question_id == "design_eta"]
    assert [a.follow_up_id for a in carried] == ["asymmetry"], "the script's own follow-up is still asked"
    probes = [a for a in asks if (a.follow_up_id or "").startswith(PROBE_ID)]
    assert probes, "the thin part is still dug into"
    assert {a.question_id for a in probes} == {"framing"}, [(a.question_id, a.text) for a in probes]
    assert not any("requirements" in a.text.lower() for a in probes)
