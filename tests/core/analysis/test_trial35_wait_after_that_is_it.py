"""Trial 35 D12: after "...show help links first. That's it." the interviewer stayed silent for
6 s, then the candidate added a sentence. That silence was "[pause 6.3 s]" and "Long pause:
Paused 6.3 s after 'it.'": the candidate had handed the turn back, so it is a wait for the
interviewer ("[waited 6.3 s]"), as waits after a reply are (trial 34 D7), in any part. A silence
after an ordinary sentence is still the candidate's own pause."""
import pytest

from interviewer.core.analysis.marks import transcript_marks
from interviewer.core.analysis.report import analyze_answer, is_candidate_long_pause

from .speech import spoken

STORY = ("The customer could not find the export button, so I sat with them and we changed the page to "
         "show help links first.")


@pytest.mark.parametrize("clarifying", [False, True])
def test_a_silence_after_that_is_it_is_a_wait_for_the_interviewer(clarifying):
    a = analyze_answer(spoken(f"{STORY} That's it. [6.3] And the tickets about it went down the next month."),
                       expects_clarifying=clarifying)
    silences = [f for f in a.findings if f.kind in ("went_silent", "long_pause", "waited")]
    assert [f.kind for f in silences] == ["waited"], [f.message for f in silences]
    assert silences[0].message.endswith("for the interviewer to take the turn."), silences[0].message
    assert not [p for p in a.pauses if is_candidate_long_pause(a.words, p, clarifying)], "no long pause"
    marks = [m for m in transcript_marks(a.to_dict()) if m.kind == "pause" and m.seconds >= 5]
    assert [m.detail for m in marks] == ["wait"]  # "[waited 6.3 s]" in every transcript


def test_a_silence_after_a_plain_sentence_is_still_a_long_pause():
    a = analyze_answer(spoken(f"{STORY} [6.3] And the tickets about it went down the next month."),
                       expects_clarifying=False)
    assert [p for p in a.pauses if is_candidate_long_pause(a.words, p, False)]
