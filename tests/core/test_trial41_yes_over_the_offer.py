"""Trial 41 defect 3: a "Yes, let's do one more." said as the offer of another question began
(after N on a follow-up) cut the offer off, was filed as an answer to the follow-up before it
(answer 21, with stats), and the offer was said again ("So, as I was saying: ...") and shown cut
off twice. Speech over the offer is the reply to the offer: a yes takes the extra question, a no
wraps up, the offer is shown cut off once and never said again, nothing is filed under the part
before. Fake clock, speaker (tells how much of a line it played) and recorder."""
from __future__ import annotations

import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.extra_questions import EXTRA_OFFER_ID
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerDropped, AnswerFiled, LineCutOff
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript

from test_round_controller import FakeRecorder, FakeTranscriber, run_now, step
from test_trial35_scenario_cut_before_it_changes import PlayedSpeaker

LEAD_IN = ControllerSettings().reask_lead_in


def breadth(sid: str, asks: str = "How would you train it", then: str = "How would you debug it") -> RoundScript:
    phases = (Phase("training", f"Training ({sid})", 12, "Let's start with training."),
              Phase("wrap", "Your questions", 5, "What questions do you have for me?"))
    questions = (Question(f"{sid}-q", f"{asks} ({sid})?", "training",
                          follow_ups=(FollowUp(f"{sid}-f", f"{then} ({sid})?"),)),)
    return RoundScript(sid, f"Breadth {sid}", "ml_breadth", 45, phases, questions)


def _offer_being_said(tmp_path):
    clock = FakeClock(1000.0)
    engine = RoundEngine(breadth("own"), clock, extra_scripts=[breadth("other", "Which loss would you pick for ranking", "When would you stop training")])
    speaker, recorder, updates = PlayedSpeaker(clock, 4), FakeRecorder(), []
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, on_update=updates.append,
                                 settings=ControllerSettings(barge_in=True, speakers_checked=True),
                                 run_in_background=run_now)
    controller.start()
    for _ in range(400):
        step(clock, speaker, controller, 0.25)
        answer = controller.current_answer
        if speaker.busy and engine.offer_open:
            return clock, engine, speaker, recorder, controller, updates
        if answer is not None and answer.question_id == "own-q" and answer.follow_up_id is None:
            recorder.speak("I would use a small learning rate and early stopping.")
            controller.end_answer()
        elif answer is not None and answer.follow_up_id == "own-f":
            controller.next_part()  # N on the follow-up, as in the trial
    raise AssertionError(speaker.said[-3:])


@pytest.mark.parametrize("reply,wraps_up", [("Yes, let's do one more.", False), ("No, let's wrap up.", True)])
def test_a_reply_said_over_the_start_of_the_offer_answers_the_offer(tmp_path, reply, wraps_up):
    clock, engine, speaker, recorder, controller, updates = _offer_being_said(tmp_path)
    offer_text = speaker.said[-1]
    step(clock, speaker, controller, 0.4)  # "Still over..." : cut at once
    controller.on_voice()
    controller.poll()
    turn = controller.current_answer
    assert turn is not None
    controller.on_silence(0)
    recorder.speak(reply)
    controller.poll()
    controller.end_answer()
    for _ in range(40):
        step(clock, speaker, controller, 0.5)
    assert LEAD_IN not in speaker.said and speaker.said.count(offer_text) == 1, speaker.said[-4:]
    assert (turn.question_id, turn.follow_up_id)[1] == EXTRA_OFFER_ID, "the reply is the offer's"
    assert turn.dropped and AnswerDropped(turn.index) in updates  # not kept, numbered or scored
    assert not [u for u in updates if isinstance(u, AnswerFiled) and u.index == turn.index]
    assert len([u for u in updates if isinstance(u, LineCutOff)]) == 1  # shown cut off once
    if wraps_up:
        assert engine.current_phase.id == "wrap" and engine.no_extra_why == "you chose to wrap up"
    else:
        assert "Which loss would you pick for ranking (other)?" in speaker.said
        assert engine.current_phase.id.startswith("extra1-")
