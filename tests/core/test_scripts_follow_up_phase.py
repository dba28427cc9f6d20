"""A follow-up's `phase`: asked after an answer in that phase, not before (new-user trial 7:
"What does your code do with a session that ends at exactly...?" came before any code). The
loader refuses a phase where the question is no longer being discussed."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.scripts.loader import check_file, load_script

SCRIPT = """\
id = "demo"
title = "Demo"
kind = "coding"
minutes = 45

[[phases]]
id = "clarify"
name = "Clarify"
minutes = 5
expects_clarifying = true
prompt = "Here's the problem."

[[phases]]
id = "approach"
name = "Approach"
minutes = 10
prompt = "Your approach?"

[[phases]]
id = "code"
name = "Code"
minutes = 20
prompt = "Code it."

[[phases]]
id = "test"
name = "Test"
minutes = 10
prompt = "Test it."

[[questions]]
id = "merge"
phase = "clarify"
text = "Merge the intervals."
clarifying_topics = [{ name = "sorted input", keywords = ["sorted"] }]
expected_points = []

[questions.facts]
"sorted input" = "No, in no particular order."

[[questions.follow_ups]]
id = "cost"
text = "What does it cost?"

[[questions.follow_ups]]
id = "loop"
phase = "{phase}"
text = "What does your loop do with nested intervals?"

[[questions]]
id = "tests"
phase = "test"
text = "Which tests would you write?"
expected_points = []
"""


def _write(tmp_path, phase="code", extra=""):
    path = tmp_path / "demo.toml"
    path.write_text(SCRIPT.replace("{phase}", phase) + extra)
    return path


def test_a_follow_up_waits_for_the_phase_it_names(tmp_path):
    path = _write(tmp_path)
    assert check_file(path) == ([], [])
    clock = FakeClock()
    engine = RoundEngine(load_script(path), clock, move_on_early=False)
    engine.start()
    asked = []
    for at in range(30, 45 * 60, 30):
        clock.set(at)
        events = engine.poll() + engine.answer_finished("I'd sort them.")
        asked += [(engine.current_phase.id, e.follow_up_id) for e in events
                  if isinstance(e, AskQuestion) and e.follow_up_id]
    assert asked == [("approach", "cost"), ("code", "loop")]


def test_the_loader_refuses_a_phase_where_the_question_is_no_longer_discussed(tmp_path):
    problems, _ = check_file(_write(tmp_path, phase="test"))  # "test" has a question of its own
    assert len(problems) == 1 and "follow_ups[2].phase" in problems[0] and "'test'" in problems[0], problems
    problems, _ = check_file(_write(tmp_path, phase="nowhere"))
    assert "unknown phase 'nowhere'" in problems[0]
    # Before its question is asked, or together with at_phase: refused.
    problems, _ = check_file(_write(tmp_path, phase="clarify").parent / "demo.toml")
    assert problems == []  # its own phase is allowed
    path = tmp_path / "demo.toml"
    path.write_text(SCRIPT.replace('phase = "{phase}"', 'phase = "code"\nat_phase = "code"'))
    assert "not both" in check_file(path)[0][0]
    path.write_text(SCRIPT.replace('phase = "{phase}"', 'phase = "clarify"').replace(
        'id = "merge"\nphase = "clarify"', 'id = "merge"\nphase = "approach"'))
    assert "comes before the question is asked" in check_file(path)[0][0]


def test_a_follow_up_kept_for_later_must_belong_to_its_phases_last_question(tmp_path):
    path = _write(tmp_path, extra='''
[[questions]]
id = "second"
phase = "clarify"
text = "Another problem."
expected_points = []
''')
    problems, _ = check_file(path)
    assert len(problems) == 1 and "another question of phase 'clarify'" in problems[0], problems
