"""Trial 42 D4: "Restated the problem before solving" was the first praise of two rounds, and
untrue in both: on "It cost me about two weeks, and yes, it was worth it." (a behavioral
follow-up's answer) and on a coding round's clarifying questions, whose "In other words, is it
okay to modify the list I'm given?" re-asked a question. A restatement says the problem again:
a phrase that announces one ("So the problem is ..."), or the question's own words."""
from __future__ import annotations

from interviewer.core.analysis import behavioral
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from tests.core.analysis.speech import spoken

CODING = ("You're given a list of user sessions from our logs. Each session has a start and an end timestamp in "
          "seconds, and the list is in no particular order. Merge all sessions that overlap and return the merged "
          "list sorted by start time. For example, sessions one to three, two to six and eight to ten become one "
          "to six and eight to ten.")
COST = "What did it cost you or the team, and was it worth it?"


def _restated(text: str, question: str | None) -> bool:
    t = spoken(text)
    return behavioral.restated_problem(split_utterances(tokenize(t.words), t.speech), question)


def test_clarifying_questions_led_by_in_other_words_restate_nothing():
    asked = ("Can the list be empty and what shall I return then? Can I sort the input in place? "
             "In other words, is it okay to modify the list I'm given?")
    assert not _restated(asked, CODING)
    assert not _restated("Just to make sure, can a session have no end?", CODING)


def test_a_direct_answer_to_a_short_question_restates_nothing():
    assert not _restated("It cost me about two weeks, and yes, it was worth it. That's it.", COST)


def test_a_behavioral_answer_gets_no_restated_praise():
    a = analyze_answer(spoken("It cost me about two weeks, and yes, it was worth it. That's it."),
                       question_text=COST, round_kind="behavioral")
    assert "restated_problem" not in {f.kind for f in a.findings}


def test_actual_restatements_still_count():
    assert _restated("So the problem is to merge overlapping sessions. First I sort them.", CODING)
    assert _restated("In other words, I merge the sessions that overlap and return them sorted by start time.",
                     CODING)
    assert _restated("Just to make sure: we merge all sessions that overlap and return the merged list sorted?",
                     CODING)
    a = analyze_answer(spoken("So the problem is to merge overlapping sessions. First I sort them by start."),
                       question_text=CODING, round_kind="coding")
    assert "restated_problem" in {f.kind for f in a.findings}
