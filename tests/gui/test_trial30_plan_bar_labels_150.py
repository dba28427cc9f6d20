"""Trial 30 item 6: at Text size 150 % the plan bar's first two start times ran together
("00:0002:00": the 2-minute introduction of a 45-minute round was barely wider than "00:00", and
4 px were all that parted them). Two start times are parted by at least three quarters of a
digit's width; one
that does not fit is left out (the block's tooltip tells its times)."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from interviewer.gui import theme
from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase

PLAN = [("intro", "Introduction", 0, 2), ("setting", "The model and its setting", 2, 10),
        ("incident", "The incident", 10, 22), ("fix", "The fix", 22, 33), ("prevention", "Prevention", 33, 41),
        ("questions", "Your questions", 41, 45)]


def test_start_times_never_run_together_at_150_percent(qtbot):
    app = QApplication.instance()
    theme.apply_text_size(app, 150)
    try:
        bar = PhasePlanBar()
        qtbot.addWidget(bar)
        bar.set_plan([PlannedPhase(pid, name, a * 60.0, b * 60.0) for pid, name, a, b in PLAN], 2700.0)
        font = QFont(bar.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))  # as paintEvent draws them
        metrics = QFontMetrics(font)
        gap = metrics.horizontalAdvance("0") * 0.75
        # The bar just wide enough that "02:00" begins 5 px after "00:00" ends (trial 30: touching).
        width = (metrics.horizontalAdvance("00:00") + 5) * 2700.0 / 120.0
        labels = bar.tick_labels(QRectF(0, 16, width, 30), metrics)
        assert labels[0][1] == "00:00"
        for (x0, text), (x1, after) in zip(labels, labels[1:]):
            assert x1 - (x0 + metrics.horizontalAdvance(text)) >= gap, (text, after, labels)
        assert bar.phase_tip(1.0).startswith("Introduction: 00:00 to 02:00")
    finally:
        theme.apply_text_size(app, 100)
