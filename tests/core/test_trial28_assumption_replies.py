"""Trial 28 item 4, the coding round "merging user sessions". In the Clarify part "I'll assume the
input fits in memory unless you tell me otherwise." (heard "I assume they didn't put fits in memory
unless you tell me otherwise."), then a wait, got the no-fact reply "Good question. Make a
reasonable assumption, say it out loud, and go on.", right after the candidate had made one. Every
form of an assumption handed over gets the assumption reply: the fact that confirms or corrects
it (after "Good check."), else the confirmation. And in the code walk-through "Otherwise I append
it." heard "... I extend the end. Uh, er, why not up end it?" got the same no-fact reply: a
statement with a "?" and no question wording, run into the candidate's narration of their code,
gets no reply there; worded questions in the code part still do."""
from __future__ import annotations

import pytest

from test_round_controller import step
from test_round_turns import ask, make

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import ASSUMPTION_REPLY, checks_assumption
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.trailing_questions import CHECK_ACK, marked_statement_in_narration, trailing_questions
from interviewer.resources import bundled_scripts_dir

from test_trailing_question import _words

SCRIPT = next(s for s in discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts").scripts
              if s.id == "coding_intervals")
PROBLEM = SCRIPT.questions[0]
NO_FACT = PROBLEM.no_fact_reply
HEARD = "I assume they didn't put fits in memory unless you tell me otherwise."  # as tiny.en wrote it

ASSUMPTIONS = [
    HEARD,
    "I'll assume the input fits in memory unless you tell me otherwise.",
    "I assume the timestamps are whole seconds.",
    "I'm assuming the timestamps are whole seconds.",
    "So I'll assume the timestamps are whole seconds.",
    "Can I assume the timestamps are whole seconds?",
    "The timestamps are whole seconds, correct me if I'm wrong.",
    "I also assume they're whole seconds, correct me if I'm wrong.",  # opening misheard
]


def _fact(name: str) -> str:
    return next(t.fact for t in PROBLEM.clarifying_topics if t.name == name)


@pytest.mark.parametrize("said", ASSUMPTIONS)
def test_every_form_of_an_assumption_handed_over_is_checked(said):
    assert checks_assumption(said)


@pytest.mark.parametrize("said", ["I sort them by start time.", "What is the input size?",
                                  "Assume nothing about the order.", "I'd use a heap, I think."])
def test_statements_and_questions_are_no_assumption_checks(said):
    assert not checks_assumption(said)


@pytest.mark.parametrize("said", [HEARD, "I assume the timestamps are whole seconds.",
                                  "So I'll assume the timestamps are whole seconds.",
                                  "The timestamps are whole seconds, correct me if I'm wrong."])
def test_an_assumption_no_fact_fits_is_confirmed_not_told_to_make_one(said):
    assert ClarifyingResponder(PROBLEM, None, SCRIPT).reply(said) == (None, ASSUMPTION_REPLY)


@pytest.mark.parametrize("said, topic", [
    ("I'll assume the input is sorted.", "sorted input"),
    ("I'm assuming the input is sorted, correct me if I'm wrong.", "sorted input"),
    ("I'll assume the list is already in order unless you tell me otherwise.", "sorted input"),
    ("Okay, I'll assume sessions that touch don't merge.", "touching sessions"),
])
def test_an_assumption_a_fact_answers_gets_that_fact(said, topic):
    reply = ClarifyingResponder(PROBLEM, None, SCRIPT).reply(said)
    assert reply == (topic, _fact(topic))


def _round(tmp_path, matcher=None):
    """In the coding round's Clarify part, the interviewer answering with `matcher` (None: keywords)."""
    responders = {q.id: ClarifyingResponder(q, matcher, SCRIPT) for q in SCRIPT.questions}
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=SCRIPT, answerer_for=lambda question_id: responders.get(question_id))
    controller.start()
    for _ in range(400):
        answer = controller.current_answer
        if answer is not None and answer.question_id == PROBLEM.id and not speaker.busy:
            break
        step(clock, speaker, controller, 0.5)
        if controller.current_answer is not None and controller.current_answer.question_id is None \
                and engine.current_phase.id == "intro" and not speaker.busy:
            ask(controller, recorder, "Hi, I work on ranking models. That's it.", pause=0.6)
            controller.end_answer()
    assert engine.current_phase.id == "clarify"
    return clock, engine, speaker, recorder, controller


def test_the_trial_assumption_in_the_clarify_part_is_confirmed(tmp_path):
    clock, engine, speaker, recorder, controller = _round(tmp_path)
    ask(controller, recorder, HEARD)
    assert speaker.said[-1] == ASSUMPTION_REPLY and NO_FACT not in speaker.said


@pytest.mark.parametrize("said", ["I'll assume the input is sorted unless you tell me otherwise.",
                                  "The input is already sorted, correct me if I'm wrong."])
def test_an_assumption_a_fact_contradicts_is_corrected_after_good_check(tmp_path, said):
    clock, engine, speaker, recorder, controller = _round(tmp_path)
    ask(controller, recorder, said)
    assert speaker.said[-1] == f"{CHECK_ACK} {_fact('sorted input')}"


WALK_THROUGH = ("Let me talk through the code. I sort, I start, keep a list of merge sessions, and for each "
                "session, if it starts before or at the end on the last one, I extend the end. Uh, er, "
                "why not up end it?")


def test_a_marked_statement_run_into_narration_is_found():
    words = _words(WALK_THROUGH)
    assert [marked_statement_in_narration(words, q) for q in trailing_questions(words)] == [True]
    for asked in ("I extend the end. Should I handle the empty list here?",  # worded: a question
                  "The empty list?",  # said first in the turn: may ask
                  "I extend the end. What's the complexity of sorting?"):
        words = _words(asked)
        assert [marked_statement_in_narration(words, q) for q in trailing_questions(words)] == [False], asked


def _in_code_part(tmp_path):
    clock, engine, speaker, recorder, controller = _round(tmp_path)
    for _ in range(200):
        if engine.current_phase.id == "code" and controller.current_answer is not None and not speaker.busy:
            break
        if controller.current_answer is not None and not speaker.busy and clock.now() % 10 < 0.5:
            controller.next_part()
        step(clock, speaker, controller, 0.5)
    assert engine.current_phase.id == "code" and controller.current_answer is not None
    return clock, engine, speaker, recorder, controller


def test_a_marked_statement_in_the_code_walk_through_gets_no_reply(tmp_path):
    clock, engine, speaker, recorder, controller = _in_code_part(tmp_path)
    said = len(speaker.said)
    ask(controller, recorder, WALK_THROUGH)
    for _ in range(4):
        step(clock, speaker, controller, 0.25)
    assert speaker.said[said:] == []


def test_a_worded_question_in_the_code_walk_through_is_still_answered(tmp_path):
    clock, engine, speaker, recorder, controller = _in_code_part(tmp_path)
    ask(controller, recorder, "I sort them first and keep a list of merged sessions. "
                              "Can the list of sessions be empty?")
    assert speaker.said[-1] == _fact("edge cases")
