"""Trial 33 defect 5: "Slow start: Took 4.0 s to start answering" before "When would you choose
gradient-boosted trees over a neural network?", and 3.4 s before "Which test cases would you
write?". Coaches advise a few seconds (3 to 5 s) to collect one's thoughts before a technical
answer: that is no slow start. A pause an interviewer notices (from SLOW_START_S) still is, and
one as long as "went silent" is a freeze to work on."""
from interviewer.core.analysis.report import SLOW_START_S, analyze_answer
from tests.core.analysis.speech import spoken

ANSWER = "Trees for tabular data with mixed features, neural networks for images, text and audio."
QUESTION = "When would you choose gradient-boosted trees over a neural network?"


def _slow_starts(start: float):
    analysis = analyze_answer(spoken(ANSWER, start=start), question_text=QUESTION, round_kind="ml_breadth")
    return [(f.message, f.severity) for f in analysis.findings if f.kind == "response_latency"]


def test_a_few_seconds_to_think_before_a_hard_question_is_no_slow_start():
    for start in (3.4, 4.0, 4.6, 5.0):  # trial 33's four "Slow start" notes
        assert not _slow_starts(start), start


def test_a_pause_an_interviewer_notices_is_still_said_and_a_freeze_is_a_problem():
    [(message, severity)] = _slow_starts(SLOW_START_S + 1.5)
    assert message.startswith("Took 7.5 s") and severity == "note"
    [(_, severity)] = _slow_starts(14.0)
    assert severity == "problem"
