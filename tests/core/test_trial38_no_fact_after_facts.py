"""Trial 38 item 8: "What exactly do we predict, is it the time from checkout to the door, or only
the driving part? And how is the estimate shown to the customer, as a single number or as a
window?" got "The time from checkout to the food at the customer's door, shown as a window like
twenty-five to thirty-five minutes." and then "Good question. Make a reasonable assumption, say
it out loud, and go on.", which contradicts it: the fact had answered both parts. A part whose
own words the turn's fact names gets no no-fact reply after it; a separate question about
something else still does (trial 22)."""
from pathlib import Path

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.scripts.loader import load_script
from interviewer.core.scripts.model import DEFAULT_NO_FACT_REPLY

SCRIPT = load_script(Path(__file__).resolve().parents[2] / "question_scripts" / "ml_system_design_eta_prediction.toml")
PROBLEM = next(q for q in SCRIPT.questions if q.id == "design_eta")
WHAT = "What exactly do we predict? Is it the time from checkout to the door, or only the driving part?"
SHOWN = "And how is the estimate shown to the customer, as a single number or as a window?"


def _fact() -> str:
    return next(t.fact for t in PROBLEM.clarifying_topics if t.name == "what is predicted")


class MeaningMissesTheSecondPart:
    """As the meaning model in the trial: the first part gets the fact, the second none, its
    closest topic another one; `answered_by` is the real responder's."""

    def __init__(self):
        self._real = ClarifyingResponder(PROBLEM, None, SCRIPT)
        self.answered_by = getattr(self._real, "answered_by", None)  # None before the fix

    def reply(self, question):
        if "window" in question or "single number" in question:
            return None, DEFAULT_NO_FACT_REPLY
        if "transfers" in question:
            return None, DEFAULT_NO_FACT_REPLY
        return "what is predicted", _fact()

    def nearest_topic(self, question):
        return "latency" if ("shown" in question or "transfers" in question) else "what is predicted"


def _turn(tmp_path, said):
    from test_round_turns import ask, at_feed_question

    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=MeaningMissesTheSecondPart())
    before = len(speaker.said)
    ask(controller, recorder, said)
    for _ in range(6):
        speaker.stop()
        controller.poll()
    return speaker.said[before:]


def test_no_make_an_assumption_after_a_fact_that_answered_both_parts(tmp_path):
    said = _turn(tmp_path, f"Um, before I start, two things. {WHAT} {SHOWN}")
    assert said == [_fact()], said


def test_a_part_about_something_else_keeps_its_no_fact_reply(tmp_path):
    said = _turn(tmp_path, f"{WHAT} And is it for restaurants only, or grocery transfers too?")
    assert said == [_fact(), DEFAULT_NO_FACT_REPLY], said


def test_the_responder_tells_a_fact_that_answers_a_part():
    responder = ClarifyingResponder(PROBLEM, None, SCRIPT)
    assert responder.answered_by(SHOWN, _fact())
    assert not responder.answered_by("Is it for restaurants only, or grocery stores too?", _fact())
