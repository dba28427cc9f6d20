"""Session 34, conversation item 3: the replies to the offer of another question were left out of
the answer's word count and measures, but "Sure, go ahead." or "No, give me a second." said to
"Take your time. Shall I move on?" (or to the offer of a hint or to move on) was counted as
words of the answer, and "No, that's all." to "Anything you'd like to add before we finish?" was
kept as an answer.

Now core.control_questions is the one place that says which lines are control questions and
what a short reply to one is; the round controller files an answer's transcript (what the
review, exports, Home, Progress and the live counter read) without those replies, and a stretch
that is only such a reply is no answer (AnswerRecord.counted). Fake clock, speaker and recorder,
a transcriber that times its words."""
from __future__ import annotations

import pytest

from interviewer.core.control_questions import (control_questions, is_control_question, is_control_reply,
                                                without_control_replies)
from interviewer.core.echo_filter import PlayedLine
from interviewer.core.extra_questions import EXTRA_OFFER_ID
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerDropped, TranscriptReady
from interviewer.core.transcript import Segment, Transcript, Word

import test_round_turns
from test_check_in_before_moving_on import LIMIT, MISHEARD, quiet
from test_round_turns import FakeSpeaker

CHECK_IN = ControllerSettings().check_in_text


class WordTranscriber:
    """Each fed text becomes words 0.3 s apart, from when it was fed (seconds into the recording)."""
    clock = None

    def __init__(self):
        self.origin = self.clock.now()
        self.segments: list[Segment] = []
        self.on_segment = None

    def feed(self, text):
        at = self.clock.now() - self.origin
        words = tuple(Word(w, at + 0.3 * i, at + 0.3 * i + 0.25) for i, w in enumerate(text.split()))
        segment = Segment(text, words[0].start, words[-1].end, words)
        self.segments.append(segment)
        if self.on_segment:
            self.on_segment(segment)

    def finish(self):
        return Transcript(segments=list(self.segments), duration=self.clock.now() - self.origin)


@pytest.fixture
def at_check_in(tmp_path, monkeypatch):
    def timed(clock):
        return type("Timed", (WordTranscriber,), {"clock": clock})
    monkeypatch.setattr(test_round_turns.SegmentTranscriber, "timed", staticmethod(timed))
    clock, engine, speaker, recorder, controller, updates = test_round_turns.at_feed_question(tmp_path)
    controller.on_silence(0)
    recorder.speak(MISHEARD)
    quiet(clock, speaker, controller, LIMIT)
    assert speaker.said[-1] == CHECK_IN
    return clock, engine, speaker, recorder, controller, updates


def _filed(updates, record):
    return next(u.transcript.text for u in updates if isinstance(u, TranscriptReady) and u.answer == record.index)


def test_a_wait_said_to_the_check_in_is_no_answer_word(at_check_in):
    clock, engine, speaker, recorder, controller, updates = at_check_in
    answer = controller.current_answer
    clock.advance(1)
    controller.on_silence(0)
    recorder.speak("No, give me a second.")
    clock.advance(4)
    recorder.speak("The other causes are a learning rate that is too high and bad input data.")
    controller.end_answer()
    for _ in range(10):
        clock.advance(0.5)
        speaker.tick()
        controller.poll()
    filed = _filed(updates, answer)
    assert "give me a second" not in filed and "The other causes are" in filed and "rank posts" in filed
    assert answer.counted
    # The record keeps them (they said no to moving on).
    assert "give me a second" in answer.transcript.text


def test_a_go_ahead_said_to_the_check_in_is_no_answer_word(at_check_in):
    clock, engine, speaker, recorder, controller, updates = at_check_in
    answer = controller.current_answer
    clock.advance(1)
    controller.on_silence(0)
    recorder.speak("Sure, go ahead.")
    controller.end_answer()
    for _ in range(10):
        clock.advance(0.5)
        speaker.tick()
        controller.poll()
    filed = _filed(updates, answer)
    assert "go ahead" not in filed and "rank posts by engagement" in filed


def test_the_control_questions_and_their_replies():
    settings = ControllerSettings()
    assert {settings.check_in_text, settings.offer_help_text, settings.offer_help_next_part_text,
            settings.offer_help_move_on_text, settings.nothing_left_text} <= control_questions(settings)
    assert is_control_question("Still ten minutes to go. Another one?", EXTRA_OFFER_ID)
    assert not is_control_question("How would you rank the posts?")
    for reply in ("Sure, go ahead.", "No, give me a second.", "Not yet.", "Yes, a hint please.", "No, that's all."):
        assert is_control_reply(reply), reply
    for more in ("Yes, I would add a canary release.", "No, the latency matters more than the cost."):
        assert not is_control_reply(more), more
    words = [Word(w, 0.3 * i, 0.3 * i + 0.25) for i, w in enumerate("Okay go ahead".split())]
    later = [Word(w, 5 + 0.3 * i, 5 + 0.3 * i + 0.25) for i, w in enumerate("and a canary release".split())]
    transcript = Transcript([Segment("Okay go ahead", 0, 1, tuple(words)), Segment("and a canary release", 5, 6, tuple(later))])
    kept = without_control_replies(transcript, 100.0, [PlayedLine(CHECK_IN, 98.0, 99.5)])
    assert kept.text == "and a canary release"
