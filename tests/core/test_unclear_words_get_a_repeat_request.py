"""Trial17 item 5: "Sorted?" asked while clarifying was heard as "Darked." (and later "Sorry,
good."): no question, no topic, so no reply, and the candidate sat in 12 s of silence. An
interviewer who did not catch a short question asks to hear it again. A real statement, or an
acknowledgement, followed by the same wait gets no such request. Fake clock, fake speaker."""
import pytest

from interviewer.core import conversation_cues
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.trailing_questions import STATED_QUESTION_WAIT_S

from test_round_turns import FakeAnswerer, at_feed_question, ask

SAY_AGAIN = ControllerSettings().unclear_text


def waited_after(tmp_path, said):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    answer = controller.current_answer
    before = list(speaker.said)
    ask(controller, recorder, said, pause=2.0)
    assert speaker.said == before  # not yet: the candidate may go on
    clock.advance(2.0)
    controller.on_silence(STATED_QUESTION_WAIT_S)
    controller.poll()
    return answer, controller, speaker.said[len(before):]


@pytest.mark.parametrize("said", ["Darked.", "Sorry, good."])
def test_a_few_unclear_words_then_a_wait_get_asked_again(tmp_path, said):
    answer, controller, new = waited_after(tmp_path, said)
    assert new == [SAY_AGAIN]
    assert controller.current_answer is answer  # the same turn: the candidate says it again
    assert answer.clarifications == []  # nothing was asked that the review could count


@pytest.mark.parametrize("said", ["So the feed is for everyone.", "Okay.", "Got it, makes sense.",
                                  "Let me think."])
def test_a_statement_or_an_acknowledgement_then_a_wait_gets_no_request(tmp_path, said):
    answer, controller, new = waited_after(tmp_path, said)
    assert SAY_AGAIN not in new


@pytest.mark.parametrize("text, unclear", [
    ("Darked.", True), ("Sorry, good.", True),
    ("Okay.", False), ("I see.", False), ("Interesting.", False), ("Um.", False), ("That's all.", False),
    ("No more questions.", False), ("Sorted?", False), ("So the feed is for everyone.", False),
    ("That's...", True), ("Hmm, so...", True), ("That's it.", False), ("Okay...", False),
])
def test_unclear_fragment(text, unclear):
    assert conversation_cues.unclear_fragment(text) is unclear


# Trial18 item 1: a quiet "Overlaps?" written "That's..." got 24.5 s of silence; only "That is..."
# got the request. "That's" and "so" were read as acknowledgements (from "that's all", "so"), and
# a fragment of nothing but such words was taken for one.
@pytest.mark.parametrize("said", ["That's...", "Hmm, so...", "So..."])
def test_a_trailing_mumble_then_a_wait_gets_asked_again(tmp_path, said):
    answer, controller, new = waited_after(tmp_path, said)
    assert new == [SAY_AGAIN]
    assert controller.current_answer is answer


@pytest.mark.parametrize("said", ["Okay...", "That's all.", "Hmm, okay.", "I see.", "Let me think...",
                                  "That's fine.", "That's it.", "Fair enough."])
def test_a_trailing_acknowledgement_then_a_wait_gets_no_request(tmp_path, said):
    answer, controller, new = waited_after(tmp_path, said)
    assert SAY_AGAIN not in new


# Acknowledgements of more than one word are taken in, not misheard questions: an interviewer
# who answered "Sounds good." with "Sorry, I didn't catch that" would sound broken.
@pytest.mark.parametrize("said", ["Sounds good.", "That helps.", "Good to know.", "Thanks a lot.", "That works.",
                                  "Okay, sounds good.", "Sure thing.", "No problem."])
def test_a_common_acknowledgement_then_a_wait_gets_no_request(tmp_path, said):
    answer, controller, new = waited_after(tmp_path, said)
    assert SAY_AGAIN not in new
    assert conversation_cues.unclear_fragment(said) is False
