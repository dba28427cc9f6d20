"""Trial 42 item 9 on the round screen itself: with the coding round's parts left early, the plan
bar showed a blank stretch between "Test" and "Scale it up", and "Scale it up" changed size as
parts ended. The bar's parts follow one another, each part to come at its planned size."""
from __future__ import annotations

import shutil
from pathlib import Path

from interviewer.core.clock import FakeClock

from test_round import make_window

CODING = Path(__file__).resolve().parents[2] / "question_scripts" / "coding_intervals.toml"


def test_the_round_screens_plan_bar_has_no_gaps(qtbot, script_dirs, tmp_path):
    shutil.copy(CODING, script_dirs[0] / CODING.name)
    clock = FakeClock()
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("coding_intervals")
    window.home.start_button.click()
    screen = window.round_screen
    engine = screen.session.engine
    planned = {p.id: p.minutes * 60.0 for p in engine.script.phases}
    widths = set()
    for _ in range(20):
        clock.advance(50.0)
        screen._tick()
        bar = screen.plan.phases
        assert bar[0].start == 0.0
        for before, after in zip(bar, bar[1:]):
            assert abs(after.start - before.end) < 0.01, [(p.id, p.start, p.end) for p in bar]
        scale = next(p for p in bar if p.id == "scale")
        if engine.current_phase.id != "scale":
            widths.add(round(scale.end - scale.start, 3))
        if engine.current_phase.id == "scale":
            break
        screen.session.controller.next_part()
        screen._tick()
    assert engine.current_phase.id == "scale"
    assert widths == {planned["scale"]}, widths
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
