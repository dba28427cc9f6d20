"""Trial 28: silent on the customer question, the candidate then heard "First, going back to the
ownership story you told earlier: ..." filed under the customer question, so the review counted
the ownership answer as evidence for the customer question and the customer question under the
disagreement part. A follow-up that goes back to an earlier story belongs to that story's
question, and a later-part follow-up of a question met with silence is not asked at all."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript
from interviewer.resources import bundled_scripts_dir

STORY = ("Last year our nightly data pipeline kept failing and nobody owned it. I took it on, "
         "found the root cause in a retry bug, fixed it and wrote a runbook; failures dropped "
         "by ninety percent and the team saved about five hours a week.")


def run(engine, clock, answer_for):
    """Answers every ask with `answer_for(ask)` (None: silence, the interviewer moves on) and
    returns the asks in order."""
    asks = []
    pending = [e for e in engine.start() if isinstance(e, AskQuestion)]
    for _ in range(200):
        if engine.is_over:
            break
        if not pending:
            clock.advance(5)
            pending = [e for e in engine.poll() if isinstance(e, AskQuestion)]
            continue
        ask = pending.pop(0)
        asks.append(ask)
        clock.advance(30)
        text = answer_for(ask)
        pending += [e for e in engine.answer_finished(text, unanswered=text is None)
                    if isinstance(e, AskQuestion)]
    return asks


def test_the_ownership_callback_belongs_to_the_ownership_question_after_a_silent_customer_question():
    script = load_script(bundled_scripts_dir() / "behavioral_leadership_principles.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    asks = run(engine, clock, lambda ask: None if ask.question_id == "customer_change" else STORY)
    callback = [a for a in asks if a.follow_up_id == "callback_ownership"]
    assert len(callback) == 1
    assert callback[0].question_id == "ownership"
    assert not [a for a in asks if a.question_id == "customer_change" and a.follow_up_id is not None]


def test_bundled_callbacks_sit_under_the_question_whose_story_they_recall():
    """Each bundled "going back to ..." follow-up is filed under the question it recalls."""
    recalls = {("behavioral_leadership_principles", "callback_ownership"): "ownership",
               ("behavioral_priorities_and_learning", "priorities_callback"): "competing_priorities"}
    for (script_id, follow_up_id), question_id in recalls.items():
        script = load_script(bundled_scripts_dir() / f"{script_id}.toml", bundled=True)
        owner = [q.id for q in script.questions for f in q.follow_ups if f.id == follow_up_id]
        assert owner == [question_id], script_id


def test_a_later_part_follow_up_of_a_question_met_with_silence_is_not_asked():
    phases = (Phase("a", "A", 10, "Let's start with A."), Phase("b", "B", 10, "Now B."))
    questions = (
        Question("qa", "Tell me about A.", "a", follow_ups=(
            FollowUp("qa-later", "Going back to A: what happened next?", at_phase="b"),)),
        Question("qb", "Tell me about B.", "b"),
    )
    script = RoundScript("callback-test", "Callback", "behavioral", 20, phases, questions)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None)
    asks = run(engine, clock, lambda ask: None if ask.question_id == "qa" else STORY)
    assert [(a.question_id, a.follow_up_id) for a in asks] == [("qa", None), ("qb", None)]
