"""Trial15 item 5: "... Um, let me think about the other causes for a second." was written as "let
me come out to the number of causes for a second", so the 30 s allowed for thinking did not
apply: 8 s into the silence the interviewer said "Okay, thanks." and asked the next follow-up,
and the rest of the answer was filed under it. Before moving on after a silence in an answer
that did not sound finished, the interviewer checks in ("Take your time. Shall I move on?") and
waits a few more seconds; speech then goes on with the same answer. Fake clock and fakes."""
import pytest

from interviewer.core import conversation_cues
from interviewer.core.round_settings import CHECK_IN_WAIT_S, ControllerSettings

from test_round_turns import at_feed_question

CHECK_IN = ControllerSettings().check_in_text
LIMIT = ControllerSettings().silence_ends_answer_after
MISHEARD = "I would rank posts by engagement. Um, let me come out to the number of causes for a second."


def quiet(clock, speaker, controller, until, start=0.0):
    seconds = start
    while seconds < until - 1e-9:
        clock.advance(0.5)
        seconds += 0.5
        controller.on_silence(seconds)
        speaker.tick()
        controller.poll()


def at_silence_limit(tmp_path, said=MISHEARD):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    controller.on_silence(0)
    recorder.speak(said)
    quiet(clock, speaker, controller, LIMIT)
    return clock, engine, speaker, recorder, controller


def test_a_misheard_let_me_think_gets_a_check_in_and_the_answer_goes_on(tmp_path):
    clock, engine, speaker, recorder, controller = at_silence_limit(tmp_path)
    answer = controller.current_answer
    assert answer is not None and answer.question_id == "feed", "not ended at the silence limit"
    assert speaker.said[-1] == CHECK_IN
    asks = len(engine.timeline.asks)
    quiet(clock, speaker, controller, CHECK_IN_WAIT_S - 1)  # counted from the end of the line
    assert controller.current_answer is answer and len(engine.timeline.asks) == asks
    controller.on_silence(0)  # the candidate goes on: the same answer, the same recording
    recorder.speak("The other causes are a learning rate that is too high and bad input data.")
    quiet(clock, speaker, controller, LIMIT - 1)
    assert controller.current_answer is answer and len(engine.timeline.asks) == asks
    assert speaker.said.count(CHECK_IN) == 1


def test_after_the_check_in_a_few_more_quiet_seconds_move_on(tmp_path):
    # A sentence broken off, naming no moment: one "for a second" may be time asked for
    # (trial 47, tests/core/test_trial47_misheard_request_for_time.py).
    clock, engine, speaker, recorder, controller = at_silence_limit(tmp_path, "So the first cause is exploding gradients, and")
    assert speaker.said[-1] == CHECK_IN
    answer = controller.current_answer
    quiet(clock, speaker, controller, CHECK_IN_WAIT_S + 0.5)
    assert controller.current_answer is not answer and answer.ended_by == "silence"
    assert speaker.said.count(CHECK_IN) == 1


def test_a_finished_answer_ends_at_the_silence_limit_with_no_check_in(tmp_path):
    clock, engine, speaker, recorder, controller = at_silence_limit(tmp_path, "I would rank posts by engagement.")
    feed = next(a for a in controller.answers if a.question_id == "feed" and a.follow_up_id is None)
    assert feed.ended_by == "silence"
    assert CHECK_IN not in speaker.said


@pytest.mark.parametrize("text, unfinished", [
    (MISHEARD, True),
    ("So the first cause is exploding gradients, and", True),
    ("I would clip the gradients and um", True),
    ("Hmm, give me one second.", True),
    ("I would rank posts by engagement.", False),
    ("I would rank posts by engagement", False),  # no full stop in a live chunk: no sign either way
    ("I would clip the gradients. That's it.", False),
    ("", False),
])
def test_sounds_unfinished(text, unfinished):
    assert conversation_cues.sounds_unfinished(text) is unfinished
