"""Trial 45 defect 5: R (repeat the question), then Space 0.6 s later: only "Again: Tell..." was
heard, but the whole question was shown a second time, live and in the review, with no sign it
was cut. The repeat cut by Space now reads the words heard, marked cut off (as any line cut is:
core.round_records.cut_off_text), or goes when none of it was heard; the round screen and the
stored log both take it from the one SpeechInterrupted update."""
from test_cut_off_words_heard import reporting
from test_round_controller import step
from test_round_turns import at_feed_question

from interviewer.core.round_records import CUT_OFF_MARK, UtteranceKind
from interviewer.core.round_updates import SpeechInterrupted

FEED = "Design a news feed ranking system."


def _repeat_then_space(tmp_path, heard):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, speech_seconds=4)
    step(clock, speaker, controller, 5)  # the question is out; the candidate is on it
    assert controller.repeat_question()
    controller.poll()
    assert speaker.busy and speaker.said[-1] == FEED
    clock.advance(0.6)
    if heard != "cannot tell":
        reporting(speaker, heard)
    assert controller.interrupt()
    controller.poll()
    return [u for u in updates if isinstance(u, SpeechInterrupted) and u.kind == UtteranceKind.REPEAT], controller


def test_a_repeat_cut_at_once_reads_the_words_heard_marked_cut_off(tmp_path):
    stopped, _ = _repeat_then_space(tmp_path, len("Design"))
    assert [(u.text, u.marked) for u in stopped] == [(FEED, "Design..." + CUT_OFF_MARK)]


def test_a_repeat_cut_with_no_word_heard_is_left_out(tmp_path):
    stopped, controller = _repeat_then_space(tmp_path, 0)
    assert [(u.text, u.marked) for u in stopped] == [(FEED, "")]
    repeat = [u for u in controller.utterances if u.kind == UtteranceKind.REPEAT]
    assert repeat and not repeat[-1].spoken


def test_a_repeat_cut_by_a_speaker_that_cannot_tell_is_still_marked_cut_off(tmp_path):
    stopped, _ = _repeat_then_space(tmp_path, "cannot tell")
    assert [(u.text, u.marked) for u in stopped] == [(FEED, FEED + CUT_OFF_MARK)]
