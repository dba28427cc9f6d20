"""N pressed while the interviewer is already moving on (trial13, an ML breadth round): the
candidate answered "That's it." in Features, the round moved on to "Offline and online
evaluation" on its own, and N pressed 5 s later, during that part's opening, skipped it whole:
its question was never asked, the wrap-up's twist referred to an experiment never introduced,
and the review said the part "ended without a clarifying question". N then is the same move-on."""
from engine_scripts import short_round
from test_round_controller import make, step

from interviewer.core.engine import PhaseEnd


def _answered_first_part(tmp_path, speech_seconds=2.0):
    """p0's question answered (Space): the round moves on to p1 on its own (its agenda is done)."""
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=short_round((5, 5, 5), 15), speech_seconds=speech_seconds)
    controller.start()
    while controller.current_answer is None:
        step(clock, speaker, controller)
    recorder.speak("That's it.")
    controller.end_answer()
    step(clock, speaker, controller, 0.1)
    assert engine.current_phase.id == "p1" and engine.timeline.phases[0].ended_by == PhaseEnd.AGENDA
    return clock, engine, speaker, recorder, controller


def test_next_during_the_next_parts_opening_does_not_skip_it(tmp_path):
    clock, engine, speaker, recorder, controller = _answered_first_part(tmp_path)
    step(clock, speaker, controller, 1.0)  # "Prompt 1." is being said
    assert controller.status == "speaking"
    assert controller.next_is_same_move_on
    controller.next_part()
    assert engine.current_phase.id == "p1"
    while controller.current_answer is None:
        step(clock, speaker, controller)
    assert speaker.said[-2:] == ["Prompt 1.", "Question 1?"]  # its question is asked
    assert [p.phase for p in engine.timeline.phases] == ["p0", "p1"]


def test_next_in_the_grace_after_a_move_on_without_speech_does_not_skip_it(tmp_path):
    # Shown as text (nothing takes time to say): the beat after the move-on still counts.
    clock, engine, speaker, recorder, controller = _answered_first_part(tmp_path, speech_seconds=0.0)
    step(clock, speaker, controller, 1.0)
    controller.next_part()
    assert engine.current_phase.id == "p1"


def test_next_once_the_part_is_under_way_moves_on(tmp_path):
    clock, engine, speaker, recorder, controller = _answered_first_part(tmp_path)
    while controller.current_answer is None:
        step(clock, speaker, controller)
    step(clock, speaker, controller, 5.0)  # the question was said and the beat is over
    assert not controller.next_is_same_move_on
    controller.next_part()
    assert engine.current_phase.id == "p2"


def test_next_during_the_opening_of_a_part_the_candidate_moved_to_waits_for_its_question(tmp_path):
    # The candidate's own N started this part. A second N while its opening is still being said
    # is the same press (trial17, test_next_pressed_twice.py); once its question is out, N skips it.
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=short_round((5, 5, 5), 15), speech_seconds=2.0)
    controller.start()
    while controller.current_answer is None:
        step(clock, speaker, controller)
    controller.next_part()
    step(clock, speaker, controller, 1.0)
    controller.next_part()
    assert engine.current_phase.id == "p1"
    while controller.current_answer is None:
        step(clock, speaker, controller)
    controller.next_part()
    assert engine.current_phase.id == "p2"
