"""Session 34, conversation item 2: a scripted follow-up with two asks ("How often was it
retrained, and who or what decided to ship a retrained model?") was asked whole though the
candidate had just said how often it was retrained.

Now a follow-up that asks two things or more (core.question_asks.follow_up_asks: its own
question marks, or ", and who/what/how ...") has each ask decided by the matcher that decides
the follow-up, and only the open ones are said ("And who or what decided to ship a retrained
model?"); with every ask answered it is skipped as before. The engine with a fake clock and the
sentence-embedding model as the app runs it."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.matching import Matcher
from interviewer.core.question_asks import follow_up_asks, open_follow_up_line
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

RETRAINING = "How often was it retrained, and who or what decided to ship a retrained model?"
SAID_HOW_OFTEN = ("It scored fraud on card payments online, about two thousand requests a second behind a REST "
                  "service. We watched a dashboard of the score distribution and an alert on the error rate every "
                  "week. It was retrained every week on the last three months of data. That's it.")


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def test_only_the_open_ask_of_the_retraining_follow_up_is_said(matcher):
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    assert any(f.text == RETRAINING for q in script.questions for f in q.follow_ups)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None, matcher=matcher)
    engine.start()
    while engine.current_phase.id != "context":
        engine.next_phase()
    clock.advance(60)
    asks = [e for e in engine.answer_finished(SAID_HOW_OFTEN) if isinstance(e, AskQuestion)]
    assert [(a.follow_up_id, a.text) for a in asks] == [
        ("retraining", "And who or what decided to ship a retrained model?")]


def test_the_asks_of_a_follow_up():
    assert follow_up_asks(RETRAINING) == ("", ["How often was it retrained", "who or what decided to ship a retrained model"])
    assert follow_up_asks("Fashion moves fast. How often do you retrain? Who decides to ship a new model?") == (
        "Fashion moves fast.", ["How often do you retrain", "Who decides to ship a new model"])
    # A later ask that leans on the one before is no ask of its own; one ask is none either.
    assert follow_up_asks("Was it the data, the model or the serving code? How did you tell them apart?") == ("", [])
    assert follow_up_asks("How long was it between the problem starting and someone noticing? Why that long?") == ("", [])
    assert follow_up_asks("Which dashboards or alerts did you actually look at every week?") == ("", [])
    asks = ["How often was it retrained", "who or what decided to ship a retrained model"]
    assert open_follow_up_line("", asks, asks[1:]) == "And who or what decided to ship a retrained model?"
    assert open_follow_up_line("", asks, asks[:1]) == "How often was it retrained?"
