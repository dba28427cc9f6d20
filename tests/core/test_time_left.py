""""How much time do I have for the coding part?" is answered for the part named, the round or
the question asked about, not always for the current part (trial 12: asked while clarifying,
the coding part's question got the minutes left for clarifying)."""
import pytest
from interviewer.core import interview_requests as requests
from interviewer.core.time_left import PartTime, RoundTimes, time_left_answer

from test_interview_requests import _at_feed, ask
from test_round_controller import step

# A coding round's parts (bundled names), 4 minutes into the 6-minute clarify part.
CODING = (PartTime("intro", "Introduction", 0, 120), PartTime("clarify", "Coding: clarify", 120, 480),
          PartTime("code", "Coding: solve", 480, 1980), PartTime("test", "Coding: test", 1980, 2460),
          PartTime("extend", "Coding: extension", 2460, 2460 + 240), PartTime("wrap_up", "Your questions", 2700, 2700))
NOW = 360.0


def _times(parts=CODING, current=1, now=NOW, question_ends=1980):
    return RoundTimes(parts, current, now, question_ends, frozenset({"wrap_up"}))


def _answer(text, **kwargs):
    assert requests.asks_time_left(text), text
    return time_left_answer(requests.time_scope(text), _times(**kwargs))


@pytest.mark.parametrize("text", ["How much time do I have for the coding part?", "How long is the coding part?",
                                  "Quick question, how much time will I have for coding?",
                                  "How much time is there for the implementation?"])
def test_a_later_part_named_by_its_words_gets_its_own_minutes(text):
    assert _answer(text) == "That part starts after this one, in about two minutes, and has about twenty-five minutes."


def test_a_part_after_the_next_says_when_it_starts():
    assert _answer("How much time do we have for testing?") == "That part starts in about twenty-seven minutes, and has about eight minutes."
    assert _answer("And how long do I get for my questions at the end?").startswith("That part starts in about thirty-nine minutes")


@pytest.mark.parametrize("text", ["How much time do I have left in the interview?",
                                  "How much time do we have overall?", "How long do I have for the whole interview?"])
def test_the_round_asked_about_gets_the_round(text):
    assert _answer(text) == "You have about thirty-nine minutes left in the round."


@pytest.mark.parametrize("text", ["How much time do I have for this question?", "How long do I have to finish this?",
                                  "How long do I have for this?"])
def test_the_question_asked_about_gets_the_parts_that_carry_it(text):
    assert _answer(text) == "You have about twenty-seven minutes for this question, and about thirty-nine minutes in the round."


@pytest.mark.parametrize("text", ["How much time do I have?", "How much time do I have for this part?",
                                  "How much time is left for clarifying?"])
def test_no_part_or_this_part_gets_this_part_and_the_round(text):
    assert _answer(text) == "You have about two minutes for this part, and about thirty-nine minutes in the round."


def test_a_part_already_done_says_so():
    said = _answer("How much time do I have for the clarifying part?", current=2, now=600)
    assert said.startswith("We've done that part already. You have about twenty-three minutes for this part")


def test_in_the_round_the_design_part_asked_for_while_clarifying_gets_its_minutes(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    ask(controller, recorder, "Before I start, how much time will I have for the design part?")
    assert speaker.said[-1].startswith("That part starts after this one, in about")
    assert speaker.said[-1].endswith("and has about twenty-five minutes.")
    step(clock, speaker, controller, 3)
    ask(controller, recorder, "And how much time is left in the whole interview?")
    assert speaker.said[-1] == f"You have {requests.minutes(engine.time_left_in_round())} left in the round."


def test_in_a_design_round_this_question_is_the_design_up_to_the_candidates_questions(tmp_path):
    """Each part of an ML system design round asks a step of one problem: "How much time do I have
    for this question?" while clarifying got the minutes left in the requirements part."""
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    ask(controller, recorder, "How much time do I have for this question?")
    to_wrap_up = 55 * 60 - engine.elapsed()  # design_round: the candidate's questions start at 55:00
    assert speaker.said[-1] == (f"You have {requests.minutes(to_wrap_up)} for this question, "
                                f"and {requests.minutes(engine.time_left_in_round())} in the round.")


# Trial 17 item 12: "about nine minutes for this part" while the phase clock showed 08:25-08:35. The
# minutes said are read off what the clock shows, rounded down (to the half minute under 10).
@pytest.mark.parametrize("left, said", [
    (8 * 60 + 30, "about eight and a half minutes"), (8 * 60 + 35, "about eight and a half minutes"),
    (8 * 60 + 25, "about eight minutes"), (8 * 60 + 59, "about eight and a half minutes"),
    (8 * 60 + 59.6, "about nine minutes"),  # the clock shows 09:00
    (45, "less than a minute"), (90, "about a minute and a half"), (12 * 60 + 10, "about twelve minutes"),
    (12 * 60 + 50, "about twelve minutes"),
])
def test_the_minutes_said_are_what_the_clock_shows_rounded_down(left, said):
    assert requests.minutes(left) == said


@pytest.mark.parametrize("clock, said", [(8 * 60 + 30, "about eight and a half minutes"),
                                         (8 * 60 + 59, "about eight and a half minutes"),
                                         (45, "less than a minute"), (12 * 60 + 10, "about twelve minutes")])
def test_this_part_is_told_from_the_phase_clock(clock, said):
    # The part's planned end says more (it was given time saved earlier); the clock says `clock`.
    times = RoundTimes(CODING, 2, 600.0, 1980, frozenset({"wrap_up"}), part_clock=clock)
    assert time_left_answer(None, times) == f"You have {said} for this part, and about thirty-five minutes in the round."


def test_the_interviewer_reads_this_part_off_the_phase_clock(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    ask(controller, recorder, "How much time do I have?")
    assert speaker.said[-1] == requests.time_left_reply(engine.phase_clock(), engine.time_left_in_round())
