"""Trial 36 item 3: in an ML depth round every "Can I assume ...?" got "It's your project, so
that's yours to tell me: say what it was, roughly, and go on.":

* "Can I assume you want the most serious incident, not the most recent one?" asks what the
  INTERVIEWER wants: it deserves a direct yes ("Yes, that's fine. Go with it.");
* "Can I assume the training data fits in memory on one machine?" is an assumption about the
  candidate's own project: acknowledged so that they go on ("Sure, if that was so in your
  project, say it and go on."), never "say what it was, roughly".

The same holds in behavioral rounds (the candidate's own stories), where every check got "Yes,
that's a fair assumption. Go with it." whatever it assumed. System design keeps its facts and its
"fair assumption" reply."""
from __future__ import annotations

import pytest

from interviewer.core.clarifying_responder import OWN_PROJECT_REPLY, ClarifyingResponder
from interviewer.core.conversation_cues import ASSUMPTION_REPLY, assumes_what_is_wanted
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir


def _responder(script_file: str, question_id: str) -> ClarifyingResponder:
    script = load_script(bundled_scripts_dir() / script_file, bundled=True)
    question = next(q for q in script.questions if q.id == question_id)
    return ClarifyingResponder(question, script=script)


def test_what_the_interviewer_wants_gets_a_direct_yes():
    reply = _responder("ml_depth_production_model.toml", "incident").reply(
        "Can I assume you want the most serious incident, not the most recent one?").text
    assert reply == "Yes, that's fine. Go with it."
    # Never what was assumed said back: trial 41's misheard "the most reason to" was.
    misheard = _responder("ml_depth_production_model.toml", "incident").reply(
        "Can I assume you want the most reason to incident, not the most recent one?").text
    assert misheard == "Yes, that's fine. Go with it."


@pytest.mark.parametrize("asked", ["Can I assume the training data fits in memory on one machine?",
                                   "Can I assume it was retrained by hand every month?"])
def test_an_assumption_about_their_own_project_is_acknowledged_so_they_go_on(asked):
    reply = _responder("ml_depth_production_model.toml", "context").reply(asked).text
    assert reply == "Sure, if that was so in your project, say it and go on."
    assert reply != OWN_PROJECT_REPLY


def test_behavioral_rounds_tell_the_two_apart():
    responder = _responder("behavioral_customers_and_results.toml", "customer_obsession")
    assert responder.reply("Can I assume you'd like a technical story rather than a process one?").text == \
        "Yes, that's fine. Go with it."
    own = responder.reply("Can I assume the whole thing took about two weeks?").text
    assert own.startswith("Sure, if that was so") and own != ASSUMPTION_REPLY


def test_system_design_keeps_its_facts_and_its_fair_assumption_reply():
    responder = _responder("ml_system_design_eta_prediction.toml", "design_eta")
    assert responder.reply("Can I assume about two million orders a day?").topic == "scale"
    assert responder.reply("Can I assume you want a high-level design first?").text == ASSUMPTION_REPLY


@pytest.mark.parametrize("said, wanted", [
    ("Can I assume you want the most serious incident?", True),
    ("I'll assume you're looking for a recent example, right?", True),
    ("Can I assume it's fine to pick an internal customer?", True),
    ("Can I assume the data fits in memory?", False),
    ("I assume we served it online, right?", False),
])
def test_what_is_wanted_is_told_from_the_wording(said, wanted):
    assert assumes_what_is_wanted(said) is wanted
