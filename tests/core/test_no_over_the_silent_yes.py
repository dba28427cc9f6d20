"""Session 34, conversation item 1: the offer of another question met silence, the interviewer
said "I'll take that as a yes. Here is another one." and the candidate said "No" (or "Not yet",
"Wait, give me a second") over that line or just before it: the extra question was asked all the
same. A yes in time takes the offer, a no in time wraps up; the reply's time decides, not when
the line ended.

Now RoundEngine.late_reply_to_offer takes a reply whose first word came before the silent yes or
at most SILENT_YES_REPLY_S into it as the reply to the offer: a no goes on to the wrap-up (the
extra part taken back, as if it had never begun), a wait has the offer said again; a "Wait" said
in time is no yes either. Engine only, with the injected clock."""
from __future__ import annotations

import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.extra_questions import EXTRA_OFFER_ID, EXTRA_OFFER_SILENCE_S, SILENT_YES, SILENT_YES_REPLY_S

from test_trial37_extra_offer import breadth


def _silence_took_the_offer():
    clock = FakeClock(1000.0)
    engine = RoundEngine(breadth("own"), clock, extra_scripts=[breadth("other")])
    engine.start()
    clock.advance(60)
    offer = [e for e in engine.answer_finished("I would use a small learning rate and early stopping.")
             if isinstance(e, AskQuestion)]
    assert offer and offer[0].follow_up_id == EXTRA_OFFER_ID
    clock.advance(EXTRA_OFFER_SILENCE_S)
    events = engine.answer_finished("")  # silence: the offer taken
    started = [e for e in events if isinstance(e, PhaseStarted)]
    assert started and started[0].prompt.startswith(SILENT_YES) and engine.current_phase.id.startswith("extra1-")
    return clock, engine, engine.elapsed()


@pytest.mark.parametrize("reply, into_the_line", [("No.", 0.8), ("No, let's wrap up.", -0.3),
                                                   ("Nope, I'm good.", SILENT_YES_REPLY_S - 0.5)])
def test_a_no_over_the_silent_yes_wraps_up(reply, into_the_line):
    clock, engine, said_yes_at = _silence_took_the_offer()
    clock.advance(5)  # the reply's transcript comes a few seconds after its first word
    events = engine.late_reply_to_offer(reply, said_at=said_yes_at + into_the_line)
    assert events is not None
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["wrap"]
    assert engine.current_phase.id == "wrap"
    assert not any(p.id.startswith("extra") for p in engine.script.phases), "the extra part is taken back"
    assert engine.extras_from == [] and engine.no_extra_why == "you chose to wrap up"
    assert not any(p.phase.startswith("extra") for p in engine.timeline.phases)
    assert not any(a.phase.startswith("extra") for a in engine.timeline.asks)


@pytest.mark.parametrize("reply", ["Not yet.", "Wait, give me a second."])
def test_a_wait_over_the_silent_yes_has_the_offer_said_again(reply):
    clock, engine, said_yes_at = _silence_took_the_offer()
    clock.advance(3)
    events = engine.late_reply_to_offer(reply, said_at=said_yes_at + 1.0)
    assert [e.follow_up_id for e in events if isinstance(e, AskQuestion)] == [EXTRA_OFFER_ID]
    assert engine.offer_open and engine.current_phase.id == "training" and engine.extras_from == []
    clock.advance(4)
    engine.answer_finished("Yes, let's do one more.")
    assert engine.current_phase.id.startswith("extra1-")


def test_a_late_no_or_a_yes_leaves_the_extra_question():
    clock, engine, said_yes_at = _silence_took_the_offer()
    clock.advance(12)
    assert engine.late_reply_to_offer("No.", said_at=said_yes_at + SILENT_YES_REPLY_S + 2) is None
    assert engine.late_reply_to_offer("Sure, go ahead.", said_at=said_yes_at + 1) is None
    assert engine.current_phase.id.startswith("extra1-")


def test_a_wait_said_in_time_is_no_yes():
    clock = FakeClock(1000.0)
    engine = RoundEngine(breadth("own"), clock, extra_scripts=[breadth("other")])
    engine.start()
    clock.advance(60)
    engine.answer_finished("I would use a small learning rate and early stopping.")
    clock.advance(3)
    events = engine.answer_finished("Wait, give me a second.")
    assert [e.follow_up_id for e in events if isinstance(e, AskQuestion)] == [EXTRA_OFFER_ID]
    assert engine.current_phase.id == "training" and engine.extras_from == []


# ---------------------------------------------------------------- in a live round (fake clock, speaker, recorder)

def test_a_no_over_the_silent_yes_in_a_live_round_wraps_up(tmp_path):
    """The trial 43 sequence with "No, let's wrap up." over "I'll take that as a yes. ...": the
    round goes on to the wrap-up, the extra question is not asked and the reply is no answer."""
    from test_round_controller import step
    from test_trial41_yes_over_the_offer import _offer_being_said
    from interviewer.core.round_updates import AnswerDropped

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
    recorder.speak("No, let's wrap up.")
    controller.poll()
    controller.end_answer()
    for _ in range(40):
        step(clock, speaker, controller, 0.5)
    after = speaker.said[speaker.said.index(next(s for s in speaker.said if s.startswith(SILENT_YES))) + 1:]
    assert engine.current_phase is None or not engine.current_phase.id.startswith("extra"), after
    assert not any(p.id.startswith("extra") for p in engine.script.phases)
    assert not any(a.phase.startswith("extra") for a in engine.timeline.asks)
    dropped = {u.answer for u in updates if isinstance(u, AnswerDropped)}
    reply = next(a for a in controller.answers if a.transcript is not None and "wrap up" in a.transcript.text)
    assert reply.index in dropped and not reply.counted
    assert "What questions do you have for me?" in " ".join(after), after
    assert not any("Which loss" in s or "When would you stop" in s for s in after), after
