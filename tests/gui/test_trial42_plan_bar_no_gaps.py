"""Trial 42 item 9: in the coding round the plan bar left a blank stretch (12:00 to 26:00) between
"Test" and "Scale it up" once parts ended early, and "Scale it up" was drawn 36-42, then 26-42,
then 06-10. The parts are now laid out one after the other (core RoundEngine.plan_blocks): the
parts over where they ran, the running one and those to come at their planned sizes, the time
saved hatched at the end, used time solid and planned time pale."""
from __future__ import annotations

from pathlib import Path

from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.scripts.loader import load_script
from interviewer.gui.timeline_widgets import PLAN_LEGEND, PhasePlanBar, PlannedPhase, phase_color

CODING = Path(__file__).resolve().parents[2] / "question_scripts" / "coding_intervals.toml"


def _contiguous(blocks) -> None:
    assert blocks[0].start == 0.0
    for before, after in zip(blocks, blocks[1:]):
        assert after.start == before.end, (before, after)


def test_parts_done_early_leave_no_gap_and_keep_their_sizes():
    clock = FakeClock(0.0)
    engine = RoundEngine(load_script(CODING), clock)
    engine.start()
    planned = {p.id: p.minutes * 60.0 for p in engine.script.phases}
    widths = []
    while engine.current_phase is None or engine.current_phase.id != "scale":
        clock.advance(50.0)
        engine.poll()
        blocks = engine.plan_blocks()
        _contiguous(blocks)
        scale = next(b for b in blocks if b.phase == "scale")
        widths.append(scale.end - scale.start)
        engine.next_phase()
    assert set(widths) == {planned["scale"]}, widths  # drawn 36-42, then 26-42, then 06-10 before
    clock.advance(30.0)
    engine.poll()
    blocks = engine.plan_blocks()
    _contiguous(blocks)
    by_id = {b.phase: b for b in blocks}
    scale, wrap = by_id["scale"], by_id["wrap_up"]
    assert scale.end - scale.start == planned["scale"] and scale.used_until == engine.elapsed()
    assert wrap.start == scale.end and wrap.end - wrap.start == planned["wrap_up"] and wrap.used_until is None
    assert by_id["test"].used_until == by_id["test"].end, "a part over is drawn as it ran"
    assert wrap.end < engine.round_seconds - 10 * 60, "the time saved comes after the last part"


def test_used_time_is_solid_planned_time_pale_and_the_saved_time_hatched_with_a_legend(qtbot):
    bar = PhasePlanBar()
    qtbot.addWidget(bar)
    bar.resize(1000, 46)
    bar.set_plan([PlannedPhase("code", "Code", 0.0, 200.0, 960.0, 200.0),
                  PlannedPhase("scale", "Scale it up", 200.0, 500.0, 300.0, None),
                  PlannedPhase("wrap", "Your questions", 500.0, 680.0, 180.0, None)], 2700.0, 2700.0)
    bar.set_position(320.0, "scale")
    bar.show()
    qtbot.waitExposed(bar)
    image = bar.grab().toImage()

    def x(t: float) -> int:
        return int(1 + 998 * t / 2700.0)

    used, unused = image.pixelColor(x(260.0), 40), image.pixelColor(x(440.0), 40)
    assert used.name() != unused.name(), "the part's used time and its planned rest look different"
    assert unused.name() != phase_color(1).name(), "planned time not used yet is pale, not the part's full colour"
    assert bar.saved_from() == 680.0 and bar.ends_early_at() is None
    rest = {image.pixelColor(px, y).name() for px in range(x(700.0), 990, 3) for y in (24, 30, 36)}
    assert len(rest) > 1, "the time saved is hatched"
    assert "saved by parts done early" in bar.accessibleDescription()
    assert PLAN_LEGEND in bar.phase_tip(x(400.0)) and "planned 5 min" in bar.phase_tip(x(400.0))
    assert bar.phase_tip(x(1500.0)).startswith("Saved by parts done early: 33 min 40 s for the parts left (11:20 to 45:00)\n")  # with its times (trial 46)
