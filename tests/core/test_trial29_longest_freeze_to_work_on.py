"""Trial 29 item D5: "To work on: Nothing to fix was flagged in this round." stood beside "Slow
start: Took 14.3 s to start answering" (which drew "Remember to think out loud.") and "Took 11.2
s"; a 22.3 s freeze before a follow-up was not in "To work on" at all, its top item a 12.7 s
silence. A slow start as long as "went silent" is a freeze: a problem, and the round's longest
freeze is the first finding to work on, in rounds stored before the rule too."""
from types import SimpleNamespace

from interviewer.core.analysis.report import analyze_answer, finding_severity
from interviewer.core.analysis.ten_seconds import ten_seconds
from tests.core.analysis.speech import spoken


def _finding(answer_id, kind, message, start, end, severity):
    return SimpleNamespace(kind=kind, message=message, answer_id=answer_id, start=start, end=end,
                           details={"severity": severity})


def _session(*findings):
    answers = [SimpleNamespace(id=i, question_id="q", answer_start=10.0 * i, transcript=None, analysis={})
               for i in range(1, 8)]
    return SimpleNamespace(answers=answers, findings=list(findings))


def test_slow_starts_stored_as_notes_are_to_work_on_not_nothing_to_fix():
    # Round 2 of the trial, as stored then: every slow start a note.
    session = _session(_finding(1, "response_latency", "Took 3.9 s to start answering.", 0.0, 3.896, "note"),
                       _finding(2, "response_latency", "Took 14.3 s to start answering.", 0.0, 14.332, "note"),
                       _finding(3, "response_latency", "Took 11.2 s to start answering.", 0.0, 11.172, "note"))
    _, bad = ten_seconds(session)
    assert [h.text for h in bad.items] == ["Slow start: Took 14.3 s to start answering.",
                                           "Slow start: Took 11.2 s to start answering."]
    assert finding_severity("response_latency", 0.0, 3.896, {"severity": "note"}) == "note"  # 3.9 s: a note


def test_the_longest_freeze_is_the_first_thing_to_work_on():
    # Round 1 of the trial: a 22.3 s freeze, 6 fillers after it, 12.7 s silent after "and...",
    # and two more went-silent moments (the kind seen most often, listed first before).
    session = _session(
        _finding(4, "response_latency", "Took 22.3 s to start answering.", 0.0, 22.264, "note"),
        _finding(4, "fillers", "6 filler words in a short answer of 23 words, all within 10 s.", 22.264, 32.3,
                 "problem"),
        _finding(7, "went_silent", "Went silent for 12.7 s after \"and...\"; think aloud instead.", 21.852, 34.58,
                 "problem"),
        _finding(5, "went_silent", "Went silent for 10.5 s after \"so\"; think aloud instead.", 3.0, 13.5, "problem"),
        _finding(6, "went_silent", "Went silent for 11.0 s after \"then\"; think aloud instead.", 3.0, 14.0, "problem"))
    _, bad = ten_seconds(session)
    assert bad.items[0].text == "Slow start: Took 22.3 s to start answering."
    assert len(bad.items) == 3 and any(h.label == "Went silent" for h in bad.items)


def test_a_new_analysis_files_a_long_start_as_a_problem():
    for start, severity in ((14.3, "problem"), (7.0, "note")):
        analysis = analyze_answer(spoken("So we kept the features in one store and served them online.", start=start))
        [slow] = [f for f in analysis.findings if f.kind == "response_latency"]
        assert slow.severity == severity and slow.message.startswith(f"Took {start:.1f} s")
