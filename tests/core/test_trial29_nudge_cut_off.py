"""Trial 29 item D11 (c): "Remember to think out loud." stopped after 0.4 s because the candidate
started talking showed whole in the transcript and the review, with no "[cut off]", while a reply
talked over read "... [cut off]". Every line the candidate talks over during an answer is marked
alike (core.round_updates.ReplyCutOff): the line reads the words heard, then "[cut off]"."""
from test_round_turns import FakeAnswerer, at_feed_question
from test_trial22_interviewer_lines import HeardSpeaker

from interviewer.core.round_records import CUT_OFF_MARK, cut_off_text
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import ReplyCutOff

NUDGE = "Remember to think out loud."


def _nudging(tmp_path, seconds: float = 2.0):
    settings = ControllerSettings(silence_nudge_after=5)
    clock, _engine, _speaker, recorder, controller, updates = at_feed_question(
        tmp_path, settings=settings, answerer=FakeAnswerer(), speech_seconds=2)
    speaker = HeardSpeaker(clock, seconds)
    controller.speaker = speaker
    controller.on_silence(5)
    controller.poll()
    assert speaker.said[-1] == NUDGE and speaker.busy
    return clock, speaker, controller, updates


def test_a_nudge_talked_over_reads_the_words_heard_and_cut_off(tmp_path):
    clock, speaker, controller, updates = _nudging(tmp_path)
    clock.advance(1.0)  # "Remember to" played of its 2 s
    controller.on_voice()
    controller.poll()
    assert not speaker.busy
    marked = cut_off_text(NUDGE, len("Remember to"))
    assert marked == "Remember to..." + CUT_OFF_MARK
    cut = [u for u in updates if isinstance(u, ReplyCutOff)]
    assert [(u.text, u.marked, u.reply) for u in cut] == [(NUDGE, marked, "")]


def test_a_nudge_talked_over_at_once_is_marked_cut_off_too(tmp_path):
    clock, speaker, controller, updates = _nudging(tmp_path)
    clock.advance(0.1)  # not a word of it out yet: the line as said, marked
    controller.on_voice()
    controller.poll()
    cut = [u for u in updates if isinstance(u, ReplyCutOff)]
    assert [(u.text, u.marked) for u in cut] == [(NUDGE, NUDGE + CUT_OFF_MARK)]
