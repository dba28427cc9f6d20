"""Trial 34 D6: "How much time is left in the round?" at 03:12, after the introduction (0.4 of 2
min) and Requirements (1.4 of 8 min), got "The round is planned to end in about fifty-one minutes;
sooner if we get through the rest sooner." The round ended 8.5 minutes later. True, but of no use
to a candidate planning an answer: the pace of the parts done so far says how long the rest will
likely take, and the interviewer says it beside the plan."""
from interviewer.core.time_left import PartTime, RoundTimes, expected_left_at_pace, time_left_answer

# The delivery-estimate design round as the clock stood at 03:12: the first two parts done early,
# the later ones shifted earlier.
PLANNED = (120.0, 480.0, 540.0, 600.0, 540.0, 720.0, 300.0)
NOW = 192.0


def _times(first_two_took: tuple[float, float], planned=PLANNED) -> RoundTimes:
    a, b = first_two_took
    starts = [0.0, a, a + b]
    for length in PLANNED[2:-1]:
        starts.append(starts[-1] + length)
    ends = starts[1:] + [3300.0]  # the time saved goes to the parts left: the round still ends at 55:00
    names = ("intro", "requirements", "framing", "data", "model", "serving", "wrap_up")
    parts = tuple(PartTime(n, n.title(), s, e) for n, s, e in zip(names, starts, ends))
    return RoundTimes(parts, 2, NOW, parts[2].end, frozenset({"wrap_up"}), ends_when_answered=True,
                      planned=planned)


def test_a_round_running_at_a_fifth_of_its_plan_says_how_long_at_that_pace():
    times = _times((24.0, 84.0))  # 0.4 and 1.4 minutes
    reply = time_left_answer("in the round", times)
    assert reply.startswith("The round is planned to end in about fifty")
    assert reply.endswith("; at the pace we've had so far, more like nine minutes.")
    assert 8 * 60 <= expected_left_at_pace(times) <= 10 * 60


def test_a_round_on_plan_says_the_plan_only():
    reply = time_left_answer("in the round", _times((110.0, 470.0)))
    assert reply.endswith("sooner if we get through the rest sooner.")


def test_too_little_of_the_plan_done_says_no_pace():
    short = (120.0, 300.0, *PLANNED[2:])  # 7 planned minutes done: too few to tell
    assert expected_left_at_pace(_times((24.0, 84.0), planned=short)) is None
    assert time_left_answer("in the round", _times((24.0, 84.0), planned=())).endswith("rest sooner.")
