"""A story told as the answer to a behavioral follow-up that asks for another one is scored as a
story (STAR parts, a quantified result, "I" against "we"); a follow-up that asks about the story
already told, a greeting, or a part that only asks a clarifying question is not (trial leftovers, B3)."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.behavioral import asks_for_story
from interviewer.core.analysis.report import analyze_answer
from tests.core.analysis.speech import spoken

STORY = ("In my last role our deploys failed every week. I was responsible for the release pipeline. "
         "We added canary checks and we rewrote the rollback script. In the end it worked out.")


def kinds(answer: str, question: str, question_findings: bool = False) -> tuple[bool, list[str]]:
    a = analyze_answer(spoken(answer), question_text=question, round_kind="behavioral",
                       question_findings=question_findings).to_dict()
    return a["story"], [f["kind"] for f in a["findings"]]


@pytest.mark.parametrize("follow_up", [
    "Tell me about another time you had to fix a failing system.",
    "Do you have another example?",
    "Can you share one more example, from a different team?",
    "Was there a moment when you lost some of that trust? What did you do?",
    "Give me a later example.",  # asked for a story before this change too
])
def test_a_follow_up_asking_for_another_story_scores_its_answer_as_one(follow_up):
    assert asks_for_story(follow_up)
    # Analysed alone: in a round, "No numbers in the result" is the whole question's finding
    # (summary.question_findings: a follow-up may give the result's numbers, trial 27).
    story, found = kinds(STORY, follow_up, question_findings=True)
    assert story
    # The story's result has no number and "we" outweighs "I": both said, as for a main question.
    assert "unquantified_result" in found and "we_over_i" in found


@pytest.mark.parametrize("follow_up", [
    "What did the other team get out of it?",
    "How would the other person describe that conflict, if I asked them?",
    "Was there a point where you realized you were going in the wrong direction?",
    "Hi, I'm Sam and I'll be your interviewer today. Tell me a little about yourself.",
])
def test_a_follow_up_about_the_story_told_or_a_greeting_is_not_a_new_story(follow_up):
    assert not asks_for_story(follow_up)
    assert kinds(STORY, follow_up) == (False, [])


@pytest.mark.parametrize("answer", ["Does it have to be a work example?",
                                    "Does it have to be a work example? [3.0] Okay, thanks."])
def test_only_a_clarifying_exchange_is_no_story_missing_its_parts(answer):
    story, found = kinds(answer, "Tell me about another time you had to fix a failing system.")
    assert not story and "star_missing" not in found and "unquantified_result" not in found
    # The same for a main question (it said "STAR parts not heard: situation, task, action, result").
    story, found = kinds(answer, "Tell me about a time you had to fix a failing system.")
    assert not story and "star_missing" not in found
