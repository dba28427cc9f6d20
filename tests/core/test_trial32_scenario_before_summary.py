"""Trial 32, D8 (and trial 31): at 10:20 the interviewer said "... Summarize your design and its
biggest risk in a minute, then it's your turn for questions." and at once "One last scenario
before your summary: on a rainy Friday, ...": the order contradicted itself, and the summary came
before the scenario after all. The part's own scenario comes first; what its prompt asked for
(the summary, then the floor) after the scenario is answered. Fake clock, speaker and transcriber;
the engine alone on the bundled script."""
from test_noise_barge_in import silence
from test_question_cut_off import said_in_full, talk
from test_round_controller import step
from test_round_turns import make

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import CandidateTurn
from interviewer.core.scripts.loader import load_script
from interviewer.core.scripts.model import Phase, Question, RoundScript
from interviewer.resources import bundled_scripts_dir

LEAD = "About five minutes left."
TASK = "Summarize your design and its biggest risk in a minute, then it's your turn for questions."
SCENARIO = "One last scenario before your summary: on a rainy Friday, most orders arrived late. What happened?"
YOUR_TURN = ControllerSettings().your_turn_text


def _round():
    phases = (Phase("design", "Design", 10, "Let's design it."),
              Phase("wrap", "Summary and your questions", 5, f"{LEAD} {TASK}"))
    questions = (Question("eta", "Design the delivery time estimate.", "design"),
                 Question("rain", SCENARIO, "wrap"))
    return RoundScript("eta", "ETA", "ml_system_design", 15, phases, questions)


def test_the_scenario_comes_before_the_summary_it_announces(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_round(), speech_seconds=2)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "eta":
        step(clock, speaker, controller, 0.5)
    talk(controller, recorder, "I would predict each stage with its own model and add them up. That's it.")
    silence(clock, speaker, controller, 3.5)
    controller.next_part()
    said_in_full(clock, speaker, controller, SCENARIO)
    before = speaker.said[:speaker.said.index(SCENARIO)]
    assert not any("Summarize" in line for line in before), f"no summary asked for before the scenario: {before}"
    assert any(line.endswith("for this part.") for line in before), "the part still opens with its time"
    scenario = controller.current_answer
    while scenario is None or scenario.question_id != "rain":
        step(clock, speaker, controller, 0.5)
        scenario = controller.current_answer
    talk(controller, recorder, "Rain slowed the couriers and the model had no weather feature, so I would add "
                               "weather and live courier speed as real time features.")
    silence(clock, speaker, controller, 8)
    said_in_full(clock, speaker, controller, TASK)
    summary = controller.current_answer
    while summary is None or summary is scenario:
        step(clock, speaker, controller, 0.5)
        summary = controller.current_answer
    assert (summary.question_id, summary.question_text) == (None, TASK), "the summary answers the request"
    talk(controller, recorder, "To summarize, stages, a quantile loss for the window, served in memory. The biggest "
                               "risk is bad labels. That's it.")
    silence(clock, speaker, controller, 8)
    said_in_full(clock, speaker, controller, YOUR_TURN)
    order = [speaker.said.index(SCENARIO), speaker.said.index(TASK), speaker.said.index(YOUR_TURN)]
    assert order == sorted(order)
    # The round (app.round_session) stores each answer under the line its update names.
    assert [u.text for u in updates if isinstance(u, CandidateTurn)] == [TASK, YOUR_TURN]


def test_the_bundled_wrap_up_asks_the_scenario_first_and_the_summary_after():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    engine = RoundEngine(script, FakeClock(), phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    while engine.current_phase.id != "wrap_up":
        events = engine.next_phase()
    [started] = [e for e in events if isinstance(e, PhaseStarted)]
    [rain] = [e for e in events if isinstance(e, AskQuestion)]
    assert rain.text.startswith("One last scenario before your summary")
    assert "Summarize" not in started.prompt and "your turn for questions" not in started.prompt
    assert started.then.startswith("Summarize your design and its biggest risk in a minute")
