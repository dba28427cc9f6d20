"""Trial 34, D7: outside a clarifying part, the candidate asked for the time left and got the
interviewer's reply, then was silent before answering the question: 8.2 s after "How much time do
I have for this part?" was "[waited 8.2 s]" with the note "Waited 8.2 s after the interviewer's
reply", but 10.0 s after "How much time is left in the round?" was "[pause 10.0 s]", a long pause,
and To work on #2 "Went silent for 10.0 s; think aloud instead." The rule cut at the went-silent
length (10 s) after a reply, where a clarifying part has no such cut: one rule now, the silence
right after the interviewer's reply is a wait, whatever its length."""
import pytest

from interviewer.core.analysis.report import analyze_answer, is_candidate_long_pause

from .speech import spoken


def _after_reply(wait: float):
    t = spoken(f"How much time is left in the round? [{wait + 5.5}] I split the estimate into kitchen prep "
               "time, travel to the restaurant, waiting, and the drive to the customer. That's it.")
    asked_end = t.words[7].end  # "round?"
    reply = (asked_end + 0.5, asked_end + 5.5)  # the interviewer's 5 s answer, then `wait` s of quiet
    return analyze_answer(t, interviewer_speech=[reply], expects_clarifying=False)


@pytest.mark.parametrize("wait", [8.2, 10.0, 14.0])
def test_a_silence_after_the_interviewers_reply_is_a_wait_whatever_its_length(wait):
    a = _after_reply(wait)
    silences = [f for f in a.findings if f.kind in ("went_silent", "long_pause", "waited")]
    assert [f.kind for f in silences] == ["waited"], [f.message for f in silences]
    assert silences[0].message == f"Waited {silences[0].end - silences[0].start:.1f} s after the interviewer's reply."
    assert silences[0].severity == "note"
    assert not [p for p in a.pauses if is_candidate_long_pause(a.words, p, False)], "no long pause"


def test_the_wait_is_measured_from_the_end_of_the_reply():
    [wait] = [f for f in _after_reply(10.0).findings if f.kind == "waited"]
    assert wait.message == "Waited 10.0 s after the interviewer's reply."
