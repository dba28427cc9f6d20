"""A follow-up with at_phase is asked when its phase starts whatever was said (the engine's
changed constraint), so its if_missing words did nothing, silently: the docs promised 'ask it
only if the candidate has not mentioned any of these words'. Validation now warns about it."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.scripts.loader import check_file, load_script

SCRIPT = """\
id = "demo"
title = "Demo"
kind = "ml_system_design"
minutes = 45

[[phases]]
id = "design"
name = "Design"
minutes = 40
prompt = "Let's design it."

[[phases]]
id = "monitoring"
name = "Monitoring"
minutes = 5
prompt = "Now monitoring."

[[questions]]
id = "feed"
text = "Design a feed."
expected_points = []

[[questions.follow_ups]]
id = "drift"
at_phase = "monitoring"
text = "How would you detect drift?"
if_missing = ["drift"]
"""


def test_if_missing_with_at_phase_is_a_warning_at_its_line(tmp_path):
    path = tmp_path / "round.toml"
    path.write_text(SCRIPT, encoding="utf-8")
    problems, warnings = check_file(path)
    assert problems == []
    assert warnings == [f"{path}:27: questions[1].follow_ups[1].if_missing: warning: not used with at_phase: "
                        "a follow-up asked when phase 'monitoring' starts is always asked; drop at_phase "
                        "to ask it after the answer only when needed"]


def test_what_the_warning_says_is_what_the_engine_does(tmp_path):
    path = tmp_path / "round.toml"
    path.write_text(SCRIPT, encoding="utf-8")
    clock = FakeClock()
    engine = RoundEngine(load_script(path), clock)
    engine.start()
    clock.advance(10)
    events = engine.answer_finished("I would alert on feature drift.")
    asked = [e.follow_up_id for e in events if isinstance(e, AskQuestion)]
    while not engine.is_over:
        clock.advance(30)
        asked += [e.follow_up_id for e in engine.poll() if isinstance(e, AskQuestion)]
    assert "drift" in asked
