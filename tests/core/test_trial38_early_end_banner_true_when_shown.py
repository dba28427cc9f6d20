"""Trial 38 item 5: "All planned questions are done, so the round ends early, ... press N to end
the round now" was shown as the last part began, while the interviewer was saying "One last
scenario before your summary: ..." and had the summary still to ask; N, as it suggested, would
have skipped both. The banner waits until only the candidate's own questions are left
(RoundController.only_their_questions_left), and parts left with N are not called "done"."""
from test_noise_barge_in import silence
from test_question_cut_off import said_in_full, talk
from test_round_controller import step
from test_round_turns import make
from test_trial32_scenario_before_summary import SCENARIO, TASK, YOUR_TURN, _round

from interviewer.core.time_left import early_end_note


def test_only_their_questions_left_after_the_scenario_and_the_summary(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_round(), speech_seconds=2)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "eta":
        step(clock, speaker, controller, 0.5)
    assert not controller.only_their_questions_left
    talk(controller, recorder, "I would predict each stage with its own model and add them up. That's it.")
    silence(clock, speaker, controller, 3.5)
    controller.next_part()
    said_in_full(clock, speaker, controller, SCENARIO)
    assert engine.ends_early_at() is not None  # the round has shortened itself already ...
    assert not controller.only_their_questions_left  # ... but the scenario is being asked
    scenario = controller.current_answer
    while scenario is None or scenario.question_id != "rain":
        step(clock, speaker, controller, 0.5)
        scenario = controller.current_answer
    assert not controller.only_their_questions_left
    talk(controller, recorder, "Rain slowed the couriers and the model had no weather feature, so I would add "
                               "weather and live courier speed as real time features.")
    silence(clock, speaker, controller, 8)
    said_in_full(clock, speaker, controller, TASK)
    assert not controller.only_their_questions_left  # the summary is asked for
    summary = controller.current_answer
    while summary is None or summary is scenario:
        step(clock, speaker, controller, 0.5)
        summary = controller.current_answer
    assert not controller.only_their_questions_left
    talk(controller, recorder, "To summarize, stages, a quantile loss for the window, served in memory. The biggest "
                               "risk is bad labels. That's it.")
    silence(clock, speaker, controller, 8)
    said_in_full(clock, speaker, controller, YOUR_TURN)
    assert controller.only_their_questions_left


def test_parts_left_with_n_are_not_called_done():
    note = early_end_note(204, 2700, last_part=True, skipped=3)
    assert "done" not in note.split(",")[0]
    assert note.startswith("The interviewer has nothing more to ask (3 parts were left with N), so the round ends "
                           "early, after 3 min 24 s instead of 45 min.")
    assert early_end_note(543, 2700, last_part=True, skipped=1).startswith(
        "The interviewer has nothing more to ask (one part was left with N)")
