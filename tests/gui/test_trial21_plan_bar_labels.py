"""New-user trial 21, item 13: at 1280x800 the round's plan bar showed "Introduc…" with no way
to read the rest, and the red playhead ran through the "Deep dive" label."""
from __future__ import annotations

from PySide6.QtCore import QRectF

from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase


def _bar(qtbot):
    bar = PhasePlanBar()
    qtbot.addWidget(bar)
    bar.resize(922, 46)  # the round screen's bar at 1280x800
    bar.set_plan([PlannedPhase("intro", "Introduction", 0, 180), PlannedPhase("deep", "Deep dive", 180, 2400),
                  PlannedPhase("qs", "Your questions", 2400, 2700)], 2700)
    return bar


def test_the_playhead_never_runs_through_a_phase_name(qtbot):
    bar = _bar(qtbot)
    metrics = bar.fontMetrics()
    block = QRectF(60, 16, 800, 28)
    for cursor in (60, 64, 70, 80, 95, 110):  # the playhead early in the part, where its name is
        place, text = bar.name_place(block, "Deep dive", cursor, metrics)
        assert text == "Deep dive"
        assert not (place.left() - 1 <= cursor <= place.left() + metrics.horizontalAdvance(text) + 1), (cursor, place)
    place, _ = bar.name_place(block, "Deep dive", 600, metrics)  # the playhead elsewhere: at the block's start
    assert place.left() == block.left() + 6


def test_every_phase_names_itself_in_full_on_hover(qtbot):
    bar = _bar(qtbot)
    rect = bar.bar_rect()
    x_intro = rect.left() + rect.width() * 90 / 2700
    assert bar.phase_tip(x_intro) == "Introduction: 00:00 to 03:00"
    assert bar.phase_tip(rect.left() + rect.width() * 0.5).startswith("Deep dive: 03:00")
