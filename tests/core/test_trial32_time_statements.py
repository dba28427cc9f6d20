"""Trial 32 D6: "How much time do I have for this part?", asked at 04:48 in Data and features (its
planned question asked, so the part moves on once the question is done), got "This part ends once
we're done with this question, within about nine minutes; the round has up to about fifty minutes
left." The part ended 1.9 minutes later, the round 7 minutes later. The reply now says what a real
interviewer would and what stays true: the part's time, to take as needed, and that it moves on
with the question; no "up to" figure for a round whose end depends on how the parts still to come
go. core.time_left stays the one source."""
from interviewer.core.time_left import PartTime, RoundTimes, time_left_answer

PARTS = (PartTime("data_features", "Data and features", 233, 2010), PartTime("model", "Model and loss", 2010, 2280),
         PartTime("serving", "Serving and monitoring", 2280, 3000),
         PartTime("wrap_up", "Summary and your questions", 3000, 3300))


def _times(ends_when_answered: bool) -> RoundTimes:
    now = 288.0  # 04:48
    return RoundTimes(PARTS, 0, now, PARTS[-2].end, frozenset({"wrap_up"}), part_clock=233 + 600 - now,
                      ends_when_answered=ends_when_answered)


def test_a_part_that_ends_with_its_question_gives_its_time_to_take_as_needed_and_no_round_figure():
    reply = time_left_answer("for this part", _times(True))
    assert reply == ("We have about nine minutes for this part; take the time you need, "
                     "and we move on when you're done with this question.")
    assert "up to" not in reply and "fifty" not in reply


def test_the_round_asked_for_while_parts_may_end_early_is_the_plan_at_most():
    reply = time_left_answer("in the interview", _times(True))
    assert reply == "The round is planned to end in about fifty minutes; sooner if we get through the rest sooner."
    assert time_left_answer("in the interview", _times(False)) == "You have about fifty minutes left in the round."
