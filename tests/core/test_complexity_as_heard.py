"""A complexity stated as tiny.en writes it answers the complexity follow-up.

Trial 21 (coding, merging intervals): "n log n for the sort, and then linear for the merge pass, so
n log n overall" was transcribed "and log in for the sword, and then later for the merge pass, uh,
and log in overall", and "What's the time complexity of that, and where does it come from?" was
asked straight after: its if_missing words ("n log n", "linear", "o of n") miss those spellings."""
import pytest

from interviewer.core.complexity import asks_about_complexity, states_complexity
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import FollowUp

HEARD = "and log in for the sword, and then later for the merge pass, uh, and log in overall"
COMPLEXITY = FollowUp("complexity", "What's the time complexity of that, and where does it come from?",
                      ("complexity", "n log n", "log n", "big o", "linear", "o of n"))


@pytest.mark.parametrize("said", [
    HEARD, "It's end log n because of the sort.", "n login overall", "That's O(n) extra space.",
    "oh of one per lookup", "in squared in the worst case", "constant time for each insert",
    "it's quadratic", "the traversal is v plus e", "m log k for the query",
])
def test_complexities_as_speech_recognition_writes_them(said):
    assert states_complexity(said)


@pytest.mark.parametrize("said", [
    "I'd sort the intervals by start and then merge them.", "we log the events to a file",
    "I would use a linear model first", "The logs and metrics go to the dashboard.",
])
def test_other_words_state_no_complexity(said):
    assert not states_complexity(said)


def test_only_a_follow_up_that_asks_for_a_complexity_is_read_this_way():
    assert asks_about_complexity(COMPLEXITY.text)
    assert asks_about_complexity("What's the time and space complexity in terms of tasks and dependencies?")
    assert not asks_about_complexity("Would a linear model do as well?")


def test_the_complexity_follow_up_is_not_asked_after_the_complexity_was_heard():
    matcher = Matcher(None)  # keywords only, as without the meaning model
    assert not matcher.follow_up_needed(HEARD, COMPLEXITY)
    assert matcher.follow_up_needed("I'd sort the intervals by start and then merge them.", COMPLEXITY)


def test_a_follow_up_about_something_else_is_not_skipped_by_a_complexity():
    tests = FollowUp("tests", "Which test cases would you write?", ("edge case", "empty input"))
    assert Matcher(None).follow_up_needed(HEARD, tests)
