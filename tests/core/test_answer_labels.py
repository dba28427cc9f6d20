"""New-user trial 17: the review's per-answer table labelled answers "You're ...", "We're ...",
"That ...": the line the interviewer said, transition first ("We're about two minutes in. Let's
move from clarifying to your approach. Talk me through..."). An answer is labelled by what it
answers; the whole line stays its `question`."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.summary import AnswerNumbers
from interviewer.core.phase_prompts import asked_part


@pytest.mark.parametrize("said, asked", [
    ("We're about two minutes in. Let's move from clarifying to your approach. Talk me through how you'd "
     "solve it and what it costs before you write any code.",
     "Talk me through how you'd solve it and what it costs before you write any code."),
    ("That sounds reasonable. Go ahead and code it up in the scratchpad, and keep talking as you go so I "
     "can follow your thinking.",
     "Go ahead and code it up in the scratchpad, and keep talking as you go so I can follow your thinking."),
    ("We're about six minutes in. We have about three minutes left. What questions do you have for me?",
     "What questions do you have for me?"),
    ("That's fine. Let's move on. How would you test it?", "How would you test it?"),
    ("About ten minutes in. Let's move to the design.", "Let's move to the design."),  # the ask itself stays
    # A question is kept whole.
    ("Tell me about a time you had a serious conflict with a peer. What did you do?",
     "Tell me about a time you had a serious conflict with a peer. What did you do?"),
    ("Why?", "Why?"),
])
def test_an_answer_is_labelled_by_the_question_it_answers(said, asked):
    assert asked_part(said) == asked
    numbers = AnswerNumbers(part_ids=[1], question_id="", follow_up_id=None, question=said, start=0.0,
                            duration=1.0, words=1, fillers=0, filler_words=[], filler_rate=None, pace_wpm=None,
                            articulation_wpm=None, long_pauses=0, response_latency=None, clarifying_asked=0)
    assert numbers.asked == asked and numbers.question == said
