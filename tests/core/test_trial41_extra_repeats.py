"""Trial 41 defect 10: the extra question "Compare batch normalization and layer normalization.
Why do transformers use layer norm?" came six minutes after the script's follow-up "When would
you use batch normalization rather than layer normalization?". An extra question that says again
a line asked in the round (`Matcher.same_ask`) is passed over: a script whose part asks only such
questions is not picked, and one that asks some loses them (kept with the round, so its review
has the same questions: extras_details / round_script)."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.extra_questions import EXTRA_OFFER_ID, EXTRAS_KIND, extras_details, round_script
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript
from interviewer.storage.models import Finding

ASKED = "When would you use batch normalization rather than layer normalization?"
AGAIN = "Compare batch normalization and layer normalization. Why do transformers use layer norm?"
NEW = "Training a very deep network, the early layers barely learn. What's going on, and what are the standard fixes?"
OTHER = "Explain the bias-variance tradeoff with an example from your own work."


def own_round() -> RoundScript:
    phases = (Phase("intro", "Introductions", 3, "Tell me briefly about yourself."),
              Phase("training", "Training", 20, "Let's talk about training."),
              Phase("wrap", "Wrap-up", 5, "Do you have questions for me?"))
    question = Question("nan_loss", "Your training loss jumps to not-a-number. What do you check?", "training",
                        follow_ups=(FollowUp("normalization", ASKED),))
    return RoundScript("own", "Own round", "ml_breadth", 45, phases, (question,))


def other_round(sid: str, *texts: str) -> RoundScript:
    phases = (Phase("intro", "Introductions", 3, "Hi."),
              Phase("part", f"Part of {sid}", 12, "Here is a question."),
              Phase("wrap", "Wrap-up", 5, "Do you have questions for me?"))
    questions = tuple(Question(f"q{i}", t, "part") for i, t in enumerate(texts))
    return RoundScript(sid, f"Round {sid}", "ml_breadth", 45, phases, questions)


def _to_the_extra(others):
    clock = FakeClock()
    engine = RoundEngine(own_round(), clock, phase_warning_minutes=None, round_warning_minutes=None,
                         extra_scripts=others)
    engine.start()
    clock.advance(30)
    events = engine.answer_finished("I'm an ML engineer.")
    assert [e.text for e in events if isinstance(e, AskQuestion)][-1].startswith("Your training loss")
    clock.advance(30)
    events = engine.answer_finished("The learning rate is too high, so I'd lower it and clip the gradients.")
    assert [e.text for e in events if isinstance(e, AskQuestion)] == [ASKED]
    offer = None
    for _ in range(6):  # probes on a thin answer, then the offer
        clock.advance(30)
        events = engine.answer_finished("I don't know.")
        offer = next((e for e in events if isinstance(e, AskQuestion) and e.follow_up_id == EXTRA_OFFER_ID), None)
        if offer is not None:
            break
    assert offer is not None
    clock.advance(5)
    events = engine.answer_finished("Yes, let's do one more.")
    assert any(isinstance(e, PhaseStarted) for e in events)
    return engine, [e.text for e in events if isinstance(e, AskQuestion)]


def test_a_script_whose_part_repeats_a_question_asked_is_passed_over_for_another():
    engine, asked = _to_the_extra([other_round("norms", AGAIN), other_round("general", OTHER)])
    assert asked == [OTHER]
    assert engine.extras_from == ["general"]


def test_a_repeated_question_is_left_out_of_the_extra_part_and_of_its_review():
    others = [other_round("deep", NEW, AGAIN)]
    engine, asked = _to_the_extra(others)
    assert asked == [NEW]
    part = engine.current_phase.id
    assert [q.text for q in engine.script.questions_in(part)] == [NEW]
    details = extras_details(engine.script, engine.extras_from, engine.extras_left_out)
    again = round_script(own_round(), [Finding(0, None, EXTRAS_KIND, None, None, "", {"extras": details})], others)
    assert [q.text for q in again.questions_in(part)] == [NEW]


def test_a_script_of_only_new_questions_keeps_them_all():
    engine, asked = _to_the_extra([other_round("deep", NEW, OTHER)])
    assert asked == [NEW]
    assert [q.text for q in engine.script.questions_in(engine.current_phase.id)] == [NEW, OTHER]
    assert engine.extras_left_out == {}
