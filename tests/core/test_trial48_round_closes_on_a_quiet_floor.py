"""Trial 48, problem 11: on the last part's floor for the candidate's questions, after the reply
to their question, "No, that's all from me. Thank you." was heard as "So, that's immoral from
me." and the interviewer said nothing for 60 s, until N. Now, with nothing left but the
candidate's questions, a turn over and a quiet beat (or no word at all for a while on the
floor) close the round as a person would; the round ends as usual."""
from interviewer.core.candidate_questions import FLOOR_BACK
from interviewer.core.round_settings import FLOOR_SILENT_CLOSES_S

from test_round_controller import step
from test_round_turns import ask
from test_trial32_interviewer_answers import SHIP, at_wrap_up


def _asked_and_answered(tmp_path):
    clock, engine, speaker, recorder, controller = at_wrap_up(tmp_path)
    # at_wrap_up jumps the clock past the last part's follow-up: answered, as a real round's turn
    # would have it before the wrap-up (else the floor is not only the candidate's).
    for open_ask in engine.timeline.asks:
        if open_ask.answered_at is None:
            open_ask.answered_at = engine.elapsed()
    ask(controller, recorder, SHIP)
    assert speaker.said[-1].endswith(FLOOR_BACK)
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    return clock, engine, speaker, recorder, controller


def _silent(clock, speaker, controller, seconds, start=0.0):
    t = start
    while t < start + seconds - 1e-9:
        t += 0.5
        clock.advance(0.5)
        controller.on_silence(t)
        speaker.tick()
        controller.poll()


def test_a_misheard_goodbye_then_silence_closes_the_round(tmp_path):
    clock, engine, speaker, recorder, controller = _asked_and_answered(tmp_path)
    controller.on_silence(0)
    recorder.speak("So, that's immoral from me. Thank you.")
    _silent(clock, speaker, controller, 15)
    assert controller.finished, (controller.status, speaker.said[-3:])
    assert speaker.said[-1] == controller.settings.floor_closing_text
    assert engine.elapsed() < 55 * 60 + 5 + 60  # not the part's end, nor a minute's wait


def test_no_word_after_the_reply_closes_the_round_too(tmp_path):
    clock, engine, speaker, recorder, controller = _asked_and_answered(tmp_path)
    _silent(clock, speaker, controller, FLOOR_SILENT_CLOSES_S - 2)
    assert not controller.finished  # time to think of another question first
    _silent(clock, speaker, controller, 8, start=FLOOR_SILENT_CLOSES_S - 2)
    assert controller.finished and speaker.said[-1] == controller.settings.floor_closing_text


def test_another_question_after_the_reply_is_answered_not_closed_over(tmp_path):
    clock, engine, speaker, recorder, controller = _asked_and_answered(tmp_path)
    before = len(speaker.said)
    ask(controller, recorder, "What does a typical week look like for you?")
    assert speaker.said[-1].endswith(FLOOR_BACK) and len(speaker.said) > before
    assert not controller.finished
