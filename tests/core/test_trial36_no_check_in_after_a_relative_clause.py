"""Trial 36 item 5: "The customers were shoppers on our web store. I found out from the support call
I listened to." (two complete sentences) got "Take your time. Shall I move on?": its last word "to"
read as a sentence breaking off. A preposition a relative clause leaves at its end ("the call I
listened to", "the team we worked with") closes the sentence; "Then I talked to" still breaks off."""
import pytest

from interviewer.core import conversation_cues

from test_check_in_before_moving_on import CHECK_IN, at_silence_limit

ANSWER = "The customers were shoppers on our web store. I found out from the support call I listened to."


@pytest.mark.parametrize("text, unfinished", [
    (ANSWER, False),
    ("That was the team we worked with.", False),
    ("Then I talked to", True),
    ("So we listened to", True),
    ("I found out from the support call I listened to and", True),
    ("I looked at the data and I talked to", True),
])
def test_a_preposition_left_by_a_relative_clause_ends_the_sentence(text, unfinished):
    assert conversation_cues.sounds_unfinished(text) is unfinished


def test_the_trial_answer_ends_at_the_silence_limit_with_no_check_in(tmp_path):
    clock, engine, speaker, recorder, controller = at_silence_limit(tmp_path, ANSWER)
    feed = next(a for a in controller.answers if a.question_id == "feed" and a.follow_up_id is None)
    assert feed.ended_by == "silence"
    assert CHECK_IN not in speaker.said
