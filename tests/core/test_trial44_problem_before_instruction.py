"""Trial 44 (D8): round 1 opened its part with "Here's the problem. Take a few minutes on
requirements first: ask me ..." and only then stated the problem. A prompt that announces the
problem is said up to the announcement, then the problem, then the rest of the prompt (the engine's
_problem_first, AskQuestion.then). Fake clock, speaker and transcriber."""
from test_question_cut_off import said_in_full, talk
from test_round_turns import make

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.core.scripts.model import Phase, Question, RoundScript
from interviewer.resources import bundled_scripts_dir

TASK = "Take a few minutes on requirements first: ask me about the product and the scale."
PROBLEM = "Design the delivery time estimate shown when a customer orders food."


def _round():
    phases = (Phase("requirements", "Requirements", 10, f"Here's the problem. {TASK}", expects_clarifying=True),
              Phase("design", "Design", 10, "Let's design it."))
    questions = (Question("eta", PROBLEM, "requirements"),)
    return RoundScript("eta", "ETA", "ml_system_design", 20, phases, questions)


def test_the_problem_is_stated_before_what_to_do_with_it(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_round(), speech_seconds=2)
    controller.start()
    said_in_full(clock, speaker, controller, TASK)
    said = speaker.said
    assert any(line.startswith("Here's the problem") for line in said)
    announce = next(i for i, line in enumerate(said) if line.startswith("Here's the problem"))
    assert TASK not in said[announce], f"the instruction is not said with the announcement: {said[announce]!r}"
    assert announce < said.index(PROBLEM) < said.index(TASK), said
    talk(controller, recorder, "How many orders a day do we serve?")
    assert controller.current_answer is not None and controller.current_answer.question_id == "eta", \
        "what is said after the instruction still answers the problem"


def test_the_bundled_design_round_states_its_problem_first():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    engine = RoundEngine(script, FakeClock(), phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    while engine.current_phase.id != "requirements":
        events = engine.next_phase()
    [started] = [e for e in events if isinstance(e, PhaseStarted)]
    asks = [e for e in events if isinstance(e, AskQuestion)]
    assert started.prompt.rstrip().endswith("Here's the problem."), started.prompt
    assert asks[0].then.startswith("Take a few minutes on requirements first")
