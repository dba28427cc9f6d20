"""Trial 36 (D12 sub-item): inside the ownership story, the candidate's own gaps between sentences
were shown as "[waited 2.4 s]" and "[waited 2.5 s]", though the legend says "waited" is a wait
for the interviewer. The transcript marked every silence of 2 s or more that was no long pause
as a wait; a breath after a finished sentence (under the sentence-break length) is neither. The
mark now follows the one rule of the review's "Waited ..." finding (report.is_wait_for_interviewer),
and its number is the pause measured."""
import pytest

from interviewer.core.analysis.marks import transcript_marks
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import candidate_waits

from .speech import spoken

STORY = ("But my ranking model trained on its output, and every failure meant a stale model the next day. [2.4] "
         "I decided to take it on. I wrote a run book and built a lock. [2.5] "
         "And the result: failures dropped from eight a month to zero.")


def _pause_marks(a):
    return [m for m in transcript_marks(a.to_dict()) if m.kind == "pause"]


def test_a_breath_between_the_candidates_sentences_is_marked_a_pause_not_a_wait():
    a = analyze_answer(spoken(STORY), expects_clarifying=False)
    marks = _pause_marks(a)
    assert [m.detail for m in marks] == ["", ""], [(m.text, m.detail) for m in marks]  # "[pause ...]"
    # The number shown is the pause measured.
    assert [m.text for m in marks] == [f"{p.length:.1f} s" for p in a.pauses]
    assert not [f for f in a.findings if f.kind == "waited"]
    assert candidate_waits(a.to_dict()) == []


@pytest.mark.parametrize("clarifying", [False, True])
def test_marks_say_waited_exactly_where_the_review_says_waited(clarifying):
    a = analyze_answer(spoken(STORY), expects_clarifying=clarifying)
    waited = sorted(round(f.start, 3) for f in a.findings if f.kind == "waited")
    marked = sorted(round(m.start, 3) for m in _pause_marks(a) if m.detail == "wait")
    assert marked == waited


def test_a_wait_after_the_interviewers_reply_is_still_marked_waited():
    """The stored answer of trial 36: 6.7 s after the interviewer's reply ("before" is "") is a
    wait; the 2.4 s after "day." is the candidate's own pause."""
    words = [{"text": t, "start": s, "end": s + 0.3} for t, s in
             [("Should", 15.0), ("it", 15.4), ("be", 15.8), ("technical?", 16.2),
              ("Okay.", 24.1), ("It", 24.6), ("failed", 25.0), ("every", 25.4), ("day.", 25.8),
              ("I", 28.5), ("fixed", 28.9), ("it.", 29.3)]]
    analysis = {"words": words, "fillers": [], "filler_words": [], "expects_clarifying": False,
                "pauses": [{"start": 16.5, "end": 24.1, "duration": 7.6, "before": "", "word_index": 4},
                           {"start": 26.1, "end": 28.5, "duration": 2.4, "before": "day.", "word_index": 9}]}
    marks = [m for m in transcript_marks(analysis) if m.kind == "pause"]
    assert [(m.text, m.detail) for m in marks] == [("7.6 s", "wait"), ("2.4 s", "")]
