"""Trial 30 defect 2: the review's "To work on" read "1. 00:56 Topic areas missed: Edge cases,
Failure analysis and Tradeoffs. 2. 01:17 Went silent for 22.3 s; think aloud instead." A 22 s
freeze is what a coach names first. "To work on" is ranked by how much a problem matters
(ten_seconds.problem_rank), not by time or by the order it was assembled in: a freeze, then the
topic areas missed, then the rest. The review, the exports and `sessions show` print that order."""
from types import SimpleNamespace

from interviewer.core.analysis.ten_seconds import TOPIC_AREAS_MISSED, ten_seconds


def _finding(answer_id, kind, message, start, end):
    return SimpleNamespace(kind=kind, message=message, answer_id=answer_id, start=start, end=end,
                           details={"severity": "problem"})


def _session(*findings):
    answers = [SimpleNamespace(id=i, question_id=None if i == 1 else "context", answer_start=a,
                               transcript=None, analysis={})
               for i, a in ((1, 1.8), (3, 56.1), (4, 131.9), (6, 170.7))]
    return SimpleNamespace(answers=answers, findings=list(findings))


def test_a_long_silence_comes_before_the_topic_areas_missed():
    # Trial 30 round 1: the 22.3 s silence at 01:17, and three topic areas missed.
    session = _session(_finding(3, "went_silent", "Went silent for 22.3 s; think aloud instead.", 21.0, 43.3))
    _, bad = ten_seconds(session, (), ["edge cases", "failure analysis", "tradeoffs"])
    assert [h.text for h in bad.items] == ["Went silent for 22.3 s; think aloud instead.",
                                           "Topic areas missed: Edge cases, Failure analysis and Tradeoffs."]


def test_a_slow_start_as_long_as_a_freeze_also_comes_first_and_small_problems_after_the_areas():
    session = _session(
        _finding(6, "fillers", "4 filler words in a short answer of 30 words.", 1.0, 9.0),
        _finding(4, "response_latency", "Took 14.3 s to start answering.", 0.0, 14.3))
    _, bad = ten_seconds(session, (), ["tradeoffs"])
    assert [h.label for h in bad.items] == ["Slow start", TOPIC_AREAS_MISSED, "Fillers"]
