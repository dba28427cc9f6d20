"""The review timeline's time labels stay inside the plot's widget: an hour-long round's last
label, '1:00:00', was cut to '1:00:0' at the right edge (a user's 60-minute script)."""
from PySide6.QtGui import QFontMetrics

from interviewer.app.labels import clock_text
from interviewer.gui.timeline_widgets import RoundTimelinePlot, TimelineData


def test_the_first_and_last_time_labels_fit_inside_the_widget(qtbot):
    plot = RoundTimelinePlot()
    qtbot.addWidget(plot)
    plot.data = TimelineData(total=3600.0)
    for width in (600, 1000, 1400):
        plot.resize(width, 160)
        first, last = plot.axis_label_rect(plot._x(0.0)), plot.axis_label_rect(plot._x(3600.0))
        assert first.left() >= 0 and last.right() <= width
        text = QFontMetrics(plot._label_font()).horizontalAdvance(clock_text(3600.0))
        assert text <= last.width()
        assert abs(last.center().x() - plot._x(3600.0)) <= 30  # still under its tick
