"""Trial 42, Progress suggestion: a 2.9-minute re-take plotted as a big improvement in long pauses
and fillers, with nothing on the charts saying it was cut short (only the weak-spot table marked
it). A round cut short (ended early, or too short for the plan: core.practice_plan
cut_short_notes, as Home counts them) is drawn as a hollow ring, with a legend entry and a tooltip
saying why."""
from __future__ import annotations

from PySide6.QtCore import QPointF

from interviewer.app.round_areas import load_progress
from interviewer.gui import theme
from interviewer.gui.charts import CUT_SHORT_LEGEND, CUT_SHORT_TIP
from interviewer.gui.progress_screen import ProgressScreen
from interviewer.storage import Store
from tests.gui.test_progress_marks_rounds_ended_early import store_ended_early
from tests.storage.test_area_history import MONITORED, by_id, store_round


def test_a_round_cut_short_is_marked_on_the_charts(qtbot, tmp_path):
    with Store.open(tmp_path) as store:
        store_round(store, 1_700_000_000, MONITORED)  # ran its 45 minutes
        store_ended_early(store, 1_700_100_000)  # End round about a minute in
        data = load_progress(store, by_id)
    screen = ProgressScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 900)
    screen.set_areas(data.areas, data.scripts)
    screen.set_progress(data.rows)
    screen.show()
    qtbot.waitExposed(screen)
    chart = screen.pause_chart
    (series,) = chart.series
    assert [x for x, _ in series.points] == [1.0, 2.0]
    assert series.cut_short_note(0) == "" and series.cut_short_note(1).startswith("ended early at 1 min 5 s of 45 min")
    image = chart.grab().toImage()  # painted: the points' places are known
    drawn = {tip.splitlines()[0]: (q, tip) for q, tip in chart._drawn}
    full, short = (drawn[key] for key in sorted(drawn))
    assert "Cut short" not in full[1]
    assert f"Cut short (ended early at 1 min 5 s of 45 min): {CUT_SHORT_TIP}" in short[1]
    assert chart.point_tip(QPointF(short[0])) == short[1]
    assert CUT_SHORT_LEGEND in [name for _, _, _, name in chart.legend_rows(chart.fontMetrics())]
    assert "cut short: ended early at 1 min 5 s of 45 min" in chart.accessibleDescription()
    # Drawn hollow: the ring's middle is the chart's background, a full round's dot is filled.
    ratio = image.devicePixelRatio()

    def colour(q):
        return image.pixelColor(int(q.x() * ratio), int(q.y() * ratio)).name()

    surface = theme.current().color("surface").name()
    assert colour(short[0]) == surface and colour(full[0]) != surface
