"""Trial 36 item 8: "Gave up: You had no example for this one" stayed on "Um, I don't know. I can't
think of one." though the candidate told a story for the same question 20 s later. In a round the
finding is judged on the whole question (summary.question_findings): kept only when no story
was told for it."""
from __future__ import annotations

from interviewer.core.analysis.summary import Part, question_findings, summarize
from tests.core.analysis.test_trial35_story_findings import (CUSTOMER, NO_EXAMPLE, _analysis,
                                                             _customer_parts, _kinds)


def test_no_example_then_a_story_for_the_same_question_keeps_no_gave_up():
    parts = _customer_parts()
    assert "gave_up" not in _kinds(parts[0].analysis)  # the answer alone: judged with its question
    found = [(part, f.kind) for part, f in question_findings(summarize(parts))]
    assert not [kind for _, kind in found if kind == "gave_up"], found
    assert (5, "star_missing") in found  # the story is still judged


def test_no_example_and_no_story_after_it_keeps_the_gave_up_on_that_answer():
    parts = [Part(4, "customer_change", None, CUSTOMER.text, 156.5, 163.9, 186.9,
                  _analysis(NO_EXAMPLE, CUSTOMER, None, CUSTOMER.text))]
    gave_up = [(part, f) for part, f in question_findings(summarize(parts)) if f.kind == "gave_up"]
    assert len(gave_up) == 1 and gave_up[0][0] == 4
    assert "no example for this one" in gave_up[0][1].message and gave_up[0][1].start is not None


# Trial 36 answer 5 as the live transcript wrote it. "STAR parts out of order: you told result,
# action." stood on it: not because of "Oh, and the support team liked it." (a part of its own,
# said after "That's it."), but because "I learned that many users searched..." read as a result.
# What the candidate found out before acting is no result; "I learned that I ..." (a lesson) is.
CUSTOMER_36 = ("Oh, okay. I can't run. We have a search feature and I sent in on 10 support calls. I learned "
               "that many users searched for the return policy, not for products. So I changed the ranking to "
               "short help links first. That's it.")


def test_what_the_candidate_found_out_before_acting_is_no_result_out_of_order():
    a = _analysis(CUSTOMER_36, CUSTOMER, None, CUSTOMER.text)
    assert "star_order" not in _kinds(a), a["findings"]


def test_a_lesson_learned_is_still_a_result():
    a = _analysis("Last year I led the migration. I moved every job to the new scheduler. "
                  "I learned that I should ask the users first.", CUSTOMER, None, CUSTOMER.text)
    assert "result" in a["star"]["present"]
