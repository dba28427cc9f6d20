"""Clarifying questions: a lead-in said as its own phrase, questions quoted across a sentence
break, a tag said apart and talked on from, and statements that only rise (session 36)."""
import pytest

from interviewer.core.analysis.question_wording import question_cue
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances

from .speech import spoken


def cue(text: str) -> str:
    [u] = split_utterances(tokenize(spoken(text).words))
    return question_cue(u)


@pytest.mark.parametrize("text, asks", [
    # blind50: "Sorry," as a phrase of its own before a wh-question that offers its choices
    ("Sorry, who sets the threshold here, the risk team or us.", True),
    ("Okay, so, which metric matters more, precision or recall.", True),
    # a pseudo-cleft after the lead-in still states
    ("Sorry, what matters is the cost, latency or memory.", False),
])
def test_a_lead_in_phrase_does_not_hide_a_choice_asked(text, asks):
    assert (cue(text) == "alternative question") == asks, text
