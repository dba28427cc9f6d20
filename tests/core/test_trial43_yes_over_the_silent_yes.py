"""Trial 43 defect 2: the offer of another question ran into its 8 s of silence, the interviewer
began "I'll take that as a yes. ..." and the candidate said "Yes, let's do it!" over it. The reply
was "Nice to meet you." (seven minutes into the round), then "So, as I was saying:": a turn over a
line cut off got the greeting meant for a hello over the round's first line, because "let's do it"
is one of the ways a candidate says they are ready to start. Only a hello at the round's opening is
greeted back. Fake clock, speaker (tells how much of a line it played) and recorder."""
from __future__ import annotations

from interviewer.core.extra_questions import EXTRA_PROMPT, SILENT_YES
from interviewer.core.round_settings import ControllerSettings

from test_round_controller import step
from test_trial41_yes_over_the_offer import _offer_being_said

GREETING = ControllerSettings().greeting_reply_text


def _yes_over_the_silent_yes(tmp_path):
    """The trial's sequence; what the interviewer said from "I'll take that as a yes. ..." on."""
    clock, engine, speaker, recorder, controller, updates = _offer_being_said(tmp_path)
    silence = 0.0
    for _ in range(120):  # the offer said, then its silence runs out
        step(clock, speaker, controller, 0.25)
        if not speaker.busy and controller.current_answer is not None:
            silence += 0.25
            controller.on_silence(silence)
            controller.poll()
        if speaker.busy and speaker.said[-1].startswith(SILENT_YES):
            break
    else:
        raise AssertionError(speaker.said[-3:])
    step(clock, speaker, controller, 0.3)  # "I'll take..." : cut at once
    controller.on_voice()
    controller.poll()
    controller.on_silence(0)
    recorder.speak("Yes, let's do it!")
    controller.poll()
    controller.end_answer()
    for _ in range(40):
        step(clock, speaker, controller, 0.5)
    after = speaker.said[speaker.said.index(next(s for s in speaker.said if s.startswith(SILENT_YES))):]
    return engine, after


def test_a_yes_over_the_silent_yes_is_not_greeted(tmp_path):
    engine, after = _yes_over_the_silent_yes(tmp_path)
    assert GREETING not in after, after
    assert engine.current_phase.id.startswith("extra1-"), "the yes took the extra question"


def test_a_yes_over_the_silent_yes_gets_the_question_as_a_yes_would(tmp_path):
    """Nothing was cut mid-question (the question was still queued behind the line): no "So, as I
    was saying:", the extra question comes after the line's own "Here is another one.", as after a
    yes said in time."""
    engine, after = _yes_over_the_silent_yes(tmp_path)
    assert ControllerSettings().reask_lead_in not in after, after
    assert after[1:3] == [EXTRA_PROMPT, engine.script.question(engine.timeline.asks[-1].question_id).text], after
    assert engine.timeline.asks[-1].phase.startswith("extra1-")
