"""Trial 46, defect 2: "Okay. Hmm, let me think about that for a second." was written "Okay. Um, let
me think I'm out now for a second." and got "Good question. Make a reasonable assumption, say it
out loud, and go on." (the no-fact reply: the round saw a request for time, then asked the
clarifying answerer about it, whose test for thinking time was the strict wording) and then
"Remember to think out loud.". In round 2, "Okay. Let me think about that for a second." written
"Okay. Let me come out now for a second." was not taken for a request at all: "Take your time.
Shall I move on?" 8 s later, and the silence after it taken for a yes. Heard right ("Give me a
moment.") the round says "Sure, take your time." and waits.

Now a request for time is recognised from its robust ends ("let me think"/"let me come",
"give me", ... "for a second/moment/minute") whatever is misheard between them, by the one test
the reply and the silence rules share (interview_requests.asks_for_thinking_time): it gets "Sure,
take your time.", never the no-fact reply, no nudge within the time asked for, and silence is no
yes. Fake clock and fakes."""
from dataclasses import replace

import pytest

from interviewer.core import conversation_cues
from interviewer.core.interview_requests import THINKING_TIME_REPLY, asks_for_thinking_time
from interviewer.core.round_settings import ANNOUNCED_THINKING_S, ControllerSettings

from test_check_in_before_moving_on import quiet
from test_round_turns import FakeAnswerer, at_feed_question

HEARD = ["Okay. Um, let me think I'm out now for a second.", "Okay. Let me come out now for a second."]
NO_FACT = "Good question. Make a reasonable assumption and state it."
NUDGE = "Remember to think out loud."
CHECK_IN = ControllerSettings().check_in_text


@pytest.mark.parametrize("text", [*HEARD, "Hmm. Give me a moment.", "Um, one sec."])
def test_a_misheard_request_for_time_is_one(text):
    assert conversation_cues.only_asks_for_time(text) and asks_for_thinking_time(text)


@pytest.mark.parametrize("text", ["Let me come back to that in a second.", "Let me explain the design for a minute.",
                                  "I would rank posts by engagement. Um, let me come out to the number of causes for a second."])
def test_other_sentences_are_no_request_for_time(text):
    assert not conversation_cues.only_asks_for_time(text)


@pytest.mark.parametrize("said", HEARD)
def test_a_misheard_request_for_time_gets_take_your_time_and_no_no_fact_reply(tmp_path, said):
    settings = replace(ControllerSettings(), silence_nudge_after=12.0, nudge_text=NUDGE)
    clock, engine, speaker, recorder, controller, _ = at_feed_question(tmp_path, settings=settings,
                                                                        answerer=FakeAnswerer())
    answer, asks = controller.current_answer, len(engine.timeline.asks)
    controller.on_silence(0)
    recorder.speak(said)
    quiet(clock, speaker, controller, ANNOUNCED_THINKING_S - 1)
    assert THINKING_TIME_REPLY in speaker.said
    assert NO_FACT not in speaker.said and NUDGE not in speaker.said and CHECK_IN not in speaker.said
    quiet(clock, speaker, controller, 40)  # counted anew: a long think, and no yes to anything
    assert controller.current_answer is answer and answer.ended_by is None
    assert len(engine.timeline.asks) == asks


def test_over_a_question_cut_off_the_misheard_request_gets_no_move_on_and_no_re_reading(tmp_path):
    """Round 2: said over the follow-up it cut, the misheard request got "Take your time. Shall I move
    on?" and, after 5 s of silence taken for a yes, "Let me finish the question:" and the
    follow-up again, while the candidate was thinking. Now it is the request heard right."""
    from test_round_turns import make, step

    clock, engine, speaker, recorder, controller, _ = make(tmp_path, speech_seconds=6, answerer=FakeAnswerer())
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()  # the intro prompt
    controller.poll()
    step(clock, speaker, controller, 6)  # "Let's start with the problem." said
    step(clock, speaker, controller, 1)  # 1 s into the question
    controller.on_voice()  # the candidate talks over it
    controller.poll()
    controller.on_silence(0)
    recorder.speak(HEARD[1])
    quiet(clock, speaker, controller, 45)
    said = speaker.said[speaker.said.index("Design a news feed ranking system.") + 1:]
    assert said == [THINKING_TIME_REPLY], said
    finish = ControllerSettings().finish_lead_in
    assert not any(line.startswith(finish) for line in speaker.said)


@pytest.mark.parametrize("heard", HEARD)
def test_the_silence_after_the_misheard_request_is_time_asked_for_in_the_review(heard):
    from interviewer.core.analysis.report import analyze_answer
    from interviewer.core.transcript import Segment, Transcript, Word

    said = heard.split() + "So I would weigh late errors more in the loss.".split()
    words, t = [], 0.0
    for k, w in enumerate(said):
        if k == len(heard.split()):
            t += 21.4
        words.append(Word(w, t, t + 0.3))
        t += 0.35
    transcript = Transcript([Segment(" ".join(said), 0.0, t, tuple(words))], t + 1.0, None)
    kinds = {f.kind: f.message for f in analyze_answer(transcript).findings}
    assert "as you asked" in kinds.get("long_pause", ""), kinds
