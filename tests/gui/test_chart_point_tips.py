"""Progress' charts say which round a point is (trial6, six weeks of practice: the x axis counts
rounds 1..N, and nothing told which date or round 'round 7' was): hovering a point shows its
round's number, date, title and value."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from interviewer.gui.progress_screen import ProgressScreen
from interviewer.storage import Store
from tests.gui.test_progress_weak_spots import show
from tests.storage.test_area_history import NOT_MONITORED, store_round

DAY = 86400
FIRST = 1_700_000_000


def _tips(chart) -> set[str]:
    chart.grab()  # painted: the points are where they were drawn
    return {tip for x in range(0, chart.width(), 2) for y in range(0, chart.height(), 2)
            if (tip := chart.point_tip(QPointF(x, y)))}


def test_hovering_a_point_names_its_round(qtbot, tmp_path):
    screen = ProgressScreen()
    qtbot.addWidget(screen)
    with Store.open(tmp_path) as store:
        for i in range(3):
            store_round(store, FIRST + i * 7 * DAY, NOT_MONITORED)
        show(screen, store)
    screen.resize(1060, 700)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    tips = _tips(screen.filler_chart)
    dates = [time.strftime("%d %b", time.localtime(FIRST + i * 7 * DAY)) for i in range(3)]
    for n, date in enumerate(dates, start=1):
        assert any(tip.startswith(f"Round {n} · {date} · ") for tip in tips), (n, tips)
    assert all(tip.splitlines()[-1].startswith("ML system design: ") for tip in tips)  # the kind and value
    assert screen.filler_chart.point_tip(QPointF(2, 2)) == ""  # the corner: no point there
    # A screen reader hears which round the latest point is too.
    assert f"(Round 3 · {dates[2]} · " in screen.filler_chart.accessibleDescription()

    event_tips = []  # the tooltip event shows the tip of the point under the mouse
    chart = screen.filler_chart
    q, tip = chart._drawn[0]
    original = QToolTip.showText
    try:
        QToolTip.showText = lambda pos, text, *a, **k: event_tips.append(text)
        QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, q.toPoint(), chart.mapToGlobal(q.toPoint())))
    finally:
        QToolTip.showText = original
    assert event_tips == [tip]
