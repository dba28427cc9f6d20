"""Small QPainter charts for the progress screen: lines over sessions, and a scatter plot."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SERIES_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")


@dataclass
class Series:
    name: str
    points: list[tuple[float, float]] = field(default_factory=list)  # (x, y)


def _nice_range(values: list[float], floor_zero: bool = True) -> tuple[float, float]:
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    if floor_zero:
        low = min(0.0, low)
    if high - low < 1e-9:
        high = low + 1.0
    pad = (high - low) * 0.1
    return low if floor_zero else low - pad, high + pad


class Chart(QWidget):
    """Lines (or dots) per series, with a title, axes, a band and a legend."""

    def __init__(self, title: str, y_label: str = "", lines: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.y_label = y_label
        self.lines = lines
        self.series: list[Series] = []
        self.band: tuple[float, float] | None = None  # a shaded "normal" range
        self.x_range: tuple[float, float] | None = None
        self.x_label = ""
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_series(self, series: list[Series], band: tuple[float, float] | None = None) -> None:
        self.series = [s for s in series if s.points]
        self.band = band
        self.update()

    def point_count(self) -> int:
        return sum(len(s.points) for s in self.series)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        p.setFont(font)
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(0, 2, self.width(), 18), Qt.AlignmentFlag.AlignHCenter, self.title)
        plot = QRectF(44, 24, max(self.width() - 56, 10), max(self.height() - 60, 10))
        xs = [x for s in self.series for x, _ in s.points]
        ys = [y for s in self.series for _, y in s.points] + (list(self.band) if self.band else [])
        x0, x1 = self.x_range or ((min(xs), max(xs)) if xs else (0.0, 1.0))
        if x1 - x0 < 1e-9:
            x0, x1 = x0 - 1, x1 + 1
        y0, y1 = _nice_range(ys)

        def pt(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + plot.width() * (x - x0) / (x1 - x0),
                           plot.bottom() - plot.height() * (y - y0) / (y1 - y0))

        if self.band:
            top, bottom = pt(x0, self.band[1]), pt(x1, self.band[0])
            p.fillRect(QRectF(top, bottom), QColor(46, 125, 50, 30))
        p.setPen(QColor("#999999"))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        for frac in (0.0, 0.5, 1.0):
            y = y0 + (y1 - y0) * frac
            q = pt(x0, y)
            p.drawText(QRectF(0, q.y() - 8, 40, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{y:.3g}")
        if self.x_label:
            p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), 16), Qt.AlignmentFlag.AlignHCenter,
                       self.x_label)
        if not self.series:
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No data yet")
        legend_x = plot.left()
        for i, s in enumerate(self.series):
            color = QColor(SERIES_COLORS[i % len(SERIES_COLORS)])
            p.setPen(QPen(color, 2))
            pts = [pt(x, y) for x, y in sorted(s.points)] if self.lines else [pt(x, y) for x, y in s.points]
            if self.lines:
                for a, b in zip(pts, pts[1:]):
                    p.drawLine(a, b)
            p.setBrush(color)
            for q in pts:
                p.drawEllipse(q, 3, 3)
            p.drawText(QRectF(legend_x, self.height() - 18, 160, 16), Qt.AlignmentFlag.AlignLeft, "● " + s.name)
            legend_x += p.fontMetrics().horizontalAdvance("● " + s.name) + 14
        p.end()
