"""The status line while the interviewer waits in a part that is not the last: a coding part whose
follow-ups ran out before the code was talked through waits for more (engine._still_working), and
the status line said "Nothing more is planned for this last part ... or N to end the round" in the
Design & code part of a user's 60-minute coding round, with Testing and Q&A still to come. N moves
to the next part there; only in the last part does it end the round."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_status import ControllerStatus, status_text
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now, step

SCRIPT = next(s for s in discover_scripts(bundled_scripts_dir(), user_dir=bundled_scripts_dir() / "none").scripts
              if s.id == "phone_screen_top_k_and_fundamentals")


def test_waiting_in_the_coding_part_says_n_moves_to_the_next_part(tmp_path):
    # Parts that run to their time (no moving on early): the interviewer waits there. With moving
    # on early it asks once to go on with the code instead (test_coding_part_dead_air.py).
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock, move_on_early=False)
    speaker, recorder = FakeSpeaker(clock, 0.0), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, run_in_background=run_now)
    controller.start()
    for said in ("Hi, I work on search ranking.", "Are the queries normalized already?",
                 "A hash map and a heap, n log k."):
        while controller.status != ControllerStatus.LISTENING:
            step(clock, speaker, controller, 0.5)
        step(clock, speaker, controller, 5)
        recorder.speak(said)
        controller.end_answer()
        for _ in range(20):
            step(clock, speaker, controller, 0.5)
    assert engine.current_phase.id == "code" and engine.has_next_phase
    assert controller.status == ControllerStatus.WAITING
    line = controller.status_line
    assert "last part" not in line and "end the round" not in line, line
    assert "N to move to the next part" in line and "Space" in line, line


def test_waiting_in_the_last_part_still_says_n_ends_the_round():
    line = status_text(ControllerStatus.WAITING)
    assert "last part" in line and "N to end the round" in line
