"""Trial 43 defect 3 and suggestion 2: the whole incident told in the context part, then "You've
told me some of this already, so just what you haven't said yet: Now tell me about a time that
model misbehaved in production: what happened, how did you find out, and how did you find the
root cause?": the whole question after the preface, its "Now" capitalised after the colon. Only
how it was found out was still open.

Now a question that lists several asks is asked, after TOLD_BEFORE_LEAD_IN, only for the asks the
review's point matcher does not find answered (core.question_asks, RoundEngine._told_before_line);
when none is open, TOLD_ALL_LINE instead of the question. The answers as the trial's speech
recognition wrote them; the sentence-embedding model as the app runs; the engine with a fake clock."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import TOLD_ALL_LINE, TOLD_BEFORE_LEAD_IN, AskQuestion, RoundEngine
from interviewer.core.matching import Matcher
from interviewer.core.question_asks import after_colon, open_asks_line, question_asks, told_all_line
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

# Trial 43 round 2, the answers as heard (the incident said on, after a clarifying question, in
# the answer to the context question).
CONTEXT_AND_INCIDENT = (
    "Before I start, how much data do we have? Sure. It is a gradient boosted frog model scoring about 2000 "
    "transactions per second, served online behind the rest service. We watched the precision at the renewed "
    "threshold, and the score distribution on a dashboard. Do you want the exact latency budget as well? Okay. "
    "I didn't see that. Last March, the fraud catch rate dropped by 30%, and nobody noticed for nine days. A "
    "stream team changed the merchant category field from code to names, so the feature became unknown for "
    "every row. We found the root cause by comparing feature distributions before and after the drop. That's it.")
RETRAINING = "It was retrained weekly and the person on the team approved each release after an offline check. That's it."
ALL_OF_IT = ("Last March the catch rate dropped by thirty percent. We found out from the monthly chargeback report: "
             "a finance analyst flagged it nine days later. We found the root cause by comparing the feature "
             "distributions before and after the drop: an upstream team had changed the merchant category field. "
             "That's it.")
INCIDENT_QUESTION = ("Now tell me about a time that model misbehaved in production: what happened, how did you find "
                     "out, and how did you find the root cause?")


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _incident_line(matcher, *answers: str) -> str:
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None, matcher=matcher)
    engine.start()
    while engine.current_phase.id != "context":
        engine.next_phase()
    events = []
    for said in answers:
        clock.advance(25)
        events = engine.answer_finished(said)
    if engine.current_phase.id != "incident":
        events = engine.next_phase()
    assert engine.current_phase.id == "incident"
    asks = [e for e in events if isinstance(e, AskQuestion) and e.question_id == "incident"]
    assert len(asks) == 1 and asks[0].follow_up_id is None, asks
    return asks[0].text


def test_the_trial_43_incident_part_asks_only_how_it_was_found_out(matcher):
    line = _incident_line(matcher, CONTEXT_AND_INCIDENT, RETRAINING)
    assert line == f"{TOLD_BEFORE_LEAD_IN} how did you find out?"


def test_an_incident_told_in_full_is_not_asked_again(matcher):
    line = _incident_line(matcher, CONTEXT_AND_INCIDENT.split(" Okay.")[0] + " That's it.", ALL_OF_IT, RETRAINING)
    # Said right after the part's prompt, it names the part (trial 45: core.question_asks.told_all_line).
    assert line == told_all_line("The incident") != TOLD_ALL_LINE


def test_the_asks_of_a_question_that_lists_them():
    assert question_asks(INCIDENT_QUESTION) == ["what happened", "how did you find out", "how did you find the root cause"]
    assert question_asks("Tell me about a model you were responsible for in production. What did it do, how was it "
                         "served, and how did you know it was healthy?") == [
        "What did it do", "how was it served", "how did you know it was healthy"]
    # One ask, or a list of nouns: no asks of their own.
    assert question_asks("What did you put in place so that this kind of problem can't go unnoticed again?") == []
    assert question_asks("Was it the data, the model or the serving code? How did you tell them apart?") == []
    assert open_asks_line(["What did it do", "how was it served"]) == "what did it do, and how was it served?"
    assert after_colon("Now tell me about it.") == "now tell me about it."
    assert after_colon("I'd like to hear more.") == "I'd like to hear more."
