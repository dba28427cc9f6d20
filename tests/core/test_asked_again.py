"""Trial 24 item 8: "Is the input list sorted?" heard as "It didn't put list.", met with "Sorry, I
didn't catch that. Could you say it again?", asked again and answered, counted as two clarifying
questions ("5" for 4). The repeat replaces the misheard attempt (core.asked_again)."""
from interviewer.core.asked_again import repeated_attempts


def q(start, end, text="?"):
    return {"text": text, "start": start, "end": end}


# The trial's coding round, answer 2 (seconds into the answer): the attempt, two requests (the
# second attempt was not taken for a question), the third attempt answered at 34.3.
TRIAL = [q(0.15, 2.91, "It didn't put list sorted by start time..."),
         q(27.38, 30.48, "I'm a session already sorted my next hard time."),
         q(43.33, 51.06, "What about sessions that touch?"),
         q(62.06, 65.04, "How many sessions can there be?")]
TRIAL_REQUESTS = [6.40, 20.70]
TRIAL_REPLIES = [34.30, 51.30, 65.30]


def test_the_trials_misheard_attempt_asked_again_counts_once():
    assert repeated_attempts(TRIAL, TRIAL_REQUESTS, TRIAL_REPLIES) == [0]


def test_a_misheard_attempt_never_asked_again_still_counts():
    # The request, then the candidate moved on to a new topic only after another reply.
    assert repeated_attempts([q(0.0, 2.0), q(20.0, 22.0)], [6.0], [12.0, 23.0]) == []
    # Nothing asked after the request at all.
    assert repeated_attempts([q(0.0, 2.0)], [6.0], []) == []


def test_asked_again_twice_counts_once():
    questions = [q(0.0, 2.0), q(7.0, 9.0), q(14.0, 16.0)]
    assert repeated_attempts(questions, [6.0, 13.0], [20.0]) == [0, 1]


def test_a_question_answered_before_the_request_is_not_the_misheard_one():
    # Asked, answered at 3.0, then a mumble got the request: the answered question stays.
    assert repeated_attempts([q(0.0, 2.0), q(10.0, 12.0)], [7.0], [3.0, 13.0]) == []


def test_a_question_long_before_the_request_is_not_the_misheard_one():
    assert repeated_attempts([q(0.0, 2.0), q(30.0, 32.0)], [25.0], [33.0]) == []


def test_no_request_drops_nothing():
    assert repeated_attempts(TRIAL, [], TRIAL_REPLIES) == []
