"""Trial 32 (D9): the round plan bar's time labels were the parts' start times, so they jumped
as parts ended early: 02:00, 10:00, 19:00, 29:00, then 08:43, 18:00, 28:20, then 12:25, 24:33,
35:27. The labels are now a time axis of round minutes that stays put; the parts' boundaries are
the blocks' edges."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetrics

from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase

NAMES = ["Introduction", "Requirements", "Framing", "Data and features", "Model and loss", "Serving", "Summary"]
PLANNED = [0, 2, 10, 19, 29, 38, 50, 55]  # the trial's 55-minute round, in minutes


def _plan(bounds_min):
    return [PlannedPhase(f"p{i}", NAMES[i], a * 60.0, b * 60.0)
            for i, (a, b) in enumerate(zip(bounds_min, bounds_min[1:]))]


def test_the_plan_bars_time_labels_are_round_minutes_that_stay_as_parts_end_early(qtbot):
    bar = PhasePlanBar()
    qtbot.addWidget(bar)
    bar.resize(1070, 46)
    rect = QRectF(1, 16, 1068, 30)
    metrics = QFontMetrics(bar.font())
    bar.set_plan(_plan(PLANNED), 3300.0)
    before = bar.tick_labels(rect, metrics)
    # Parts ended early; the time saved was shared by the parts left (the trial's 08:43, 18:00...).
    shrunk = [0, 1.0, 8.72, 18.0, 28.33, 37.62, 50, 55]
    bar.set_plan(_plan(shrunk), 3300.0)
    assert bar.tick_labels(rect, metrics) == before
    bar.set_plan(_plan([0, 1.0, 3.4, 12.42, 24.55, 35.45, 50, 55]), 3300.0)
    assert bar.tick_labels(rect, metrics) == before
    texts = [text for _, text in before]
    assert len(texts) >= 4 and texts[0] == "00:00"
    minutes = [int(t[:2]) for t in texts]
    assert all(t.endswith(":00") for t in texts), texts
    step = minutes[1] - minutes[0]
    assert step in (1, 2, 5, 10, 15, 30) and all(b - a == step for a, b in zip(minutes, minutes[1:])), texts
    for (x0, text), (x1, _) in zip(before, before[1:]):
        assert x0 + metrics.horizontalAdvance(text) < x1, before
    bar.grab()  # paints them (offscreen) without error
