"""Trial 21: "Welcome back. We were on approach; you have about 5 and a half minutes left for
it." and "We were on clarify the problem": the part's name was dropped into the sentence as it
is written, and a digit was mixed with words in one spoken phrase."""
from __future__ import annotations

import pytest

from interviewer.core.interview_requests import minutes
from interviewer.core.round_controller import _spoken_part
from interviewer.core.round_settings import ControllerSettings


@pytest.mark.parametrize("name, said", [
    ("Approach", "on the approach"),
    ("Clarify the problem", "clarifying the problem"),
    ("Scale it up", "scaling it up"),
    ("Your questions", "on your questions"),
    ("ML fundamentals", "on the ML fundamentals"),
    ("Coding: clarify", "clarifying"),
    ("Delivering results", "on delivering results"),
])
def test_a_part_is_said_as_a_phrase_that_fits_the_sentence(name, said):
    assert _spoken_part(name) == said


def test_the_welcome_back_reads_as_one_sentence_in_words():
    text = ControllerSettings().welcome_back_text.format(part=_spoken_part("Approach"), time=minutes(5 * 60 + 40))
    assert text == "Welcome back. We were on the approach; you have about five and a half minutes left for it."
    text = ControllerSettings().welcome_back_text.format(part=_spoken_part("Clarify the problem"), time=minutes(4 * 60 + 31))
    assert text == "Welcome back. We were clarifying the problem; you have about four and a half minutes left for it."
