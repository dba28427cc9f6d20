"""A candidate checking an assumption, then waiting (trial 14, the Requirements part of a design
round: "So the feed is for logged-in users only." was met by silence): in a part for clarifying
questions the interviewer confirms or corrects it with the fact the same matcher as for a
question ties it to, after a short acknowledgement. Not the candidate's own plan, not outside
the clarify part, not a statement tied to no fact; and the analysis stays the question
detector's (a check it does not count is not kept as an answered clarifying question)."""
import pytest

from test_round_turns import at_feed_question, ask
from test_trailing_question import _words

from interviewer.core.trailing_questions import (
    CHECK_ACK, STATED_QUESTION_WAIT_S, checks_understanding, confirmation_check,
)

SCALE_FACT = "About fifty million daily users, peaking at twenty thousand requests per second."


class UsersAnswerer:
    """Ties anything about users to the scale fact; the rest to no fact."""

    def __init__(self):
        self.asked = []

    def reply(self, question):
        self.asked.append(question)
        if "users" in question.lower():
            return "scale", SCALE_FACT
        return None, "Good question. Make a reasonable assumption and state it."


CHECKS = [
    "So the feed is for logged-in users only.",
    "So the feed is for logged in user only.",  # as Whisper wrote it in the trial
    "I assume we have about fifty million daily users.",
    "I'm assuming the latency budget is two hundred milliseconds.",
    "I take it new uploads should be eligible quickly.",
    "Um, so I guess the catalogue is about a hundred million videos.",
    "Just to confirm, the ranking runs on every feed request.",
    "The goal is watch time, right?",
    "And the users are mostly on phones, correct?",
]
NEAR_MISSES = [
    "So the first thing I'd check is the data.",  # the candidate's plan
    "I'd start with the logs.",
    "So I'm going to sketch the retrieval stage.",
    "So we sort them by start time.",  # what they do
    "So what is the latency budget?",  # a question of its own: answered as one, no check
    "The feed is for logged-in users only.",  # no check marker: a statement
    "So that's it.",  # a hand-back
    "So fifty million users, okay.",  # the interviewer's words said back
    "So the latency...",  # cut off
    "So the feed is for logged-in users only, and the ranking service would read a feature store "
    "keyed by user and video, refreshed every few minutes from the stream.",  # an explanation
]


@pytest.mark.parametrize("said", CHECKS)
def test_a_check_of_an_assumption_counts(said):
    assert checks_understanding(said)
    assert confirmation_check(_words("Okay. " + said)) == said


@pytest.mark.parametrize("said", NEAR_MISSES)
def test_near_misses_are_no_check(said):
    assert confirmation_check(_words(said)) is None


def test_the_counts_of_checks_and_near_misses():
    assert sum(confirmation_check(_words(s)) is not None for s in CHECKS) == len(CHECKS)
    assert sum(confirmation_check(_words(s)) is not None for s in NEAR_MISSES) == 0


def _in_clarify(tmp_path, answerer):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    assert engine.current_phase.id == "clarify" and engine.current_phase.expects_clarifying
    return clock, engine, speaker, recorder, controller


def test_a_check_statement_in_the_clarify_part_gets_its_fact_after_an_acknowledgement(tmp_path):
    answerer = UsersAnswerer()
    clock, engine, speaker, recorder, controller = _in_clarify(tmp_path, answerer)
    ask(controller, recorder, "Hi, I'm Sam. So the feed is for logged-in users only.", pause=2.8)
    assert answerer.asked == []  # a thinking pause is left alone
    controller.on_silence(STATED_QUESTION_WAIT_S)
    controller.poll()
    assert speaker.said[-1] == f"{CHECK_ACK} {SCALE_FACT}"
    assert controller.current_answer is not None and controller.current_answer.ended_by is None


def test_a_check_statement_ended_with_the_end_key_is_confirmed_and_not_counted(tmp_path):
    """Said and Space pressed: confirmed, the candidate goes on asking; nothing the question
    detector does not count is kept as a clarifying exchange."""
    answerer = UsersAnswerer()
    clock, engine, speaker, recorder, controller = _in_clarify(tmp_path, answerer)
    answer = controller.current_answer
    ask(controller, recorder, "So the feed is for logged-in users only.")
    assert controller.end_answer()
    for _ in range(8):
        clock.advance(0.25)
        controller.poll()
    assert f"{CHECK_ACK} {SCALE_FACT}" in speaker.said
    assert answer.clarifications == []
    assert engine.current_phase.id == "clarify"


def test_a_plan_or_a_statement_tied_to_no_fact_gets_nothing(tmp_path):
    answerer = UsersAnswerer()
    clock, engine, speaker, recorder, controller = _in_clarify(tmp_path, answerer)
    said = len(speaker.said)
    ask(controller, recorder, "So the first thing I'd check is what users watch.", pause=STATED_QUESTION_WAIT_S + 0.5)
    ask(controller, recorder, "So the feed is for everyone.", pause=STATED_QUESTION_WAIT_S + 0.5)
    assert not any(CHECK_ACK in s for s in speaker.said[said:])
    assert len(speaker.said) == said


def test_outside_the_clarify_part_a_check_statement_gets_no_acknowledgement(tmp_path):
    answerer = UsersAnswerer()
    clock, engine, speaker, recorder, controller = _in_clarify(tmp_path, answerer)
    for _ in range(40):  # past the grace in which N is the move-on into the clarify part
        clock.advance(0.25)
        speaker.tick()
        controller.poll()
    assert controller.next_part()
    for _ in range(40):
        clock.advance(0.25)
        speaker.tick()
        controller.poll()
        if controller.current_answer is not None and controller.current_answer.question_id == "features":
            break
    assert engine.current_phase.id == "design" and not engine.current_phase.expects_clarifying
    said = len(speaker.said)
    ask(controller, recorder, "So the feed is for logged-in users only.", pause=STATED_QUESTION_WAIT_S + 0.5)
    assert not any(CHECK_ACK in s for s in speaker.said[said:])
