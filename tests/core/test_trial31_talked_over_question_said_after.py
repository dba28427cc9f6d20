"""Trial 31, item 2: a question the candidate talked over was never asked again and their speech
was filed as its answer, twice in one round:

a) the interviewer moved on mid-think ("Um, good question. Let me think ... for a moment.", then
   the part's next question); the candidate, still on the follow-up, gave their delayed answer
   over the new question, cut "[cut off]" after most of its words, and that answer was filed
   under it; the question was never said in full;
b) "... Summarize your design and its biggest risk in a minute, then it's your turn for
   questions." and at once "One last scenario before your summary: ..."; the candidate had started
   the summary asked for, and it was filed under the scenario, never said in full.

What the candidate says over the question answers what they still owed an answer to (the line
that asked for the summary; the question they only asked time for), and the question cut off is
said in full ("So, as I was saying: ...") once they stop. Fake clock, speaker and transcriber."""
from engine_scripts import design_round
from test_noise_barge_in import silence
from test_question_cut_off import asks_of, said_in_full, talk
from test_round_turns import make
from test_round_controller import step

from interviewer.core.round_settings import CUT_OFF_AT_ONCE_S, ControllerSettings
from interviewer.core.round_updates import AnswerFiled, LineCutOff
from interviewer.core.scripts.model import Phase, Question, RoundScript

LEAD_IN = ControllerSettings().reask_lead_in
# A request that does not hand the floor over after it: one that does ("..., then it's your turn
# for questions.") now comes after the part's scenario (trial 32, test_trial32_scenario_before_summary).
SUMMARIZE = "Summarize your design and its biggest risk in a minute."
SCENARIO = "One last scenario before your summary: on a rainy Friday, most orders arrived late. What happened?"
SUMMARY = ("To summarize, I split the delivery into stages, trained gradient boosted trees with a pinball loss "
           "to get a window, and served it in memory. The biggest risk is bad labels. That's it.")


def _summary_round():
    phases = (Phase("design", "Design", 10, "Let's design it."),
              Phase("wrap", "Summary and your questions", 5, SUMMARIZE))
    questions = (Question("eta", "Design the delivery time estimate.", "design"),
                 Question("rain", SCENARIO, "wrap"))
    return RoundScript("eta", "ETA", "ml_system_design", 15, phases, questions)


def _into_the_question(clock, speaker, controller, text, seconds):
    """Steps until `text` is being said, then `seconds` into it, and the candidate's voice cuts it."""
    for _ in range(400):
        if speaker.said and speaker.said[-1] == text and speaker.busy:
            break
        step(clock, speaker, controller, 0.5)
    else:
        raise AssertionError(f"{text!r} never said: {speaker.said[-3:]}")
    step(clock, speaker, controller, seconds)
    assert speaker.busy and speaker.said[-1] == text and seconds > CUT_OFF_AT_ONCE_S
    controller.on_voice()
    controller.poll()


def test_a_summary_begun_over_the_question_after_the_request_answers_the_request(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_summary_round(),
                                                                 speech_seconds=6)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "eta":
        step(clock, speaker, controller, 0.5)
    talk(controller, recorder, "I would predict each stage with its own model and add them up. That's it.")
    silence(clock, speaker, controller, 3.5)
    controller.next_part()  # on to the summary part: its prompt, then at once the scenario
    _into_the_question(clock, speaker, controller, SCENARIO, 3.0)
    turn = controller.current_answer
    assert turn is not None and turn.question_id is None
    assert [u.marked for u in updates if isinstance(u, LineCutOff)][-1].endswith("[cut off]")
    talk(controller, recorder, SUMMARY)
    silence(clock, speaker, controller, 8)
    assert turn.ended_by == "silence"
    said_in_full(clock, speaker, controller, SCENARIO)
    assert speaker.said[-2] == LEAD_IN, "the scenario is said in full after the summary"
    # The request as said, after why the round ends early (the design part's plan ran out, trial 48).
    assert turn.question_id is None and turn.question_text.endswith(SUMMARIZE), "the summary answers the request"
    assert [(u.answer, u.question_id) for u in updates if isinstance(u, AnswerFiled)] == [(turn.index, None)]
    again = controller.current_answer
    assert again is not None and again.question_id == "rain" and again.question_text == SCENARIO
    assert len(asks_of(updates, "rain")) == 2, "asked again: what follows answers it"


LABELS = "Where do your labels come from, and which features would you build?"


def _data_round():
    phases = (Phase("model", "Model", 2, "Let's start with the model."),
              Phase("data", "Data and features", 10, "Good. Let's go into the data and the features."))
    questions = (Question("loss", "How does being late show up in what you optimize?", "model"),
                 Question("labels", LABELS, "data"))
    return RoundScript("eta", "ETA", "ml_system_design", 12, phases, questions)


def test_a_delayed_answer_to_a_question_only_asked_time_for_is_filed_under_it(tmp_path):
    """The loss question met only "Let me think about that for a moment."; the part's time ran
    out and the data part began; 3 s into its question the candidate gave the loss answer."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_data_round(),
                                                                 speech_seconds=6)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "loss":
        step(clock, speaker, controller, 0.5)
    thinking = controller.current_answer
    talk(controller, recorder, "Um, good question. Let me think I'm out at for a moment.")
    quiet = 0.0
    while engine.current_phase.id == "model":  # thinking until the part's time is up
        quiet += 1.0
        controller.on_silence(quiet)
        step(clock, speaker, controller, 1.0)
    assert thinking.ended_by == "phase_end"
    assert "Let's go into the data and the features." in speaker.said, "no 'Good.' for no answer"
    _into_the_question(clock, speaker, controller, LABELS, 3.0)
    turn = controller.current_answer
    talk(controller, recorder, "Okay. I would train with a quantile loss, the pinball loss, and show a window "
                               "from the 50th to the 80th percentile, so being late costs more than being early.")
    silence(clock, speaker, controller, 8)
    said_in_full(clock, speaker, controller, LABELS)
    assert speaker.said[-2] == LEAD_IN, "the question cut off is said in full after the turn"
    assert (turn.question_id, turn.follow_up_id) == ("loss", None), "filed under the question still owed"
    assert [(u.answer, u.question_id) for u in updates if isinstance(u, AnswerFiled)] == [(turn.index, "loss")]
    again = controller.current_answer
    assert again is not None and again.question_id == "labels"
    assert len(asks_of(updates, "labels")) == 2


def test_a_turn_over_a_question_after_a_real_answer_still_answers_that_question(tmp_path):
    """The rule is for what was owed: after a real answer to the loss question, a turn begun 3 s
    into the next question (a lead-in that asks nothing before it) is about that question."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_data_round(),
                                                                 speech_seconds=6)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "loss":
        step(clock, speaker, controller, 0.5)
    talk(controller, recorder, "I would train with a quantile loss, so being late costs more than early.")
    quiet = 0.0
    while engine.current_phase.id == "model":
        quiet += 1.0
        controller.on_silence(quiet)
        step(clock, speaker, controller, 1.0)
    _into_the_question(clock, speaker, controller, LABELS, 3.0)
    turn = controller.current_answer
    talk(controller, recorder, "Labels come from completed orders, the actual timestamps per stage, and I "
                               "would clean the noisy ones where couriers forgot to tap.")
    silence(clock, speaker, controller, 8)
    for _ in range(20):
        step(clock, speaker, controller, 0.5)
    assert (turn.question_id, turn.follow_up_id) == ("labels", None)
    assert speaker.said.count(LABELS) == 1
