"""Trial 40 item 8 (first half): "Um, before I start, how quickly does the score have to come back?"
was heard as "Before Um I start, how quickly does this core hand to come back?" and got "Good
question. Make a reasonable assumption, say it out loud, and go on.", live and in `scripts ask`;
the same words without "Before I start," got the latency fact. A clause that only frames the
question is not matched (conversation_cues.without_framing, used by ClarifyingResponder)."""
from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import without_framing
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.scripts.loader import load_script

SCRIPT = Path(__file__).resolve().parents[1] / "data" / "trial40" / "fraud.toml"
LATENCY = "The score must come back within fifty milliseconds, or the payment is approved without it."


def _responder(encoder) -> ClarifyingResponder:
    script = load_script(SCRIPT)
    question = next(q for q in script.questions if q.id == "fraud")
    return ClarifyingResponder(question, Matcher(encoder), script)


@pytest.fixture(params=["model", "lexical"])
def encoder(request):
    if request.param == "lexical":
        return LexicalEncoder()
    from interviewer.adapters.embeddings import load_text_encoder

    loaded = load_text_encoder()
    # The model ships with the app (its package is a dependency): never a silent skip.
    assert not isinstance(loaded, LexicalEncoder), "the embedding model did not load"
    return loaded


@pytest.mark.parametrize("asked", [
    "Before Um I start, how quickly does this core hand to come back?",  # trial 40, as heard
    "Um, before I start, how quickly does the score have to come back?",
    "Quick question before I dive in: how quickly does this core hand to come back?",
])
def test_a_lead_in_before_the_question_does_not_lose_the_fact(encoder, asked):
    assert _responder(encoder).reply(asked) == ("latency", LATENCY)


def test_the_framing_clauses_go_and_the_question_stays():
    assert without_framing("Before Um I start, how quickly does it come back?") == "how quickly does it come back?"
    assert without_framing("Sorry, quick question, where do the labels come from?") == "where do the labels come from?"
    # A clause that says something is kept: it may be what is asked about.
    assert without_framing("So the input, is it sorted?") == "So the input, is it sorted?"
    assert without_framing("Before you go on, what is X?") == "Before you go on, what is X?"
    assert without_framing("Before I start.") == "Before I start."  # nothing else: left as said
