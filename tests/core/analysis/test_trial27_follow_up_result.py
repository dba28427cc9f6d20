"""Trial 27 item 5: the story "we cut the cost by a third" was heard as "we cut the cast"; asked
"What was the result...?", the candidate said "the training cost went down by one third". The
review still said "No numbers in the result; quantify the impact" and "Quantified results 0/2".
A result given in answer to a follow-up belongs to the story it follows, and a share said in
words ("a third", "half the cost", "cut it in half") is a number."""
from __future__ import annotations

import pytest

from interviewer.core.analysis import depth
from interviewer.core.analysis.report import analyze_answer, follows_story
from interviewer.core.analysis.summary import Part, question_findings, summarize
from tests.core.analysis.speech import spoken

CONFLICT = ("Tell me about a time you had a serious conflict with a peer, someone at your level, that was "
            "getting in the way of the work. What happened and what did you do?")
RESULT = "What was the result, for the work and for your relationship with them?"
THEIR_VIEW = "How would the other person describe that conflict, if I asked them?"
STORY = ("Last year our team's training pipeline was costing too much. My task was to settle it. I ran a "
         "two-week experiment comparing daily and weekly retraining, and we agreed on weekly retraining. "
         "And as a result we cut the cast, and we reviewed pipeline changes together. That's it.")
TOLD_RESULT = "And I said, the training cost went down by one third, and our working relationship improved. That's it."


@pytest.mark.parametrize("said", ["the training cost went down a third", "it was a third cheaper",
                                  "it costs half the money now", "we cut the bill in half",
                                  "one third of the cost went away"])
def test_a_share_said_in_words_is_a_number(said):
    assert depth.NUMBER_WITH_UNIT.search(said)


@pytest.mark.parametrize("said", ["I had two ideas", "in the first week I listened"])
def test_no_share_no_number(said):
    assert not depth.NUMBER_WITH_UNIT.search(said)


def _analysis(text: str, question: str, follow_up: bool) -> dict:
    return analyze_answer(spoken(text), question_text=question, round_kind="behavioral", question_findings=False,
                          follows_story=follow_up).to_dict()


def _parts(follow_up_answer: str, follow_up_text: str = RESULT) -> list[Part]:
    story = _analysis(STORY, CONFLICT, False)
    told = _analysis(follow_up_answer, follow_up_text, True)
    return [Part(1, "peer_conflict", None, CONFLICT, 0.0, 10.0, 50.0, story),
            Part(2, "peer_conflict", "outcome", follow_up_text, 60.0, 65.0, 75.0, told)]


def test_the_result_told_in_a_follow_up_quantifies_the_story():
    numbers = summarize(_parts(TOLD_RESULT))
    assert numbers.depth["quantified_result"].heard == 1 and numbers.depth["quantified_result"].questions == 1
    found = question_findings(numbers)
    assert "unquantified_result" not in [f.kind for _, f in found]
    # ...and praised where it was said, quoting it.
    assert any(part == 2 and f.kind == "quantified_result" and "one third" in f.message for part, f in found)


def test_a_follow_up_on_the_story_without_numbers_leaves_one_finding_on_the_story():
    numbers = summarize(_parts("He would say the experiment made it fair. That's it.", THEIR_VIEW))
    assert (numbers.depth["quantified_result"].heard, numbers.depth["quantified_result"].questions) == (0, 1)
    assert [(part, f.kind) for part, f in question_findings(numbers) if f.kind == "unquantified_result"] == \
        [(1, "unquantified_result")]


def test_a_number_in_a_follow_up_on_the_story_counts_after_a_result_cue_only():
    # Not asked for the result: read as in the story, from the result's first cue on.
    assert _depth(_analysis("He would say it took three weeks to agree. That's it.", THEIR_VIEW, True)) == {}
    assert _depth(_analysis("He would say that in the end we saved ten hours a week. That's it.",
                            THEIR_VIEW, True)) == {"quantified_result": True}


def _depth(analysis: dict) -> dict:
    return {s["id"]: s["heard"] for s in analysis["depth"]["signals"]}


def test_only_a_follow_up_of_a_story_question_credits_the_story():
    class Question:
        text = CONFLICT

    class NotAStory:
        text = "Why do you want to work here?"

    assert follows_story(Question, "outcome")
    assert not follows_story(Question, None) and not follows_story(NotAStory, "outcome")
    assert not follows_story(None, "outcome")
    # A follow-up answer analysed without it sets and meets no expectation.
    assert _depth(_analysis(TOLD_RESULT, RESULT, False)) == {}


def test_a_single_story_analysed_alone_still_says_it_has_no_numbers():
    kinds = [f["kind"] for f in analyze_answer(spoken(STORY), question_text=CONFLICT,
                                                round_kind="behavioral").to_dict()["findings"]]
    assert "unquantified_result" in kinds
