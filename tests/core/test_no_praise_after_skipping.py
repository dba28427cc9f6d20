"""Trial 16 item 14: Ctrl+N pressed while the follow-up "What would you show a brand-new user...?"
was still being said (no recording yet) got "Good. Let's go deeper on the data...": the praise
was for the answer to the question before, not for anything said to the follow-up. Praise opens
the next part only when the candidate said something to what was asked last."""
from dataclasses import replace

from engine_scripts import design_round
from test_round_controller import step
from test_round_turns import at_feed_question, make

PRAISE_PROMPT = "Good. Walk me through the high-level design."


def _script():
    script = design_round()
    phases = tuple(replace(p, prompt=PRAISE_PROMPT) if p.id == "design" else p for p in script.phases)
    return replace(script, phases=phases)


def _answered_then_follow_up_being_said(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=_script(), speech_seconds=3)
    recorder.speak("I would ask about the latency and the ctr")
    controller.on_silence(0)
    step(clock, speaker, controller)
    controller.on_silence(9)  # the answer ends on silence; the interviewer asks the follow-up
    for _ in range(30):
        step(clock, speaker, controller, 0.5)
        if controller.current_answer is None and speaker.said and "How many users" in speaker.said[-1]:
            break
    assert "How many users" in speaker.said[-1] and controller.current_answer is None
    return clock, speaker, recorder, controller


def test_n_while_the_follow_up_is_being_said_gets_no_praise(tmp_path):
    clock, speaker, recorder, controller = _answered_then_follow_up_being_said(tmp_path)
    assert controller.next_part()
    step(clock, speaker, controller)
    assert speaker.said[-1] == "Walk me through the high-level design."


def test_n_after_answering_the_follow_up_keeps_the_praise(tmp_path):
    clock, speaker, recorder, controller = _answered_then_follow_up_being_said(tmp_path)
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    controller.on_silence(0)
    recorder.speak("About fifty million daily users")
    step(clock, speaker, controller)
    assert controller.next_part()
    step(clock, speaker, controller)
    assert speaker.said[-1] == PRAISE_PROMPT
