"""A round whose last part is work (a user's one-part round, or one without a wrap-up): once its
questions are done the interviewer says so and offers to add, instead of sitting silent to the
round's end (a user's one-question, 45-minute round went quiet for 44 minutes); "No, nothing to
add." then ends the round, and anything else is recorded and the round waits for N as before."""
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_status import ControllerStatus
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript

from test_round_controller import make, step

ONE_PART = RoundScript("one", "One part", "ml_breadth", 45, (Phase("only", "Quickfire", 45, "Let's start."),), (
    Question("bias", "Explain the bias-variance trade-off.", "only",
             follow_ups=(FollowUp("reg", "How does regularization change it?", if_missing=("regularization",)),)),
))
OFFER = ControllerSettings().nothing_left_text


def _answer(clock, speaker, recorder, controller, text):
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    step(clock, speaker, controller, 5)
    recorder.speak(text)
    controller.end_answer()
    for _ in range(20):
        step(clock, speaker, controller, 0.5)


def _through_the_question(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=ONE_PART, speech_seconds=2)
    controller.start()
    _answer(clock, speaker, recorder, controller, "High bias underfits and high variance overfits; "
                                                  "regularization trades one for the other.")
    return clock, engine, speaker, recorder, controller


def test_the_interviewer_says_the_questions_are_done_and_no_more_ends_the_round(tmp_path):
    clock, engine, speaker, recorder, controller = _through_the_question(tmp_path)
    assert speaker.said[-1] == OFFER  # the follow-up was covered: nothing more to ask
    _answer(clock, speaker, recorder, controller, "No, nothing to add.")
    assert controller.finished and speaker.said[-1] == ControllerSettings().early_closing_text
    assert engine.elapsed() < 5 * 60  # not the 45 minutes


def test_something_added_is_recorded_and_the_offer_is_not_said_again(tmp_path):
    clock, engine, speaker, recorder, controller = _through_the_question(tmp_path)
    _answer(clock, speaker, recorder, controller, "One more thing: more data lowers the variance.")
    assert not controller.finished and controller.status == ControllerStatus.WAITING
    assert speaker.said.count(OFFER) == 1
    assert controller.answers[-1].transcript.text == "One more thing: more data lowers the variance."
    assert controller.answers[-1].question_id == "bias"  # an addition to the last answer


def test_a_round_closed_because_nothing_was_left_is_not_said_to_be_ended_early(tmp_path):
    """Trial 6: the review said "You ended the round at 36.3 of 60 min planned" of a round the
    interviewer closed after the candidate had no more questions."""
    from interviewer.core.analysis.report import analyze_round
    from interviewer.core.engine import PhaseEnd

    clock, engine, speaker, recorder, controller = _through_the_question(tmp_path)
    _answer(clock, speaker, recorder, controller, "No, nothing to add.")
    assert controller.finished
    last = engine.timeline.phases[-1]
    assert last.ended_by == PhaseEnd.AGENDA
    timeline = [(p.phase, p.started_at, p.ended_at) for p in engine.timeline.phases]
    findings = analyze_round([], timeline, plan=[("only", 45)],
                             ended_by={p.phase: p.ended_by for p in engine.timeline.phases}).findings
    assert not [f for f in findings if f.kind in ("round_ended_early", "phase_under")]
