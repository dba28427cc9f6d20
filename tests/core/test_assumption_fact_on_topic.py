"""Trial 20 item 5: "I'm assuming the list of versions fits in memory. Is that right?" got "Good
check. About a thousand versions.": an assumption check gets a fact only when the fact is about
what is assumed; else the assumption is confirmed."""
from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import ASSUMPTION_REPLY
from interviewer.core.matching import Matcher, TopicMatch
from interviewer.core.scripts.loader import load_script

SCRIPT = load_script(Path(__file__).resolve().parents[2] / "question_scripts"
                     / "phone_screen_first_bad_version_and_ranking.toml")
PROBLEM = SCRIPT.questions[0]
SAID = "I'm assuming the list of versions fits in memory. Is that right?"


class _MatchesInputSize(Matcher):
    """What the meaning model matched in the trial: the 'input size' topic, on 'versions'."""

    def best_topic(self, text, topics, context=""):
        topic = next(t for t in topics if t.name == "input size")
        return TopicMatch(topic, 0.9) if "version" in text else super().best_topic(text, topics, context)


@pytest.mark.parametrize("matcher", [None, _MatchesInputSize()])
def test_an_assumption_about_memory_is_confirmed_not_answered_with_the_count(matcher):
    assert ClarifyingResponder(PROBLEM, matcher, SCRIPT).reply(SAID) == (None, ASSUMPTION_REPLY)


@pytest.mark.parametrize("matcher", [None, _MatchesInputSize()])
def test_an_assumption_about_the_topic_still_gets_its_fact(matcher):
    responder = ClarifyingResponder(PROBLEM, matcher, SCRIPT)
    # A count assumed: the fact about the count corrects it.
    assert responder.reply("Can I assume there are about a million versions?").topic == "input size"
    # A plain question about the count is no assumption check: the fact, as before.
    assert responder.reply("How many versions are there in total?").topic == "input size"


def test_an_assumption_that_names_the_topic_gets_its_fact():
    responder = ClarifyingResponder(PROBLEM, None, SCRIPT)
    assert responder.reply("Can I assume I can run the calls in parallel?").topic == "call cost"
    assert responder.reply("Can I assume once broken it stays broken?").topic == "monotonic"
