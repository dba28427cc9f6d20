"""Trial 31, item 3: "Hmm, good question. Let me think about that for a moment." was written
"Um, good question. Let me think I'm out at for a moment." and not taken as a request for time:
8 s into the silence "Take your time. Shall I move on?", 5 s later "Good. Let's go into the data
and the features." while the candidate was still thinking ("Good." for an answer never given).
The request is heard however the speech model mangles the words between "let me think" and "for
a moment"; after the thinking time the interviewer checks in, and silence after that check-in is
no yes when nothing but time was asked for. Fake clock and fakes."""
from dataclasses import replace

import pytest

from interviewer.core import conversation_cues
from interviewer.core.round_settings import ANNOUNCED_THINKING_S, ControllerSettings

from engine_scripts import short_round
from test_check_in_before_moving_on import quiet
from test_round_turns import at_feed_question, make, step

MISHEARD = "Um, good question. Let me think I'm out at for a moment."
CHECK_IN = ControllerSettings().check_in_text


@pytest.mark.parametrize("text", [
    MISHEARD,
    "Hmm, good question. Let me think about that for a moment.",
    "Let me think this one over for a second.",
    "Give me just a moment.",
])
def test_a_request_for_time_is_heard_through_mishearings(text):
    assert conversation_cues.asks_for_time(text)
    assert conversation_cues.only_asks_for_time(text)


@pytest.mark.parametrize("text", [
    "I would cache the routing times for a second.",
    "Let me explain the design for a minute.",
    "I would rank posts by engagement. Um, let me come out to the number of causes for a second.",
    "I'd train with a quantile loss. That's it.",
    "Good question. I would split the estimate into stages.",
])
def test_ordinary_answers_are_no_request_for_time(text):
    assert not conversation_cues.only_asks_for_time(text)


def test_silence_after_a_misheard_request_is_thinking_time_and_the_check_in_waits_for_a_reply(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    answer = controller.current_answer
    asks = len(engine.timeline.asks)
    controller.on_silence(0)
    recorder.speak(MISHEARD)
    quiet(clock, speaker, controller, ANNOUNCED_THINKING_S - 1)
    assert controller.current_answer is answer and CHECK_IN not in speaker.said, "thinking time, no check-in"
    quiet(clock, speaker, controller, ANNOUNCED_THINKING_S + 1, start=ANNOUNCED_THINKING_S - 1)
    assert speaker.said[-1] == CHECK_IN, "after the thinking time the interviewer checks in"
    quiet(clock, speaker, controller, 30)  # counted anew from the end of the check-in
    assert controller.current_answer is answer and answer.ended_by is None, "silence is no yes"
    assert len(engine.timeline.asks) == asks and controller._goes_on_in() is None
    controller.on_silence(0)  # the answer comes: the same answer
    recorder.speak("I would weigh late errors three times as much as early ones in the loss. That's it.")
    quiet(clock, speaker, controller, 4)
    assert answer.ended_by == "silence" and speaker.said.count(CHECK_IN) == 1


def test_no_praise_for_an_answer_that_only_asked_for_time(tmp_path):
    script = short_round((1, 44))
    script = replace(script, phases=(script.phases[0], replace(script.phases[1], prompt="Good. Prompt 1.")))
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=script)
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "q0":
        step(clock, speaker, controller, 0.5)
    controller.on_silence(0)
    recorder.speak(MISHEARD)
    seconds = 0.0
    while engine.current_phase.id == "p0":
        seconds += 1
        clock.advance(1)
        controller.on_silence(seconds)
        speaker.tick()
        controller.poll()
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    assert "Prompt 1." in speaker.said and "Good. Prompt 1." not in speaker.said


def test_no_nudge_to_think_aloud_within_the_thinking_time_asked_for(tmp_path):
    """Trial 32: "Remember to think out loud." came ~12 s after the (misheard) request."""
    nudge = "Remember to think out loud."
    settings = replace(ControllerSettings(), silence_nudge_after=12.0, nudge_text=nudge)
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, settings=settings)
    controller.on_silence(0)
    recorder.speak(MISHEARD)
    quiet(clock, speaker, controller, ANNOUNCED_THINKING_S - 1)
    assert nudge not in speaker.said
    # Silence with no such request still gets the nudge at 12 s.
    clock2, engine2, speaker2, recorder2, controller2, _ = at_feed_question(tmp_path / "b", settings=settings)
    quiet(clock2, speaker2, controller2, 13)
    assert nudge in speaker2.said


def test_the_silence_after_a_misheard_request_is_thinking_time_in_the_review():
    from interviewer.core.analysis.report import analyze_answer
    from interviewer.core.transcript import Segment, Transcript, Word

    said = MISHEARD.split() + "So I would weigh late errors more in the loss.".split()
    words, t = [], 0.0
    for k, w in enumerate(said):
        if k == len(MISHEARD.split()):
            t += 21.4
        words.append(Word(w, t, t + 0.3))
        t += 0.35
    transcript = Transcript([Segment(" ".join(said), 0.0, t, tuple(words))], t + 1.0, None)
    kinds = {f.kind: f.message for f in analyze_answer(transcript).findings}
    assert "went_silent" not in kinds, kinds
    assert "as you asked" in kinds.get("long_pause", ""), kinds
