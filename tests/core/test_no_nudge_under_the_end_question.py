"""Trial 19 item 13: "Remember to think out loud." was said at 02:47 while the End round question
was on screen, and stayed in the transcript. While a question that may end the round is open the
round holds its silence rules (hold_silence), and that time counts as no silence after it."""
from test_round_controller import step
from test_round_turns import at_feed_question

from interviewer.core.round_settings import ControllerSettings

SETTINGS = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=10)


def quiet_for(clock, speaker, controller, start, seconds):
    quiet = start
    while quiet < start + seconds:
        quiet += 0.5
        controller.on_silence(quiet)
        step(clock, speaker, controller, 0.5)
    return quiet


def test_no_nudge_while_the_end_round_question_is_open(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, settings=SETTINGS)
    said = len(speaker.said)
    quiet = quiet_for(clock, speaker, controller, 0.0, 6)  # thinking
    controller.hold_silence(True)  # "End the round?" is shown
    quiet = quiet_for(clock, speaker, controller, quiet, 20)
    assert speaker.said[said:] == [], "nothing said under the question"
    assert controller.current_answer.nudges == []
    controller.hold_silence(False)  # No: the round goes on
    quiet = quiet_for(clock, speaker, controller, quiet, 9)
    assert speaker.said[said:] == [], "the silence counts anew from when the question closed"
    quiet_for(clock, speaker, controller, quiet, 1.5)
    assert speaker.said[said:] == [SETTINGS.nudge_text], "a nudge once the candidate's silence is long enough"

