"""The candidate closes their questions the way people do, often opening with thanks ("Thanks,
that's all from me."): the round ends then, as with "No, I don't have any more questions." (a
user-written round sat silent to the end of its last part after "Thanks, that's all from me.")."""
import pytest

from interviewer.core.conversation_cues import declines_to_ask


@pytest.mark.parametrize("said", [
    "Thanks, that's all from me.", "Thank you, I have no more questions.", "Okay thanks, nothing else.",
    "No, thank you, that's all.", "No thanks, I'm good.", "Great, thanks, no more questions from me.",
    "Cool. That's all I had.", "That's everything from me.", "No thanks.",
    "What does the team work on? Thanks, that's all from me.",
    # A user's coding round: "Anything else?" -- "No, I think that's it. Thanks." left the round open.
    "No, I think that's it. Thanks.", "That's it for me, thank you.", "I think that's about it.",
])
def test_thanks_then_nothing_more_to_ask(said):
    assert declines_to_ask(said)


@pytest.mark.parametrize("said", ["Thanks.", "Thank you. What does the team work on?", "Thanks, that makes sense.",
                                  "Thanks, is there an on-call rotation?", "That's all the data we have?",
                                  "That's it?", "So that's it for the interview?"])
def test_thanks_alone_or_before_another_question_is_not_the_end(said):
    assert not declines_to_ask(said)
