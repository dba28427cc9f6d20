"""A story's result said as a change ("a one percent drop in clicks") or as what a test showed
is its result, and its number counts; a bare "Yes." before the story and "That's it." after it
do not hide the scene it opens on. Trial 28: the disagreement story, as heard ("the test showed
that 1 % rap in clicks", "drop" misheard), got "No numbers in the result; quantify the impact."
and "STAR parts not heard: situation, task, result"."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.report import analyze_answer
from tests.core.analysis.speech import spoken

QUESTION = "Tell me about a time you disagreed with your manager. How did you handle it?"
HEARD = ("Yes. [1.0] In one project, my manager wanted to launch a new model quickly, but I disagreed, because "
         "the offline games were not showing up in a beta test. [1.0] Um, I shared the day that we agreed on a "
         "two week test and the test showed that 1 % rap in clicks, so we fixed a feature leak before launch. "
         "[1.0] That's it.")
SAID = HEARD.replace("the day that", "the data, and").replace("1 % rap", "a one percent drop")


def findings(text: str) -> dict[str, str]:
    a = analyze_answer(spoken(text), question_text=QUESTION, round_kind="behavioral")
    return {f.kind: f.message for f in a.findings}


@pytest.mark.parametrize("text", [HEARD, SAID], ids=["as heard", "as said"])
def test_the_result_and_its_number_are_heard(text):
    found = findings(text)
    assert "unquantified_result" not in found and "star_order" not in found
    # The scene and the outcome are there; no task was said in so many words.
    assert found.get("star_missing") == "STAR parts not heard: task."


@pytest.mark.parametrize("result", ["we saw a 20 percent increase in sign-ups",
                                    "there was a two percent lift in conversion"])
def test_a_change_with_a_number_is_a_result(result):
    text = ("At my last job our onboarding was slow. [1.0] I was asked to fix it. [1.0] "
            f"I rewrote the signup flow, and after launch {result}.")
    found = findings(text)
    assert "unquantified_result" not in found and "star_missing" not in found


def test_a_story_without_a_number_is_still_told_so():
    found = findings("Yes. [1.0] In one project, my manager wanted to launch quickly, but I disagreed. [1.0] "
                     "I shared the data and the test showed it was worse, so we fixed it before launch. [1.0] "
                     "That's it.")
    assert "unquantified_result" in found
