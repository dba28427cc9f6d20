"""Trial17 item 6: "Okay, I'm done. I think that covers it." was heard as "Okay, I'm done. I think
that camera is it." and got "Take your time. Shall I move on?": only the last sentence was read
for a hand-back, and its "I think" sounded like thinking. A plain done phrase among the last
sentences, followed by a short sentence that opens nothing new, ends the answer after the short
hand-back wait. Fake clock and fakes."""
import pytest

from interviewer.core import conversation_cues
from interviewer.core.round_settings import ControllerSettings

from test_check_in_before_moving_on import quiet
from test_round_turns import at_feed_question

CHECK_IN = ControllerSettings().check_in_text
WRAP_UP = ControllerSettings().wrap_up_ends_answer_after
GARBLED = "I would rank posts by engagement. Okay, I'm done. I think that camera is it."


def said_then_quiet(tmp_path, said, seconds):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    controller.on_silence(0)
    recorder.speak(said)
    answer = controller.current_answer
    quiet(clock, speaker, controller, seconds)
    return answer, controller, speaker


def test_done_then_a_garbled_sentence_moves_on_with_no_check_in(tmp_path):
    answer, controller, speaker = said_then_quiet(tmp_path, GARBLED, WRAP_UP + 0.5)
    assert answer.question_id == "feed" and answer.ended_by == "silence"
    assert controller.current_answer is not answer
    assert CHECK_IN not in speaker.said


def test_done_with_one_part_then_the_next_step_does_not_move_on(tmp_path):
    answer, controller, speaker = said_then_quiet(
        tmp_path, "I'm done with the sorting part, now the merge.", WRAP_UP + 0.5)
    assert controller.current_answer is answer and answer.ended_by is None


@pytest.mark.parametrize("text, done", [
    ("Okay, I'm done. I think that camera is it.", True),
    ("Okay, I'm done. I think that covers it.", True),
    ("I'm finished. Sorry, good.", True),
    ("So that's it. Yeah.", True),
    ("I'm done.", True),
    ("I'm done with the sorting part, now the merge.", False),
    ("I'm done with the sorting part. Now the merge.", False),
    ("I'm done. Now the merge.", False),  # opens the next step
    ("That's it. What do you think?", False),  # asks something
    ("I'm done. So next I would write the merge loop over every session in the list.", False),
    ("I think that camera is it.", False),
])
def test_says_done(text, done):
    assert conversation_cues.says_done(text) is done
    if done:
        assert not conversation_cues.sounds_unfinished(text)


# The same report item: "I think I'd partition the sessions by user and merge each partition on its
# own machine." got the check-in too: "I think" before a statement is an opinion, not thinking.
OPINION = "Sorry to jump in. I think I'd partition the sessions by user and merge each partition on its own machine."


def test_an_opinion_sentence_ends_at_the_silence_limit_with_no_check_in(tmp_path):
    answer, controller, speaker = said_then_quiet(tmp_path, OPINION, ControllerSettings().silence_ends_answer_after)
    assert answer.ended_by == "silence"
    assert CHECK_IN not in speaker.said


@pytest.mark.parametrize("text, unfinished", [
    (OPINION, False),
    ("So I think we need a heap.", False),
    ("I think.", True),
    ("Hmm, I think...", True),
    ("I think about the other causes", True),
    ("I'm thinking.", True),
])
def test_i_think_before_a_statement_is_not_thinking(text, unfinished):
    assert conversation_cues.sounds_unfinished(text) is unfinished
