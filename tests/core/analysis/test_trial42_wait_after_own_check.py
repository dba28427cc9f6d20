"""Trial 42 defect 1, the review: after the candidate's check "Sorry, just to be sure. If a
session ends at second five, ..., my merge name into one..." the interviewer said nothing, and the
review's findings read "Waited 11.1 s after "one..." while clarifying.", as if the candidate had
kept the interviewer waiting. A wait right after the candidate's own question (or a check they
announced) is the interviewer's turn: "Waited ... for the interviewer's reply.". A silence after
the interviewer's reply is still the candidate's, "while clarifying"."""
from interviewer.core.analysis.report import analyze_answer

from .speech import spoken

# The trial's answer to the clarify part as heard, its silences as the review measured them.
HEARD = ("Um, before I start, how big can we input get? Like how many sessions? [5.1] Okay, and do two sessions, "
         "not just touch, where one ends and exactly when the next starts, come to overlapping... [5.2] Sorry, "
         "just to be sure. If a session ends at second five, and a hammer starts at second five, my merge name "
         "into one... [11.1] And this input already sorted my start time. [7.1] Got it! That's all my questions.")


def _waits(said: str) -> list[str]:
    return [f.message for f in analyze_answer(spoken(said), expects_clarifying=True).findings if f.kind == "waited"]


def test_the_wait_after_the_candidates_own_check_is_the_interviewers_turn():
    [after_check] = [w for w in _waits(HEARD) if w.startswith("Waited 11.1 s")]
    assert after_check == 'Waited 11.1 s after "one..." for the interviewer\'s reply.'


def test_a_wait_after_a_question_is_for_the_reply_and_after_a_statement_stays_while_clarifying():
    asked = _waits("How many merchants are there? [6.4] Okay, I'll assume a million.")
    assert asked == ['Waited 6.4 s after "there?" for the interviewer\'s reply.']
    told = _waits("How many merchants are there? [1.0] Okay. I'll assume a million merchants. [6.4] Fine.")
    assert [w for w in told if w.startswith("Waited 6.4")] == ['Waited 6.4 s after "merchants." while clarifying.']
