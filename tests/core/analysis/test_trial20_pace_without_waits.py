"""Trial 20 item 9: the clarifying part of a phone screen read "206 / 57 wpm" (while speaking /
with pauses), and the round "143 with pauses": the interviewer's replies to the candidate's
clarifying questions, and the waits for them, counted as the candidate's pauses. The pace with
pauses is now the candidate's time only; the round's sums the answers' (summary.summarize)."""
import pytest

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, summarize
from tests.core.analysis.speech import spoken

# Three clarifying sentences with a reply after each of the first two ([12] and [11] s gaps).
CLARIFYING = ("How many model versions are there in total? [12] I'm assuming the list of versions fits in "
              "memory. Is that right? [11] That's all my questions.")


def _analysis(replies):
    transcript = spoken(CLARIFYING)
    ends = [w.end for w in transcript.words if w.text.endswith("?")]
    assert len(ends) == 2
    speech = [(ends[0] + 1.0, ends[0] + 3.0), (ends[1] + 1.0, ends[1] + 4.0)] if replies else []
    return analyze_answer(transcript, expects_clarifying=True, expected_topics=[("scale", ("versions",))],
                          interviewer_speech=speech)


def test_waiting_for_the_interviewer_does_not_lower_the_candidates_pace():
    analysis = _analysis(replies=True)
    pace = analysis.to_dict()["pace"]
    # Some 23 s of replies and waits in a 30 s span: the pace with pauses was a third of the rate.
    assert pace["wpm"] == pytest.approx(pace["articulation_wpm"], rel=0.25)
    assert pace["speaking_seconds"] < 10


def test_the_round_pace_is_the_sum_of_the_answers_candidate_time():
    analysis = _analysis(replies=True).to_dict()
    numbers = summarize([Part(1, "q", None, "Find the first bad version.", 0.0, 0.0, 40.0, analysis)])
    assert numbers.pace_wpm == pytest.approx(analysis["pace"]["wpm"], abs=0.2)
