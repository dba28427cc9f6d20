"""Trial 46 suggestion: the end of the round screen's plan bar (time saved by parts done early)
read "S..." when narrow, and a narrow block's name ("F...", "Training and m...") had no tooltip on
the review's timeline. Every segment too narrow for its label has a tooltip with the full label
and its times, and no label is cut to a letter and an ellipsis."""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics

from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase, RoundTimelinePlot, TimelineData, shown_name


def test_a_narrow_saved_end_is_never_an_elided_letter_and_its_tip_has_times(qtbot):
    bar = PhasePlanBar()
    qtbot.addWidget(bar)
    bar.resize(900, 46)
    # 45 min planned; the parts laid out end at 43:00: two minutes saved, a sliver at the end.
    bar.set_plan([PlannedPhase("a", "Training and models", 0, 600, planned=840.0),
                  PlannedPhase("b", "Features", 600, 2580, planned=900.0)], 2700.0, round_end=2700.0)
    metrics = QFontMetrics(bar.font())
    for width in (8.0, 20.0, 40.0, 80.0, 200.0, 600.0):
        label = bar.saved_label(width, metrics)
        assert label in ("", "Saved 2 min") or "2 min" in label, (width, label)
        assert metrics.horizontalAdvance(label) <= width
    assert bar.saved_label(8.0, metrics) == ""  # no room: no "S..."
    tip = bar.phase_tip(bar.bar_rect().right() - 2)
    assert tip.startswith("Saved by parts done early: 2 min for the parts left (43:00 to 45:00)"), tip


def test_a_stub_of_a_name_is_not_drawn():
    assert shown_name("F\u2026", "Features") == ""
    assert shown_name("Traini\u2026", "Training and models") == "Traini\u2026"
    assert shown_name("Features", "Features") == "Features"


def test_a_review_segment_too_narrow_for_its_name_has_a_tooltip_with_its_times(qtbot):
    plot = RoundTimelinePlot()
    qtbot.addWidget(plot)
    plot.resize(700, plot.sizeHint().height())
    plot.set_data(TimelineData(total=2700.0,
                               planned=[PlannedPhase("a", "Training and models", 0, 840),
                                        PlannedPhase("b", "Features", 840, 1740)],
                               actual=[PlannedPhase("a", "Training and models", 0, 251),
                                       PlannedPhase("b", "Features", 251, 1400)]))
    narrow = plot._row(1)
    assert plot.segment_tip(QPointF(plot._x(100), narrow.center().y())) == "Training and models: 00:00 to 04:11"
    wide = plot._row(1)
    assert plot.segment_tip(QPointF(plot._x(800), wide.center().y())) == ""  # its name fits: no tooltip needed
    assert plot.segment_tip(QPointF(plot._x(100), plot._row(3).center().y())) == ""  # not a segment row
