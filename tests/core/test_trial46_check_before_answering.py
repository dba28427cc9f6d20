"""Trial 46, defects 1 and 6: in the ML breadth round's first part (not one for clarifying
questions) the candidate asked a clarifying question about the NaN-loss question, got the setup
fact, then asked "Sorry, so, uh, just to be sure, which optimizer was it again, and is there a
learning rate warmup?". tiny.en wrote it "Sorry, so, uh, just to be sure, we chop to my burnt one
lid again, and it's never learning rate warm up." (no "?"): no rule took it for a question outside
a part for clarifying questions, the silence after it ended the answer with "Okay, thanks." and the
follow-up came; the main question was never answered. In round 2, "Before I start, is there a
learning rate warmup?" heard as "Before I start, there's no learning rate to warm up." went the same
way.

Now a short turn at the start of an answer that opens by asking or checking something and says
nothing of an answer (trailing_questions.check_before_answer), followed by the wait a question
heard as a statement gets, is answered as a clarifying question in any part (a fact that fits it,
"As I said, ..." when said before, else "Sorry, I didn't catch that"), and the answer stays open.
The round's controller with the bundled script, the clarifying responder on the sentence-embedding
model as the app runs, a fake clock and speaker."""
import pytest

from test_round_turns import ask, make, step
from test_trailing_question import _words

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.loader import load_script
from interviewer.core.trailing_questions import TRAILED_QUESTION_WAIT_S, check_before_answer
from interviewer.resources import bundled_scripts_dir

FIRST = "Um, okay. Before I start, what kind of optimizer and learning rate schedule is the model using?"
MISHEARD_CHECK = ("Sorry, so, uh, just to be sure, we chop to my burnt one lid again, and it's never "
                  "learning rate warm up.")
BEFORE_I_START = "Before I start, there's no learning rate to warm up."
SETUP = "It's a transformer-style model trained with Adam, learning rate 3e-4, mixed precision on GPUs, batch size 256."
UNCLEAR = ControllerSettings().unclear_text


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _at_nan_question(tmp_path, matcher):
    script = load_script(bundled_scripts_dir() / "ml_breadth_applied.toml", bundled=True)
    question = next(q for q in script.questions if q.id == "nan_loss")
    clock, engine, speaker, recorder, controller, _ = make(
        tmp_path, script=script, answerer=ClarifyingResponder(question, matcher, script))
    controller.start()
    for _ in range(400):
        if controller.current_answer is not None and controller.current_answer.question_id == "nan_loss":
            break
        if controller.current_answer is not None and controller.current_answer.question_id is None:
            ask(controller, recorder, "Hi, I'm an ML engineer. That's it.", pause=0.6)
            controller.end_answer()
        step(clock, speaker, controller, 0.5)
    assert controller.current_answer.question_id == "nan_loss"
    assert not engine.current_phase.expects_clarifying
    return clock, engine, speaker, recorder, controller


def _said_then_wait(clock, speaker, recorder, controller, said: str, waits=(2.0, TRAILED_QUESTION_WAIT_S,
                                                                              TRAILED_QUESTION_WAIT_S + 1.0)):
    before = len(speaker.said)
    clock.advance(1.0)
    ask(controller, recorder, said, pause=0.6)
    for waited in waits:
        clock.advance(1.0)
        controller.on_silence(waited)
        controller.poll()
    new = speaker.said[before:]
    speaker.stop()
    controller.poll()
    return new


def _quiet(clock, speaker, controller, seconds: float) -> None:
    for k in range(1, int(seconds) + 1):
        clock.advance(1.0)
        controller.on_silence(float(k))
        speaker.tick()
        controller.poll()


@pytest.mark.parametrize("text", [MISHEARD_CHECK, BEFORE_I_START, "To confirm, we use Adam.",
                                  "Is there a learning rate warmup."])
def test_a_check_heard_as_a_statement_is_taken_for_one(text):
    assert check_before_answer(_words(text)) is not None


@pytest.mark.parametrize("text", [
    "I would lower the learning rate and clip the gradients.",
    "So the learning rate is too high.",
    "Probably exploding gradients from a high learning rate.",
    "Which is why I would clip the gradients.",
    "Okay. Um, let me think I'm out now for a second.",
    "First I would log the gradient norms. To confirm, we use Adam.",
])
def test_an_answer_is_no_check(text):
    assert check_before_answer(_words(text)) is None


def test_a_misheard_check_before_the_answer_gets_a_reply_and_the_question_stays_open(tmp_path, matcher):
    clock, engine, speaker, recorder, controller = _at_nan_question(tmp_path, matcher)
    answer = controller.current_answer
    asks = len(engine.timeline.asks)
    assert _said_then_wait(clock, speaker, recorder, controller, FIRST) == [SETUP]
    replies = _said_then_wait(clock, speaker, recorder, controller, MISHEARD_CHECK)
    assert replies and replies[-1] in (f"As I said, i{SETUP[1:]}", UNCLEAR), replies
    assert "Okay, thanks." not in replies
    _quiet(clock, speaker, controller, 20)  # silence after a reply is thinking time
    assert controller.current_answer is answer and answer.ended_by is None
    assert len(engine.timeline.asks) == asks, "no follow-up: the question is not answered yet"
    assert "Okay, thanks." not in speaker.said


def test_a_check_said_first_and_heard_as_a_statement_gets_a_reply(tmp_path, matcher):
    clock, engine, speaker, recorder, controller = _at_nan_question(tmp_path, matcher)
    answer = controller.current_answer
    asks = len(engine.timeline.asks)
    replies = _said_then_wait(clock, speaker, recorder, controller, BEFORE_I_START)
    assert replies and replies[-1] in (SETUP, UNCLEAR), replies
    _quiet(clock, speaker, controller, 20)
    assert controller.current_answer is answer and len(engine.timeline.asks) == asks
