"""Trial 22 item 14: 13.9 s spent reading the app's own "Settings can't be opened during a round"
question counted against the candidate ("Slow start"). While such a question is open the round is
paused as P pauses it: the clocks stand still and the recording (whose start times the latency)
stops; "Keep going" resumes it, and a Yes ends it from the pause."""
from test_round_controller import step
from test_round_turns import at_feed_question

from interviewer.core.round_records import EndedBy


def test_the_question_pauses_the_clocks_and_the_recording(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    answer = controller.current_answer
    step(clock, speaker, controller, 2.0)
    before = engine.elapsed()
    controller.question_opened()
    assert controller.paused
    assert answer.ended_by == EndedBy.PAUSED, "the recording stops: no latency counts under the question"
    for _ in range(28):
        step(clock, speaker, controller, 0.5)  # 14 s reading the question
    assert engine.elapsed() == before, "the round clock stands still under the question"
    controller.question_closed(round_goes_on=True)  # Keep going
    assert not controller.paused
    assert engine.timeline.pauses[-1].seconds == 14.0


def test_a_round_paused_already_stays_paused(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    controller.pause()  # P
    controller.question_opened()
    step(clock, speaker, controller, 5.0)
    controller.question_closed(round_goes_on=True)
    assert controller.paused, "the candidate's own pause is theirs to end"


def test_yes_to_n_in_the_last_part_ends_the_round_from_the_pause(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    while engine.has_next_phase:
        controller.next_part()
        step(clock, speaker, controller, 0.5)
    controller.question_opened()  # "End the round?" after N in the last part
    step(clock, speaker, controller, 5.0)
    controller.question_closed(round_goes_on=False)
    assert controller.next_part(), "N still ends the round after Yes"
    assert engine.is_over


def test_yes_to_end_the_round_marks_the_answer_ended_by_the_stop_not_the_pause(tmp_path):
    """The question's pause ends the recording; the Yes that follows says how the answer ended
    (stored as stopped, as the End key would have ended it without the question)."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    answer = controller.current_answer
    step(clock, speaker, controller, 2.0)
    controller.question_opened()  # "End the round?"
    step(clock, speaker, controller, 3.0)
    controller.question_closed(round_goes_on=False)
    controller.stop()
    assert answer.ended_by == EndedBy.STOPPED
