"""Trial 41 defect 6: the candidate told the whole incident to a probe in the context part ("last
March the fraud scores jumped because an upstream team changed the amount field ...; the
approval rate alert fired after two days; I compared feature distributions ..."). The next line
was "Thanks. Let's get to the interesting part." and the incident question in full, then "How
long was it between the problem starting and someone noticing?", after "after two days".

Now a part's opening question whose talking points were mostly made (more than half COVERED by
the review's point matcher) in the part before is asked for what was not said yet
(TOLD_BEFORE_LEAD_IN), and what answered it counts for its follow-ups; a duration said answers
a follow-up that asks only how long (`Matcher.follow_up_needed`). The sentence-embedding model,
as the app runs (the bag of stems has no point matcher by meaning); the engine with a fake clock."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import TOLD_BEFORE_LEAD_IN, AskQuestion, RoundEngine
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

CONTEXT = ("It was a fraud model, gradient boosted trees behind a REST endpoint, scoring every payment online. "
           "I built the feature pipeline and the retraining job myself. We knew it was healthy from the approval "
           "rate and latency dashboards, checked daily. That's it.")
THE_INCIDENT = ("Last March the fraud scores suddenly jumped on a Monday, and the approval rate alert only "
                "fired after two days. I narrowed it down by comparing the feature "
                "distributions before and after, so it was the data and not the model. The root cause was an "
                "upstream team that changed the amount field from dollars to cents. That's it.")
MORE_ON_OWN_PART = "I also wrote the runbook for the on-call engineer and owned the weekly retraining review. That's it."
AS_I_SAID = "As I just said: the amount field changed units upstream, and the alert caught it after two days. That's it."
INCIDENT_QUESTION = ("Now tell me about a time that model misbehaved in production: what happened, how did you find "
                     "out, and how did you find the root cause?")


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def _to_incident(matcher, said_last_in_context: str):
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None, matcher=matcher)
    engine.start()
    while engine.current_phase.id != "context":
        engine.next_phase()
    clock.advance(20)
    engine.answer_finished(CONTEXT)
    clock.advance(20)
    engine.answer_finished(said_last_in_context)
    events = engine.next_phase()
    assert engine.current_phase.id == "incident"
    return clock, engine, _asks(events)


def test_the_incident_told_in_the_part_before_gets_the_question_for_what_is_left(matcher):
    clock, engine, asks = _to_incident(matcher, THE_INCIDENT)
    assert [(a.question_id, a.follow_up_id) for a in asks] == [("incident", None)]
    # Only the asks still open (trial 43): the story and its root cause were told; the matcher
    # does not take "the approval rate alert only fired after two days" for how it was found out.
    assert asks[0].text == f"{TOLD_BEFORE_LEAD_IN} how did you find out?"
    assert INCIDENT_QUESTION not in asks[0].text


def test_how_long_it_took_to_notice_is_not_asked_after_two_days_said_twice(matcher):
    clock, engine, asks = _to_incident(matcher, THE_INCIDENT)
    asked = []
    for _ in range(6):
        clock.advance(15)
        events = _asks(engine.answer_finished(AS_I_SAID))
        if not events or engine.current_phase.id != "incident":
            break
        asked.append(events[-1].follow_up_id)
    assert "detection_delay" not in asked, asked


def test_a_context_part_without_the_incident_gets_the_question_as_written(matcher):
    _, _, asks = _to_incident(matcher, MORE_ON_OWN_PART)
    assert [(a.question_id, a.follow_up_id) for a in asks] == [("incident", None)]
    assert asks[0].text == INCIDENT_QUESTION

