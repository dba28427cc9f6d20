"""Trial 30 D1: the lead-in "If you have several models to choose from, ask me which kind I'd like to
hear about." invited a question; the candidate asked it ("Which kind would you like to hear about, a
ranking model or a fraud model?", written "...hear him out...") and got "It's your project, so
that's yours to tell me", though the question's 'which model' topic had the fitting fact. The ask
the lead-in invited (its words, "which kind"), or alternatives offered with a question of which to
talk about, get the fact of the topic for choosing: the one the invitation is about, else the one
that names a choice of what the question asks about ("which model", "any model")."""
import pytest

from interviewer.core.clarifying_responder import OWN_PROJECT_REPLY, ClarifyingResponder
from interviewer.core.conversation_cues import asks_which_to_talk_about
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.scripts.loader import parse_script

SCRIPT = """
id = "depth"
title = "Depth"
kind = "ml_depth"
minutes = 45

[[phases]]
id = "context"
name = "Context"
minutes = 10
prompt = "Let's start with some context. If you have several models to choose from, ask me which kind I'd like to hear about."

[[phases]]
id = "later"
name = "Later"
minutes = 35
prompt = "Let's go on."

[[questions]]
id = "context"
phase = "context"
text = "Tell me about a model you were responsible for in production. How was it served?"
clarifying_topics = [{ name = "which model", keywords = ["which model", "any model", "most recent"] }, "scale"]

[questions.facts]
"which model" = "Any model you were responsible for; the most recent one is usually best."
scale = "Whatever the real traffic was; give me the order of magnitude."

[[questions]]
id = "warm_up"
phase = "later"
text = "Tell me about a project you led from start to finish."
clarifying_topics = ["team"]

[questions.facts]
team = "Any size of team is fine."

[[questions]]
id = "decision"
phase = "later"
text = "Tell me about a project where you had to make a hard call."
clarifying_topics = [{ name = "which project", keywords = ["which project", "any project"] }, "timing"]

[questions.facts]
"which project" = "Any project from the last few years; a shipped one is best."
timing = "Any time in the project is fine."
"""

MODEL_FACT = "Any model you were responsible for; the most recent one is usually best."
INVITED = ["Which kind would you like to hear about, a ranking model or a fraud model?",
           "Which kind would you like to hear him out, a ranking model or a fraud model?",  # as Whisper wrote it
           "Which kind would you like to hear him out?",
           "Should I pick the ranking one or the fraud one?"]


@pytest.fixture(scope="module")
def script():
    return parse_script(SCRIPT)


@pytest.mark.parametrize("said", INVITED)
def test_the_ask_the_lead_in_invited_gets_the_fact_meant_for_it(script, said):
    responder = ClarifyingResponder(script.question("context"), Matcher(LexicalEncoder()), script)
    assert responder.reply(said) == ("which model", MODEL_FACT)


def test_other_questions_keep_their_facts_and_a_choice_has_a_fact_only_where_one_is_meant(script):
    responder = ClarifyingResponder(script.question("context"), Matcher(LexicalEncoder()), script)
    assert responder.reply("How much traffic did it have, what scale?").topic == "scale"
    # Not the first question of its part: no lead-in; the topic naming a choice of project answers.
    decision = ClarifyingResponder(script.question("decision"), Matcher(LexicalEncoder()), script)
    assert decision.reply("Should I talk about the search project or the billing one?").topic == "which project"
    # No topic for choosing: the question's usual no-fact reply, no fact picked at random.
    warm_up = ClarifyingResponder(script.question("warm_up"), Matcher(LexicalEncoder()), script)
    assert warm_up.reply("Should I talk about the search project or the billing one?") == (None, OWN_PROJECT_REPLY)


@pytest.mark.parametrize("said, choosing", [
    ("Should I pick the ranking one or the fraud one?", True),
    ("Would you rather hear about the ranker or the fraud model?", True),
    ("Which one do you want, the old system or the new one?", True),
    ("Should I use a heap or sort the list?", False),  # how to solve, not what to talk about
    ("Is the input sorted or not?", False),
    ("Which model should I talk about?", False),  # no alternatives: the matcher's to answer
])
def test_asking_which_of_ones_own_to_talk_about(said, choosing):
    assert asks_which_to_talk_about(said) is choosing


def test_the_bundled_round_answers_both_asks_with_the_real_model():
    from interviewer.adapters.embeddings import load_text_encoder
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.resources import bundled_scripts_dir

    encoder = load_text_encoder()
    if encoder.name == "lexical":
        pytest.fail("the sentence-embedding model did not load")
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    bundled = next(s for s in catalog.scripts if s.id == "ml_depth_production_model")
    responder = ClarifyingResponder(bundled.question("context"), Matcher(encoder), bundled)
    for said in (INVITED[1], INVITED[3]):
        assert responder.reply(said).topic == "which model", said
    assert responder.reply("What latency did it have to meet?").topic == "latency"
