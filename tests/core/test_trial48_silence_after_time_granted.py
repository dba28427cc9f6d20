"""Trial 48, problem 2: "And for the feature store, I think we would need, um, let me think about
that for a second." got "Sure, take your time.", the granted minute, "Remember to think out loud."
and then 4 min 18 s of nothing: the offer of a hint or to move on came only to an answer with no
word said yet, and silence never ends an answer that awaits speech after a reply. Now the ladder
goes on for an answer begun too: the offer, then the move on as offered (no request for more)."""
from dataclasses import replace

from interviewer.core.interview_requests import THINKING_TIME_REPLY
from interviewer.core.round_settings import THINKING_TIME_S, ControllerSettings

from test_check_in_before_moving_on import quiet
from test_round_turns import FakeAnswerer, at_feed_question

NUDGE = "Remember to think out loud."


def _stalled(tmp_path):
    settings = replace(ControllerSettings(), silence_nudge_after=12.0, nudge_text=NUDGE)
    clock, engine, speaker, recorder, controller, _ = at_feed_question(tmp_path, settings=settings,
                                                                        answerer=FakeAnswerer())
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("And for the feature store, I think we would need, um, let me think about that for a second.")
    quiet(clock, speaker, controller, 8)
    assert speaker.said[-1] == THINKING_TIME_REPLY
    return settings, clock, speaker, controller, answer


def test_after_the_granted_minute_and_the_nudge_comes_the_offer_then_the_move_on(tmp_path):
    settings, clock, speaker, controller, answer = _stalled(tmp_path)
    quiet(clock, speaker, controller, THINKING_TIME_S + 5, start=8)
    assert speaker.said[-1] == NUDGE and controller.current_answer is answer
    offers = {settings.offer_help_text, settings.offer_help_next_part_text, settings.offer_help_move_on_text}
    quiet(clock, speaker, controller, THINKING_TIME_S + 5 + 13, start=THINKING_TIME_S + 5)
    assert speaker.said[-1] in offers, speaker.said[-3:]
    assert answer.help_offered_at is not None and controller.current_answer is answer
    assert speaker.said.count(NUDGE) == 1  # company, not nagging: one nudge, one offer
    quiet(clock, speaker, controller, THINKING_TIME_S + 5 + 13 + 10, start=THINKING_TIME_S + 5 + 13)
    assert answer.ended_by == "silence" and answer.moved_on_after_check_in
    after = speaker.said[speaker.said.index(next(o for o in offers if o in speaker.said)) + 1:]
    assert "Which metric would you optimize?" in after  # the round went on to what comes next
