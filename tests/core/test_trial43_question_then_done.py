"""Trial 43 defect 5: at "Your questions" the candidate said "How does your team monitor models in
production? That's all from me." in one breath, and the interviewer replied only "Thank you, that's
the end of the round.": the "That's all from me" closed the round and the question before it was
never answered. A question asked there is answered first (the candidate-question responder), and
the closing follows the answer; the answer does not hand the floor back ("Anything else you'd like
to ask?") since the candidate has just said they are done. Fake clock, speaker and recorder."""
import pytest

from interviewer.core.candidate_questions import FLOOR_BACK
from interviewer.core.round_settings import ControllerSettings

from test_round_controller import step
from test_round_turns import ask
from test_trial32_interviewer_answers import SHIP, _answer, at_wrap_up

MONITOR = "How does your team monitor models in production?"



def _say_and_wait(clock, speaker, controller, recorder, said):
    controller.on_silence(0)
    recorder.speak(said)
    controller.on_silence(9)
    controller.poll()
    for _ in range(20):
        step(clock, speaker, controller, 0.5)


@pytest.mark.parametrize("question, done", [
    (MONITOR, "That's all from me."),
    (SHIP, "No more questions, thanks."),
    (MONITOR, "Thanks, that's all from me."),
])
def test_a_question_said_with_that_is_all_is_answered_before_the_close(tmp_path, question, done):
    settings = ControllerSettings(silence_ends_answer_after=8)
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path, settings=settings)
    before = len(speaker.said)
    _say_and_wait(clock, speaker, controller, recorder, f"{question} {done}")
    after = speaker.said[before:]
    assert after[-1] == settings.early_closing_text, after
    assert len(after) == 2, after  # the answer, then the closing
    reply = after[0]
    assert not reply.endswith(FLOOR_BACK) and not reply.rstrip().endswith("?"), reply  # they said they are done
    assert reply == _answer("how the team decides" if question == SHIP else "how the team monitors").reply
    assert engine.is_over
    record = next(r for r in reversed(controller.answers) if r.transcript is not None)
    assert [c.question for c in record.clarifications] == [question], "the exchange is kept"


def test_that_is_all_alone_still_closes_at_once(tmp_path):
    settings = ControllerSettings(silence_ends_answer_after=8)
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path, settings=settings)
    before = len(speaker.said)
    _say_and_wait(clock, speaker, controller, recorder, "That's all from me.")
    assert speaker.said[before:] == [settings.early_closing_text]
    assert engine.is_over


@pytest.mark.parametrize("reply, kept", [
    ("Good question, and a good one to ask in your real interviews. Anything else you'd like to ask?",
     "Good question, and a good one to ask in your real interviews."),
    ("Dashboards and alerts. What else would you like to know?", "Dashboards and alerts."),
    ("Anything else?", "Anything else?"),
])
def test_the_last_reply_does_not_hand_the_floor_back(reply, kept):
    from interviewer.core.candidate_questions import without_floor_back  # new with the fix
    assert without_floor_back(reply) == kept


@pytest.mark.parametrize("space", [False, True])
def test_a_question_already_answered_is_not_answered_again_at_the_close(tmp_path, space):
    """The question got its reply in the pause after it (or Space ended the recording after it:
    the reply, and the turn goes on in a new recording); "That's all from me." in the same turn
    then closes the round without saying that reply again."""
    settings = ControllerSettings(silence_ends_answer_after=8)
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path, settings=settings)
    if space:
        controller.on_silence(0)
        recorder.speak(SHIP)
        controller.end_answer()
    else:
        ask(controller, recorder, SHIP)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    assert any(s.startswith(_answer("how the team decides").reply) for s in speaker.said[-2:]), speaker.said[-3:]
    for _ in range(20):
        if controller.current_answer is not None and not speaker.busy:
            break
        step(clock, speaker, controller, 0.5)
    replied = len(speaker.said)
    if space:
        controller.on_silence(0)
        recorder.speak("That's all from me.")
        controller.end_answer()
        for _ in range(20):
            step(clock, speaker, controller, 0.5)
    else:
        _say_and_wait(clock, speaker, controller, recorder, "That's all from me.")
    assert speaker.said[replied:] == [settings.early_closing_text], speaker.said[replied - 1:]
    assert engine.is_over
