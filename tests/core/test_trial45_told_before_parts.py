"""Trial 45 defects 3 and 7, round 2 ("ML depth: a model in production and the day it broke"): the
whole story (the model, the incident, the fix, what was added afterwards) told to the context
question. Then:

- "Thanks. Let's get to the interesting part." and at once "You've told me all of that already.
  Is there anything you'd add?": the two lines did not fit. Now the told-all line said as a part's
  opening question names the part and follows on from its prompt (core.question_asks.told_all_line).
- "The fix" read its whole question: the told-before check read only the part just before it, the
  incident part, where nothing was said (its question had been told before). Now a part whose
  opening question was told before passes on what the part before it read.
- "Prevention" said "Last topic before your questions: making sure it doesn't happen again." and
  went straight to the new-country scenario (a changed constraint on the fix); the prevention
  question was never asked. Now in a round of topics a part's own question comes first.

The answers as the candidate said them (speech recognition heard "bad week" as "Macfield week" and
"new codes" as "new cul-de-sac"; with those words the matcher does not find the fix's points, see
the report). The sentence-embedding model as the app runs; the engine with a fake clock."""
import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import TOLD_ALL_LINE, AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.matching import Matcher
from interviewer.core.question_asks import is_told_all, is_told_before, told_all_line
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

INTRO = "Hi, I'm Sam. I'm a machine learning engineer working on fraud detection at a payment company. That's it."
THE_WHOLE_STORY = (
    "The model is a gradient-boosted fraud classifier scoring about 2000 card transactions per second with a 50 "
    "millisecond latency budget and it is retrained every week. Last March, the fraud catch rate dropped by 30%, and "
    "nobody noticed for nine days. We found out when the finance team reported a spike in chargebacks. The root cause "
    "was an upstream team that changed the merchant category field, and we found it by comparing the feature "
    "distributions on the last good week against the bad week. We fixed it by mapping the new codes. Retraining and "
    "verifying the recall on a bad week. Afterwards, we added alerts on feature drift, and on the score distribution. "
    "That's it.")
RETRAINING = "Every week, and the on-call engineer approved the ship after an offline recall check. That's it."
FIX_QUESTION = "What did you change, and how did you verify the fix before and after it shipped?"


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _lines(events):
    return [(e.phase, e.prompt) if isinstance(e, PhaseStarted) else (e.question_id, e.follow_up_id, e.text)
            for e in events if isinstance(e, (PhaseStarted, AskQuestion))]


def _round(matcher):
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None, matcher=matcher)
    engine.start()
    clock.advance(20)
    engine.answer_finished(INTRO)
    while engine.current_phase.id != "context":
        engine.next_phase()
    clock.advance(50)
    engine.answer_finished(THE_WHOLE_STORY)
    clock.advance(20)
    events = engine.answer_finished(RETRAINING)
    if engine.current_phase.id == "context":
        events = engine.next_phase()
    assert engine.current_phase.id == "incident"
    return clock, engine, _lines(events)


def test_the_told_all_line_follows_on_from_the_parts_prompt(matcher):
    _, _, lines = _round(matcher)
    assert lines == [("incident", "Thanks. Let's get to the interesting part."),
                     ("incident", None, "You've already told me about the incident, though. Is there anything you'd add?")]
    assert lines[1][2] == told_all_line("The incident") and is_told_all(lines[1][2]) and is_told_all(TOLD_ALL_LINE)


def test_the_fix_told_with_the_incident_is_asked_as_told_before(matcher):
    clock, engine, _ = _round(matcher)
    clock.advance(40)
    events = engine.answer_finished("")  # nothing to add
    if engine.current_phase.id == "incident":
        events = engine.next_phase()
    assert engine.current_phase.id == "fix"
    asks = [line for line in _lines(events) if len(line) == 3]
    assert [(q, f) for q, f, _ in asks] == [("fix", None)]
    # Told before (the point matcher takes both asks as answered: "We fixed it by mapping the new
    # codes. Retraining and verifying the recall on a bad week."), not the whole question again.
    assert is_told_before(asks[0][2]) and FIX_QUESTION.lower() not in asks[0][2].lower(), asks[0][2]


def test_prevention_asks_its_own_question_before_the_new_country_scenario(matcher):
    clock, engine, _ = _round(matcher)
    events = engine.next_phase()
    assert engine.current_phase.id == "fix"
    clock.advance(30)
    engine.answer_finished("We mapped the new codes back and retrained, and verified recall on the bad week before "
                           "shipping, and watched chargebacks for two weeks after. That's it.")
    while engine.current_phase.id == "fix":
        events = engine.next_phase()
    assert engine.current_phase.id == "prevention"
    lines = _lines(events)
    assert lines[0] == ("prevention", "Last topic before your questions: making sure it doesn't happen again.")
    assert lines[1] == ("prevention", None, "What did you put in place so that this kind of problem can't go unnoticed again?")
    clock.advance(30)
    scenario = []
    for _ in range(6):  # the scenario still comes, after the part's own question
        asks = [line for line in _lines(engine.answer_finished(
            "Drift alerts on every input feature with a threshold, and a postmortem with owners. That's it."))
            if len(line) == 3]
        if not asks or engine.current_phase.id != "prevention":
            break
        scenario += [a for a in asks if a[1] == "new_market"]
        clock.advance(20)
    assert scenario and scenario[0][0] == "fix"
