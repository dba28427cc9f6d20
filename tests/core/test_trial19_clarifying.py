"""Trial 19 (ML system design, product search): a hand-back and a misheard statement counted as
clarifying questions, and an assumption checked in its own sentence ("I'm assuming ... for now.
Isn't that right?") answered "Make a reasonable assumption"."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.questions import find_questions
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import ASSUMPTION_REPLY, checks_assumption, wraps_up
from interviewer.core.scripts.model import ClarifyingTopic, Question
from interviewer.core.trailing_questions import trailing_question, trailing_questions
from interviewer.core.transcript import Word


def _words(text: str, gap_after: dict[int, float] | None = None) -> list[Word]:
    out, t = [], 0.0
    for i, w in enumerate(text.split()):
        out.append(Word(w, t, t + 0.25))
        t += 0.3 + (gap_after or {}).get(i, 0.0)
    return out


def _questions(text: str) -> list[str]:
    return [q.text for q in find_questions(split_utterances(tokenize(_words(text))), {})]


HAND_BACKS = ["Does that answer your question?", "Doesn't that answer your question?",
              "Doesn't have to answer your question?", "Did that answer your question?",
              "Does it answer the question?", "Did that answer the question?"]


@pytest.mark.parametrize("hand_back", HAND_BACKS)
def test_a_hand_back_and_its_misheard_takes_are_no_clarifying_question(hand_back):
    assert wraps_up(hand_back) and wraps_up(hand_back.rstrip("?") + ".")
    answer = ("We'd join purchases back to the search that led to them within a 24 hour window, giving "
              f"credit to the last search that showed the product. {hand_back}")
    assert _questions(answer) == []


def test_questions_about_answering_the_question_still_ask():
    assert not wraps_up("How do you answer the question of cost?")
    assert _questions("Does the model have to answer within 100 milliseconds?")


def test_a_statement_misheard_to_open_with_may_is_no_question():
    """3:08 of the design answer: "Data freshness and null rates ..." heard as "May the freshest
    and all rates ..." was counted as an inverted-auxiliary question."""
    said = ("May the freshest and all rates in the feature pipeline, latency at V99 and online business "
            "metrics like click rate and zero result rate on a dashboard with alerts.")
    assert _questions(said) == []
    assert _questions("May I assume the catalogue is English only?")


ENGLISH = ClarifyingTopic("users", ("users", "shoppers"))  # no fact: as in the product-search script
SUCCESS = ClarifyingTopic("success metric", ("success", "purchases"),
                          "The business tracks purchases per search and revenue per search.")
SEARCH = Question("design_search", "Design the system that ranks search results.", "requirements",
                  (ENGLISH, SUCCESS), no_fact_reply="Good question. Make a reasonable assumption, say it out loud, and go on.")

CHECKS = ["I'm assuming we only need to rank results for English language queries for now. Is that right?",
          "I'm assuming we only need to rank results for English language we are in for now. Isn't that right?",
          "I'm assuming we only need to rank results for English language queries for now, right?",
          "I assume we only rank English queries for now. Correct?"]


@pytest.mark.parametrize("said", CHECKS)
def test_the_live_round_hears_the_assumption_with_its_check(said):
    """The text the interviewer answers holds the assumption, not "Isn't that right?" alone."""
    asked = trailing_questions(_words(said))
    assert asked and asked[-1].startswith("I"), asked
    assert "English" in asked[-1]
    assert checks_assumption(asked[-1])


@pytest.mark.parametrize("said", CHECKS)
def test_an_assumption_check_no_fact_answers_is_confirmed(said):
    reply = ClarifyingResponder(SEARCH).reply(trailing_question(_words(said)))
    assert reply == (None, ASSUMPTION_REPLY)


def test_an_assumption_check_about_a_topic_without_a_fact_is_confirmed():
    responder = ClarifyingResponder(SEARCH)
    assert responder.reply("I'm assuming the users are shoppers on the website. Is that right?").text == ASSUMPTION_REPLY
    # A fact still answers the check; a question about a topic without one still gets the no-fact reply.
    assert responder.reply("I assume success means more purchases from search, right?").topic == "success metric"
    assert responder.reply("Who are the users?").text == SEARCH.no_fact_reply


def test_a_check_after_a_long_pause_is_not_joined():
    words = _words("I'm assuming English only for now. Is that right?", gap_after={5: 3.0})
    assert trailing_question(words) == "Is that right?"


def _asked(n: int, start: float = 1.0) -> dict:
    return {"clarifying_questions": [{"text": f"Question {i}?", "start": start + i, "end": start + i + 0.5,
                                      "topics": [], "cue": "question mark"} for i in range(n)]}


def test_an_answers_clarifying_count_says_the_rounds_beside_it():
    """Trial 19: the requirements answer's finding said "Asked 4 clarifying questions." and the
    round line, the exports and Progress 6 (2 more found in later answers). The round's count is
    summary's one number; an answer's finding says its own and the round's, each labelled."""
    from interviewer.core.analysis.report import questions_asked_finding
    from interviewer.core.analysis.summary import Part, finding_message, summarize

    parts = [Part(1, "design", None, "Design search.", 30.0, 40.0, 100.0, _asked(4), phase_id="requirements"),
             Part(2, "architecture", None, "Walk me through it.", 110.0, 112.0, 200.0, _asked(1), phase_id="high_level")]
    numbers = summarize(parts)
    assert numbers.clarifying_asked == 5
    four, one = questions_asked_finding(4, 1.0), questions_asked_finding(1, 1.0)
    assert finding_message(numbers, four.kind, four.message) == "Asked 4 clarifying questions in this answer (5 in the round)."
    assert finding_message(numbers, one.kind, one.message) == "Asked 1 clarifying question in this answer (5 in the round)."
    # All of the round's questions in one answer: the one count, said once.
    alone = summarize(parts[:1])
    assert finding_message(alone, four.kind, four.message) == "Asked 4 clarifying questions."
    assert finding_message(numbers, "long_pause", "Paused 6.8 s.") == "Paused 6.8 s."
