"""Trial 48: the 30 s the app's "End the round?" question stood open was kept as a pause of the
round like the candidate's own (P), and the review's timeline said "Round paused for 30 s". A
pause now keeps why the round stood still, and says so: ""End the round?" asked, 30 s"."""
from test_round_controller import step
from test_round_turns import at_feed_question

from interviewer.core.round_pauses import END_QUESTION_PAUSE, round_pause_words


def test_the_candidates_pause_and_the_end_questions_are_told_apart(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path)
    controller.pause()  # P
    step(clock, speaker, controller, 16.0)
    controller.resume()
    step(clock, speaker, controller, 5.0)
    controller.question_opened()  # "End the round?" ... Keep going
    step(clock, speaker, controller, 12.0)
    controller.question_closed(round_goes_on=True)
    step(clock, speaker, controller, 5.0)
    controller.question_opened()  # "End the round?" ... Yes
    step(clock, speaker, controller, 30.0)
    controller.question_closed(round_goes_on=False)
    controller.stop()
    assert [(p.seconds, p.why) for p in engine.timeline.pauses] == [
        (16.0, ""), (12.0, END_QUESTION_PAUSE), (30.0, END_QUESTION_PAUSE)]
    assert engine.timeline.to_dict()["pauses"][1]["why"] == END_QUESTION_PAUSE


def test_each_pause_is_said_as_what_it_was():
    assert round_pause_words(16.0) == "Round paused for 16 s"
    said = round_pause_words(30.0, END_QUESTION_PAUSE)
    assert "End the round?" in said and "30 s" in said and "paused" not in said.lower()
