"""Trial 47, defect 2: "Okay. Um, let me think how for a second..." got "Sure, take your time.",
the candidate thought through the granted minute, "Remember to think out loud." came at 60 s and
the answer 9 s later. The review said "[waited 69.3 s]" and "Waited 69.3 s after the
interviewer's reply": the silence asked for was recognised only up to the granted 60 s, and past
it was taken for a wait for the interviewer. Now a silence asked for is that however the round's
nudge ended it (up to report.ASKED_THINKING_MAX_S), with a word on thinking aloud past the
minute, in the finding, the transcript mark and the counts alike. The words and silences are
trial 47's round 1, answer 2."""
import re

import pytest

from interviewer.core.analysis.report import (
    GRANTED_THINKING_S, WAITED_KIND, analyze_answer, is_candidate_long_pause, is_wait_for_interviewer)
from interviewer.core.transcript import Segment, Transcript, Word

CLARIFYING = "Just to be sure, the model is a transformer trained with Agamem."
ASKS_TIME = "Okay. Um, let me think how for a second..."
ANSWER = "Okay. The first thing I want to suspect is the learning rate. That's my answer."


def _answer(silence: float):
    """The trial's answer: the clarifying check at 10.5 s (the interviewer's reply 15-27 s), the
    request for time at 36.7 s ("Sure, take your time." 40.5-43.2 s), then `silence`."""
    words = []

    def say(text, t):
        for w in text.split():
            words.append(Word(w, t, t + 0.3))
            t += 0.35
        return t

    say(CLARIFYING, 10.47)
    end = say(ASKS_TIME, 36.68)
    resume = 43.27 + silence
    last = say(ANSWER, resume)
    transcript = Transcript([Segment(" ".join(w.text for w in words), 10.47, last, tuple(words))], last + 1.0, None)
    return analyze_answer(transcript, interviewer_speech=[(15.0, 27.9), (end + 0.2, 43.2)])


@pytest.mark.parametrize("silence", [69.266, 77.6, 40.0])
def test_the_silence_asked_for_after_the_interviewers_reply_is_time_asked_for(silence):
    a = _answer(silence)
    messages = [f.message for f in a.findings]
    asked = [m for m in messages if "as you asked" in m]
    assert asked and re.match(r"Took (\d+\.\d) s to think, as you asked", asked[0]), messages
    assert abs(float(asked[0].split()[1]) - silence) < 0.5
    assert not any(f.kind == WAITED_KIND for f in a.findings if f.start > 40), messages
    assert not any(f.kind == "went_silent" for f in a.findings), messages
    if silence > GRANTED_THINKING_S:
        assert "think aloud" in asked[0]
    long = [p for p in a.pauses if p.length >= silence - 1]
    assert long and not is_wait_for_interviewer(a.words, long[0], False)
    assert is_candidate_long_pause(a.words, long[0], False)  # counted as the long pause it was


def test_a_silence_long_past_the_time_asked_for_is_no_longer_it():
    a = _answer(200.0)
    assert not any("as you asked" in f.message for f in a.findings), [f.message for f in a.findings]


def test_after_take_your_time_the_interviewer_waits_the_minute_then_nudges_and_no_check_in(tmp_path):
    """The live side as the README now says (the behaviour kept, the README's 30 s check-in
    dropped): after "Sure, take your time." no "Take your time. Shall I move on?" and no nudge
    within the minute granted; then "Remember to think out loud."; the answer still goes on."""
    from dataclasses import replace

    from interviewer.core.interview_requests import THINKING_TIME_REPLY
    from interviewer.core.round_settings import THINKING_TIME_S, ControllerSettings

    from test_check_in_before_moving_on import quiet
    from test_round_turns import FakeAnswerer, at_feed_question

    nudge = "Remember to think out loud."
    settings = replace(ControllerSettings(), silence_nudge_after=12.0, nudge_text=nudge)
    clock, engine, speaker, recorder, controller, _ = at_feed_question(tmp_path, settings=settings,
                                                                        answerer=FakeAnswerer())
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak("Okay. Um, let me think how for a second...")
    quiet(clock, speaker, controller, 8)
    assert speaker.said[-1] == THINKING_TIME_REPLY
    quiet(clock, speaker, controller, THINKING_TIME_S - 10)
    assert nudge not in speaker.said and settings.check_in_text not in speaker.said
    quiet(clock, speaker, controller, THINKING_TIME_S + 5, start=THINKING_TIME_S - 10)
    assert nudge in speaker.said and settings.check_in_text not in speaker.said
    assert controller.current_answer is answer and answer.ended_by is None
