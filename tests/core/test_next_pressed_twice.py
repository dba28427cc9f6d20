"""N pressed twice quickly (trial17, the bundled coding round): the first N left Code, the second
came 27 ms later (the stored phase records: Test 223.103 -> 223.130 s) and skipped Test unheard,
its prompt "Let's stop coding there and test it..." cut off. A second N while the part the first
one began is still being announced is the same press: the part goes on, and the status line says
why the key did nothing. Once the part's prompt is out, N skips it as before."""
from test_round_controller import make, step

from interviewer.core.engine import PhaseEnd
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPT = {s.id: s for s in discover_scripts(bundled_scripts_dir(),
                                            user_dir=bundled_scripts_dir() / "no-such-folder").scripts}["coding_intervals"]


def _in_code(tmp_path, speech_seconds=2.0):
    """The coding round moved on with N, part by part, up to Code, its prompt said."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=SCRIPT, speech_seconds=speech_seconds)
    controller.start()
    while engine.current_phase.id != "code":
        while controller.current_answer is None:
            step(clock, speaker, controller)
        step(clock, speaker, controller, 1.0)  # the candidate's turn, past a double press
        controller.next_part()
    while controller.current_answer is None:
        step(clock, speaker, controller)
    step(clock, speaker, controller, 1.0)
    return clock, engine, speaker, recorder, controller


def test_a_double_press_of_next_skips_one_part_not_two(tmp_path):
    clock, engine, speaker, recorder, controller = _in_code(tmp_path)
    controller.next_part()
    assert engine.current_phase.id == "test"
    clock.advance(0.027)
    controller.next_part()  # the same press
    assert engine.current_phase.id == "test" and engine.timeline.phases[-1].ended_at is None
    assert "N ignored" in controller.status_line and '"Test"' in controller.status_line
    while controller.current_answer is None:
        step(clock, speaker, controller)
    # Its prompt and question were said in full, then the candidate's turn.
    said = [u for u in controller.utterances if u.text in (engine.script.phase("test").prompt,
                                                           engine.script.questions_in("test")[0].text)]
    assert len(said) == 2 and not any(u.interrupted for u in said)
    assert "N ignored" not in controller.status_line
    controller.next_part()  # now a choice: Test is skipped
    assert engine.current_phase.id == "scale"
    assert [p.ended_by for p in engine.timeline.phases if p.phase in ("code", "test")] == [PhaseEnd.NEXT] * 2


def test_next_in_the_last_part_ends_the_round_with_next(tmp_path):
    """The round's summary says the last part's N ended the round (trial17's said only "You ended
    the round at 6.1 of 45 min", and the candidate looked for the N in it)."""
    clock, engine, speaker, recorder, controller = _in_code(tmp_path)
    while engine.has_next_phase:
        controller.next_part()
        while controller.current_answer is None:
            step(clock, speaker, controller)
        step(clock, speaker, controller, 1.0)
    controller.next_part()
    assert engine.is_over and engine.timeline.phases[-1].ended_by == PhaseEnd.NEXT
