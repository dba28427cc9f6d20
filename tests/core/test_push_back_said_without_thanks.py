"""Trial 24: the push-back on an answer that gives up is said without "Thanks." before it (as the
request for more): "Thanks. What would you check first to find out?" thanks for a give-up."""
from dataclasses import replace

from engine_scripts import design_round
from test_round_controller import step
from test_round_turns import at_feed_question

from interviewer.core.engine import PUSH_BACK
from interviewer.core.round_settings import ACKNOWLEDGEMENTS


def test_the_push_back_follows_the_give_up_without_thanks(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=replace(design_round(), kind="ml_depth"), speech_seconds=3)
    recorder.speak("I would ask about the latency and the ctr")
    controller.on_silence(0)
    step(clock, speaker, controller)
    controller.on_silence(9)
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
        if controller.current_answer is not None and speaker.said and "How many users" in speaker.said[-1]:
            break
    assert "How many users" in speaker.said[-1]
    said_before = len(speaker.said)
    controller.on_silence(0)
    recorder.speak("I'm not sure. I think we just used the defaults.")
    step(clock, speaker, controller)
    controller.on_silence(9)
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
        if PUSH_BACK.text in speaker.said[-1]:
            break
    new = speaker.said[said_before:]
    assert new and new[-1] == PUSH_BACK.text
    assert not any(s in ACKNOWLEDGEMENTS for s in new), new
