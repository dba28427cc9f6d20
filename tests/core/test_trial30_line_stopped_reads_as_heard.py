"""Trial 30 defect 5: N pressed 3 s into the opening, with only "Hi, thanks for coming." heard,
and the review showed the whole opening as said, with no "[cut off]" (a line talked over was
marked). A line stopped by N, the round's end or time up now reads what was heard of it, as the
speaker's stop() tells: the words heard, marked cut off; nothing heard: not said at all."""
import pytest

from test_round_controller import step
from test_round_turns import make

from interviewer.core.round_records import CUT_OFF_MARK, stopped_line_text
from interviewer.core.round_updates import SpeechInterrupted

OPENING = "Hi, thanks for joining. Tell me briefly about yourself."
GREETING = len("Hi, thanks for joining.")


def reporting(speaker, heard):
    stop = speaker.stop

    def stop_and_tell():
        busy = speaker.busy
        stop()
        return heard if busy else None
    speaker.stop = stop_and_tell


def test_the_text_of_a_stopped_line():
    assert stopped_line_text(OPENING, GREETING) == "Hi, thanks for joining..." + CUT_OFF_MARK
    assert stopped_line_text(OPENING, 0) == "", "nothing heard: not said"
    assert stopped_line_text(OPENING, None) is None, "the speaker cannot tell: as said"
    assert stopped_line_text(OPENING, len(OPENING)) is None, "every word began: said"


@pytest.mark.parametrize("heard, marked", [
    (GREETING, "Hi, thanks for joining..." + CUT_OFF_MARK),
    (0, ""),
    (None, None),
])
def test_n_during_the_opening_marks_it_as_heard(tmp_path, heard, marked):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=10)
    controller.start()
    step(clock, speaker, controller, 3)
    assert speaker.said == [OPENING] and speaker.busy
    reporting(speaker, heard)
    controller.next_part()  # N, 3 s in
    stopped = [u for u in updates if isinstance(u, SpeechInterrupted)]
    assert [(u.text, u.marked) for u in stopped] == [(OPENING, marked)]
    opening = next(u for u in controller.utterances if u.text == OPENING)
    assert opening.interrupted and opening.spoken is (heard != 0)


def test_ending_the_round_mid_line_marks_it_too(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=10)
    controller.start()
    step(clock, speaker, controller, 3)
    reporting(speaker, GREETING)
    controller.stop()
    assert [u.marked for u in updates if isinstance(u, SpeechInterrupted)] == ["Hi, thanks for joining..." + CUT_OFF_MARK]
