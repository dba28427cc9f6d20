"""A line the candidate talked over reads only the words they heard before cutting in (the
speaker's stop() tells how many characters had been played), then "..." and the cut-off mark:
the log, live transcript, review and exports showed the whole line although only its first
words were heard. The question said again in full afterwards is unchanged, and a speaker that
cannot tell (stop() returns None, as every fake here) keeps the whole line."""
from test_question_cut_off import FEED, said_in_full, talk
from test_question_finished_after_a_late_cut import FINISH
from test_round_controller import step
from test_round_turns import FakeAnswerer, make

from interviewer.core.round_records import CUT_OFF_MARK, cut_off_text
from interviewer.core.round_updates import LineCutOff

HEARD = len("Design a news feed")  # the speaker played up to the end of "feed"


def reporting(speaker, heard):
    """The fake speaker's stop() reports `heard` characters played (the real Speaker's word times)."""
    stop = speaker.stop

    def stop_and_tell():
        busy = speaker.busy
        stop()
        return heard if busy else None
    speaker.stop = stop_and_tell
    return speaker


def test_cut_off_text_keeps_the_words_heard():
    assert cut_off_text(FEED, HEARD) == "Design a news feed..." + CUT_OFF_MARK
    assert cut_off_text("Design a feed. Start with the users.", len("Design a feed.")) == \
        "Design a feed..." + CUT_OFF_MARK, "no sentence stop before the ellipsis"
    for heard in (None, 0, len(FEED)):
        assert cut_off_text(FEED, heard) == FEED + CUT_OFF_MARK, "nothing known, none or all played: whole"


def test_a_question_cut_late_reads_the_words_heard_and_is_said_again_in_full(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6, answerer=FakeAnswerer())
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()  # the intro prompt
    controller.poll()
    step(clock, speaker, controller, 6)
    assert speaker.said[-1] == FEED and speaker.busy
    step(clock, speaker, controller, 2)
    reporting(speaker, HEARD)
    controller.on_voice()
    controller.poll()
    marked = "Design a news feed..." + CUT_OFF_MARK
    assert [(u.text, u.marked) for u in updates if isinstance(u, LineCutOff)] == [(FEED, marked)]
    turn = controller.current_answer
    assert (turn.question_id, turn.question_text) == ("feed", marked), "headed by the line as heard"
    talk(controller, recorder, "Sorry, what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    # The reply goes on with the question in full (trial 21), and what follows answers it.
    said_in_full(clock, speaker, controller, f"Assume a 200 millisecond budget. {FINISH} {FEED}")
    talk(controller, recorder, "Okay. I'd rank the posts by predicted engagement.")
    assert controller.current_answer is turn and turn.question_id == "feed"
    controller.end_answer()
    for _ in range(6):
        step(clock, speaker, controller, 0.5)
    assert FINISH not in speaker.said, "not asked a second time"


def test_a_question_cut_at_once_heads_the_turn_with_the_words_heard(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6)
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()
    controller.poll()
    step(clock, speaker, controller, 6)
    step(clock, speaker, controller, 0.5)
    reporting(speaker, len("Design"))
    controller.on_voice()
    controller.poll()
    assert controller.current_answer.question_id is None
    assert controller.current_answer.question_text == "Design..." + CUT_OFF_MARK
    assert [u.marked for u in updates if isinstance(u, LineCutOff)] == ["Design..." + CUT_OFF_MARK]
