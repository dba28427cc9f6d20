"""Trial 47 defect 3: "Let me think for a second." was written "I'm not leaving for a second." ("Let"
lost). No test took it for a request for time: 8 s later "Take your time. Shall I move on?", and 7 s
of silence after it were taken for a yes: the part ("Training and models") ended at 4 min 37 s of
its 14 min, the follow-up unanswered.

(a) Said on its own, a first-person sentence ending "for a second/moment/minute" is the request
misheard (conversation_cues._FIRST_PERSON_MOMENT, only when it says nothing else): "Sure, take
your time.", no check-in or nudge within the time asked for, silence no yes. Answers ending the same
way are not taken ("I'd cache it for a minute.", "I would wait for a minute.").
(b) Misheard past any test, a last sentence naming a moment got "Take your time. Shall I move
on?": the silence after it is no yes before the thinking time a request for time gets
(ANNOUNCED_THINKING_S of silence in all). Fake clock and fakes."""
from dataclasses import replace

import pytest

from interviewer.core import conversation_cues
from interviewer.core.interview_requests import THINKING_TIME_REPLY, asks_for_thinking_time
from interviewer.core.round_settings import ANNOUNCED_THINKING_S, CHECK_IN_WAIT_S, ControllerSettings

from test_check_in_before_moving_on import LIMIT, at_silence_limit, quiet
from test_round_turns import FakeAnswerer, at_feed_question

HEARD = "I'm not leaving for a second."
NUDGE = "Remember to think out loud."
CHECK_IN = ControllerSettings().check_in_text


@pytest.mark.parametrize("text", [HEARD, "Um, I'm not leaving for a second.", "Okay. I'm not leaving for a moment.",
                                  "Hmm, good question. I'm thinking for a minute."])
def test_a_first_person_request_misheard_is_one(text):
    assert conversation_cues.only_asks_for_time(text) and asks_for_thinking_time(text)


@pytest.mark.parametrize("text", ["I'd cache it for a minute.", "I would wait for a minute.", "I cache it for a minute.",
                                  "I retry after waiting for a second.", "I would cache the routing times for a second.",
                                  "We hold the lock for a second.", "I'd use a TTL. I'm not leaving for a second.",
                                  "I'll keep it for a minute."])
def test_answers_ending_for_a_minute_are_no_request(text):
    assert not conversation_cues.only_asks_for_time(text) and not asks_for_thinking_time(text)


def test_the_misheard_request_gets_take_your_time_and_silence_is_no_yes(tmp_path):
    settings = replace(ControllerSettings(), silence_nudge_after=12.0, nudge_text=NUDGE)
    clock, engine, speaker, recorder, controller, _ = at_feed_question(tmp_path, settings=settings,
                                                                        answerer=FakeAnswerer())
    answer, asks = controller.current_answer, len(engine.timeline.asks)
    controller.on_silence(0)
    recorder.speak(HEARD)
    quiet(clock, speaker, controller, ANNOUNCED_THINKING_S - 1)
    assert THINKING_TIME_REPLY in speaker.said
    assert NUDGE not in speaker.said and CHECK_IN not in speaker.said
    quiet(clock, speaker, controller, 40)  # counted anew: a long think, and no yes to anything
    assert controller.current_answer is answer and answer.ended_by is None
    assert len(engine.timeline.asks) == asks


def test_after_the_check_in_a_moment_named_keeps_the_thinking_time(tmp_path):
    # Misheard past the test (no subject heard): the check-in comes, as before, at the silence limit.
    clock, engine, speaker, recorder, controller = at_silence_limit(tmp_path, "Um, not leaving for a second.")
    answer, asks = controller.current_answer, len(engine.timeline.asks)
    assert speaker.said[-1] == CHECK_IN and answer.question_id == "feed"
    quiet(clock, speaker, controller, CHECK_IN_WAIT_S + 2)  # the 7 s of trial 47: no yes
    assert controller.current_answer is answer and len(engine.timeline.asks) == asks
    # Moved on only once the silence is as long as a request for time gets (LIMIT s before the line).
    quiet(clock, speaker, controller, ANNOUNCED_THINKING_S - LIMIT - 0.5, start=CHECK_IN_WAIT_S + 2)
    assert controller.current_answer is answer
    quiet(clock, speaker, controller, ANNOUNCED_THINKING_S - LIMIT + 0.5, start=ANNOUNCED_THINKING_S - LIMIT - 0.5)
    assert controller.current_answer is not answer and answer.ended_by == "silence"
    assert speaker.said.count(CHECK_IN) == 1
