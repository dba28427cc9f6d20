"""Progress charts (issue 14): round-number ticks (not 9.05 / 4.53), whole numbers for counts,
a target band in the theme's colour, a line per series and a legend."""
from __future__ import annotations

from PySide6.QtGui import QColor

from interviewer.gui import theme
from interviewer.gui.charts import Chart, Series, nice_ticks, tick_text


def test_ticks_are_round_numbers():
    for low, high, expected in ((0, 9.05, ["0", "2", "4", "6", "8", "10"]), (0, 4.53, ["0", "1", "2", "3", "4", "5"]),
                                (0, 160, ["0", "50", "100", "150", "200"]), (0, 0.37, ["0.0", "0.1", "0.2", "0.3", "0.4"])):
        ticks = nice_ticks(low, high, 6)
        assert [tick_text(v, ticks) for v in ticks] == expected, (low, high)
    assert nice_ticks(0, 1, 6, integer=True) == [0, 1]


def test_chart_draws_band_lines_and_legend_and_describes_itself(qtbot):
    chart = Chart("Fillers per 100 words")
    qtbot.addWidget(chart)
    chart.resize(420, 240)
    chart.set_series([Series("ML system design", [(1, 9.05), (2, 4.53), (3, 3.0)]),
                      Series("Coding", [(4, 2.0)])], band=(0.0, 2.0))
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert theme.current().series[0] in colours and theme.current().series[1] in colours
    band = QColor(theme.current().band)
    assert 0 < band.alpha() < 128  # "#AARRGGBB": a light wash, not an opaque block
    assert "ML system design: 3 points, latest 3.0, from 9.1" in chart.accessibleDescription()
    assert "Target band 0 to 2" in chart.accessibleDescription()
    assert chart.point_count() == 4


def test_a_kind_keeps_its_colour_when_an_earlier_kind_has_no_points(qapp):
    """Progress: the filler chart drew ML system design blue and Behavioral orange; the
    self-rating chart, where only the behavioral round was rated, drew Behavioral blue."""
    from interviewer.gui.charts import Chart, Series

    both, rated_only = Chart("Fillers"), Chart("Self-rating", lines=False)
    both.set_series([Series("ML system design", [(1.0, 5.0)]), Series("Behavioral", [(2.0, 0.9)])])
    rated_only.set_series([Series("ML system design", []), Series("Behavioral", [(2.5, 0.9)])])
    assert [s.name for s in rated_only.series] == ["Behavioral"]
    assert rated_only.series_colour(0) == both.series_colour(1) != both.series_colour(0)


def test_a_short_recordings_timeline_axis_has_more_than_one_label():
    """An imported 5-second recording (a 6-second timeline) showed only "00:00" under its axis."""
    from interviewer.gui.timeline_widgets import _axis_step

    assert 6.0 / _axis_step(6.0) >= 2
    assert [_axis_step(t) for t in (45 * 60.0, 60 * 60.0, 90.0)] == [600.0, 600.0, 30.0]  # rounds as before


def test_progress_charts_number_the_plotted_rounds_one_to_n_without_gaps(qapp):
    """New-user trial: an imported recording and a round where nothing was heard left gaps (a
    label 4 with no point). The rounds plotted are numbered 1..N oldest first; every label has one."""
    from interviewer.gui.progress_screen import ProgressScreen
    from interviewer.storage.models import SessionProgress

    def row(sid: int, kind: str, words: int = 120, status: str = "completed") -> SessionProgress:
        return SessionProgress(sid, kind, f"round {sid}", 1_700_000_000 + sid * 86_400, status, words,
                               60.0 if words else 0.0, 3 if words else 0, 2.5 if words else None,
                               120.0 if words else None, 1 if words else 0, 1 if words else 0)

    rows = [row(1, "ml_system_design"), row(2, "ml_system_design"), row(3, "imported"),
            row(4, "coding", words=0, status="interrupted"), row(5, "behavioral"), row(7, "ml_system_design")]
    screen = ProgressScreen()
    screen.set_progress(rows)
    charts = (screen.filler_chart, screen.pace_chart, screen.pause_chart, screen.clarifying_chart)
    for chart in charts:
        xs = sorted(x for s in chart.series for x, _ in s.points)
        # The behavioral round (3rd) calls for no clarifying questions but asked 1: plotted, as its
        # review counts it (trial 21); one that asked none is left out (trial 17, test_no_clarifying_...).
        assert xs == [1.0, 2.0, 3.0, 4.0], (chart.title, xs)
        ticks = chart._ranges()[0]
        assert set(ticks) <= set(range(1, 5)), (chart.title, ticks, xs)
    behavioral = next(s for s in screen.filler_chart.series if s.name == "Behavioral")
    assert [x for x, _ in behavioral.points] == [3.0]  # the third round plotted, whatever its id
    screen.kind_filter.setCurrentIndex(screen.kind_filter.findData("ml_system_design"))
    assert sorted(x for s in screen.pause_chart.series for x, _ in s.points) == [1.0, 2.0, 3.0]
    # Labels stay within 1..N for any number of rounds.
    from interviewer.gui.charts import count_ticks

    for n in (1, 2, 7, 12, 50):
        assert count_ticks(n)[0] == 1 and all(1 <= t <= n and t.is_integer() for t in count_ticks(n)), n


def test_a_legend_too_wide_for_the_chart_goes_on_to_another_row(qtbot):
    """Progress at 1280x800 with four round kinds: the legend ran past the chart's right edge
    and 'all rounds' was cut to 'all round' (a trial's four rounds)."""
    from PySide6.QtGui import QFontMetrics

    chart = Chart("Pace (words per minute)")
    qtbot.addWidget(chart)
    chart.resize(520, 160)
    kinds = ["Technical phone screen", "ML breadth", "ML depth", "Behavioral"]
    chart.set_series([Series(k, [(i + 1.0, 150.0)]) for i, k in enumerate(kinds)], band=(110, 160))
    metrics = QFontMetrics(chart.font())
    rows = chart.legend_rows(metrics)
    assert [name for _row, _x, _c, name in rows] == kinds + ["all rounds", "target"]
    for _row, x, _colour, name in rows:
        assert x + 14 + metrics.horizontalAdvance(name) <= chart.width() - 8, name
    assert max(row for row, *_ in rows) == 1
    chart.grab()  # paints with two legend rows
    chart.resize(1200, 160)
    assert {row for row, *_ in chart.legend_rows(metrics)} == {0}


def test_a_narrow_chart_keeps_room_for_its_plot_under_a_long_legend(qtbot):
    """Trial8: Progress at 1024x640 with 150 % scaling: six round kinds' legend took four rows and
    left the plot 10 px, its y labels drawn over each other; the chart is taller instead."""
    chart = Chart("Fillers per 100 words")
    qtbot.addWidget(chart)
    chart.resize(260, 150)
    names = ("Technical phone screen", "Coding", "ML breadth", "ML depth", "ML system design", "Behavioral")
    chart.set_series([Series(name, [(1.0 + i, 2.0), (2.0 + i, 3.0)]) for i, name in enumerate(names)], band=(0, 2))
    chart.resize(260, chart.minimumHeight())
    line_h = chart.fontMetrics().height()
    rows = 1 + max(row for row, *_ in chart.legend_rows(chart.fontMetrics()))
    assert rows >= 3
    plot_h = chart.height() - (line_h + 12) - (2 * line_h + 6) - (rows * line_h + 6)
    assert plot_h >= 4 * line_h, (plot_h, line_h)
