"""Small QPainter charts for the progress screen: lines over sessions, and a scatter plot.

Ticks are round numbers (0, 2, 4...; sessions are whole numbers), a shaded target band says
what "good" is, each series has a line and a legend swatch, and with several round kinds a thin
line joins every session so the overall trend shows too. Colours come from gui/theme.py."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from interviewer.gui import theme


@dataclass
class Series:
    name: str
    points: list[tuple[float, float]] = field(default_factory=list)  # (x, y)
    # What each point is, for its tooltip ("Round 7 · 12 Nov · ML depth: ..."); parallel to points.
    labels: list[str] = field(default_factory=list)
    # Why a point stands for a round cut short ("ended early at 2.9 of 45 min"), "" for a round
    # that ran; parallel to points. Such points are drawn hollow, with a legend entry (trial 42).
    cut_short: list[str] = field(default_factory=list)

    def cut_short_note(self, n: int) -> str:
        return self.cut_short[n] if n < len(self.cut_short) else ""


CUT_SHORT_LEGEND = "round cut short"
CUT_SHORT_TIP = "its numbers cover only part of a round"


def nice_ticks(low: float, high: float, target: int = 5, integer: bool = False) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten."""
    if high - low < 1e-9:
        high = low + 1.0
    raw = (high - low) / max(target - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if integer:
        step = max(1.0, round(step))
    first = math.floor(low / step + 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-6 and len(ticks) < 50:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high - 1e-9:
        ticks.append(round(value, 10))
    return ticks


def count_ticks(n: int) -> list[float]:
    """Ticks for counting 1..n: 1, then multiples of a round step (1, 2, 5, 10...) up to n."""
    if n <= 1:
        return [1.0]
    nice = nice_ticks(1, n, 6, integer=True)
    step = int(max(1.0, nice[1] - nice[0]))
    return [1.0] + [float(v) for v in range(step, n + 1, step) if v > 1]


def tick_text(value: float, ticks: list[float]) -> str:
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    decimals = next((d for d in range(3) if abs(step * 10 ** d - round(step * 10 ** d)) < 1e-6), 2)
    return f"{value:.{decimals}f}"


def _tip(series: Series, n: int) -> str:
    """A point's tooltip: its label (or the series name) and its value."""
    x, y = series.points[n]
    label = series.labels[n] if n < len(series.labels) else ""
    value = f"{y:.0f}" if float(y).is_integer() else f"{y:.1f}"
    tip = f"{label}\n{series.name}: {value}" if label else f"{series.name}: {value}"
    note = series.cut_short_note(n)
    return f"{tip}\nCut short ({note}): {CUT_SHORT_TIP}" if note else tip


MIN_HEIGHT = 150
MIN_PLOT_LINES = 5  # the plot's least height, in lines of text


class Chart(QWidget):
    """Lines (or dots) per series, with a title, round-number axes, a target band and a legend."""

    def __init__(self, title: str, y_label: str = "", lines: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.y_label = y_label
        self.lines = lines
        self.series: list[Series] = []
        self.colour_slots: list[int] = []  # each shown series's place in what set_series was given
        self.band: tuple[float, float] | None = None  # the target range, shaded
        self.band_label = "target"
        self.x_range: tuple[float, float] | None = None
        self.x_label = ""
        # x counts rounds 1..N: ticks are whole numbers from 1 to N only (nice_ticks gave 0 and 8
        # for 7 rounds: labels with no round), with half a step of room on each side.
        self.x_counts = False
        # Said where the lines would be while there is none: what to do to get some.
        self.empty_text = "No data yet"
        self.setMinimumSize(240, MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so a screen reader reads the description
        self.setAccessibleName(title)
        self._drawn: list[tuple[QPointF, str]] = []  # each point where it was last drawn, and its tip
        self._describe()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the title, the axes' labels, the legend's rows at this width and a plot
        of MIN_PLOT_LINES lines: at 1024x640 with 150 % scaling the legend's four rows left
        the plot 10 px, its y labels drawn over each other (trial8); the page scrolls instead."""
        metrics = self.fontMetrics()
        line_h = metrics.height()
        rows = 1 + max((row for row, _x, _c, _n in self.legend_rows(metrics)), default=0)
        needed = (line_h + 12) + (2 * line_h + 6) + (rows * line_h + 6) + MIN_PLOT_LINES * line_h
        if max(MIN_HEIGHT, needed) != self.minimumHeight():
            self.setMinimumHeight(max(MIN_HEIGHT, needed))

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self._describe()
            self.update()

    def set_series(self, series: list[Series], band: tuple[float, float] | None = None) -> None:
        """Series without points are left out, each keeping the colour of its place in `series`:
        a kind has one colour in every chart that is given the same kinds (the self-rating
        chart drew Behavioral in ML system design's blue when only Behavioral was rated)."""
        kept = [(i, s) for i, s in enumerate(series) if s.points]
        self.series = [s for _, s in kept]
        self.colour_slots = [i for i, _ in kept]
        self.band = band
        self._describe()
        self._fit_height()  # the legend's rows may have changed
        self.update()

    def series_colour(self, index: int) -> QColor:
        """The colour of the `index`th series shown."""
        palette = theme.current().series
        slots = self.colour_slots or list(range(len(self.series)))
        return QColor(palette[slots[index] % len(palette)])

    def point_count(self) -> int:
        return sum(len(s.points) for s in self.series)

    def _describe(self) -> None:
        """The chart in words, for screen readers."""
        if not self.series:
            text = self.empty_text.rstrip(".") + "."
        else:
            parts = []
            for s in self.series:
                ys = [y for _, y in sorted(s.points)]
                last = max(range(len(s.points)), key=lambda n: s.points[n][0])
                which = f" ({s.labels[last]})" if last < len(s.labels) else ""  # the tooltip's words
                if s.cut_short_note(last):
                    which += f", cut short: {s.cut_short_note(last)}"
                parts.append(f"{s.name}: {len(ys)} point{'s' if len(ys) != 1 else ''}, latest {ys[-1]:.1f}{which}"
                             + (f", from {ys[0]:.1f}" if len(ys) > 1 else ""))
            text = "; ".join(parts) + "."
        if self.band:
            text += f" Target band {self.band[0]:g} to {self.band[1]:g}."
        self.setAccessibleDescription(text)

    def _ranges(self) -> tuple[list[float], list[float]]:
        xs = [x for s in self.series for x, _ in s.points]
        ys = [y for s in self.series for _, y in s.points] + (list(self.band) if self.band else [])
        x0, x1 = self.x_range or ((min(xs), max(xs)) if xs else (1.0, 2.0))
        if x1 - x0 < 1e-9:
            x0, x1 = x0 - 1, x1 + 1
        low = min([0.0] + ys)
        high = max(ys) if ys else 1.0
        counts = bool(ys) and all(float(y).is_integer() for y in ys)  # pauses, questions: whole ticks
        integer_x = self.x_range is None
        if self.x_counts and xs:
            x_ticks = count_ticks(int(max(xs)))
        else:
            x_ticks = ([float(v) for v in range(math.ceil(x0), math.floor(x1) + 1)] if self.x_range
                       else nice_ticks(x0, x1, 6, integer=integer_x))
        return x_ticks, nice_ticks(low, max(high, 1.0) if counts else high, 6, integer=counts)

    def _x_span(self, x_ticks: list[float]) -> tuple[float, float]:
        """The x values at the plot's left and right edges."""
        if self.x_counts and self.series:
            return 0.5, max(x for s in self.series for x, _ in s.points) + 0.5
        x0, x1 = x_ticks[0], x_ticks[-1]
        return (x0, x0 + 1) if x1 - x0 < 1e-9 else (x0, x1)

    def paintEvent(self, _event) -> None:  # noqa: N802
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), t.color("surface"))
        p.setPen(t.color("border"))
        p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        metrics = p.fontMetrics()
        line_h = metrics.height()
        p.setPen(t.color("text"))
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(8, 4, self.width() - 16, line_h + 2), Qt.AlignmentFlag.AlignLeft,
                   metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, self.width() - 16))
        bold.setBold(False)
        p.setFont(bold)
        x_ticks, y_ticks = self._ranges()
        x0, x1 = self._x_span(x_ticks)
        y0, y1 = y_ticks[0], y_ticks[-1]
        label_w = max(metrics.horizontalAdvance(tick_text(v, y_ticks)) for v in y_ticks) + 10
        legend = self.legend_rows(metrics)
        rows = 1 + max((row for row, _x, _c, _n in legend), default=0)
        legend_h = rows * line_h + 6
        plot = QRectF(label_w + 6, line_h + 12, max(self.width() - label_w - 18, 10),
                      max(self.height() - (line_h + 12) - (2 * line_h + 6) - legend_h, 10))

        def pt(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + plot.width() * (x - x0) / (x1 - x0),
                           plot.bottom() - plot.height() * (y - y0) / (y1 - y0))

        if self.band:
            top, bottom = pt(x0, min(self.band[1], y1)), pt(x1, max(self.band[0], y0))
            p.fillRect(QRectF(top, bottom), QColor(t.band))
        grid = QColor(t.border)
        for v in y_ticks:
            q = pt(x0, v)
            p.setPen(QPen(grid, 1, Qt.PenStyle.DotLine if v != y0 else Qt.PenStyle.SolidLine))
            p.drawLine(q, pt(x1, v))
            p.setPen(t.color("text_muted"))
            p.drawText(QRectF(0, q.y() - line_h / 2, label_w, line_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tick_text(v, y_ticks))
        for v in x_ticks:
            q = pt(v, y0)
            p.setPen(t.color("text_muted"))
            p.drawText(QRectF(q.x() - 30, plot.bottom() + 2, 60, line_h), Qt.AlignmentFlag.AlignHCenter,
                       tick_text(v, x_ticks))
        if self.x_label:
            p.drawText(QRectF(plot.left(), plot.bottom() + line_h + 2, plot.width(), line_h),
                       Qt.AlignmentFlag.AlignHCenter, self.x_label)
        if not self.series:
            p.setPen(t.color("text_muted"))
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
        if self.lines and len(self.series) > 1:  # every session, whatever its kind: the overall trend
            every = sorted(xy for s in self.series for xy in s.points)
            p.setPen(QPen(t.color("text_muted"), 1, Qt.PenStyle.DashLine))
            for a, b in zip(every, every[1:]):
                p.drawLine(pt(*a), pt(*b))
        self._drawn = []
        for i, s in enumerate(self.series):
            color = self.series_colour(i)
            p.setPen(QPen(color, 2))
            pts = [pt(x, y) for x, y in sorted(s.points)]
            self._drawn += [(pt(x, y), _tip(s, n)) for n, (x, y) in enumerate(s.points)]
            if self.lines:
                for a, b in zip(pts, pts[1:]):
                    p.drawLine(a, b)
            order = sorted(range(len(s.points)), key=lambda n: s.points[n])
            for n, q in zip(order, pts):
                if s.cut_short_note(n):
                    # A round cut short: a hollow ring, so its few minutes' numbers do not read
                    # as a round's (trial 42).
                    p.setPen(QPen(color, 2))
                    p.setBrush(t.color("surface"))
                    p.drawEllipse(q, 4.5, 4.5)
                else:
                    p.setPen(QPen(color, 2))
                    p.setBrush(color)
                    p.drawEllipse(q, 3.5, 3.5)
        top = self.height() - legend_h
        for row, x, color, name in legend:
            y = top + row * line_h
            if name == CUT_SHORT_LEGEND:
                p.setPen(QPen(color, 2))
                p.setBrush(t.color("surface"))
                p.drawEllipse(QPointF(x + 5, y + line_h / 2), 4.0, 4.0)
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(color)
                p.drawRoundedRect(QRectF(x, y + (line_h - 10) / 2, 10, 10), 2, 2)
            p.setPen(t.color("text"))
            p.drawText(QRectF(x + 14, y, metrics.horizontalAdvance(name) + 4, line_h),
                       Qt.AlignmentFlag.AlignLeft, name)
        if self.hasFocus():  # Tab reaches the chart: show it (it looked the same focused or not)
            p.setPen(QPen(t.color("accent"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        p.end()

    def point_tip(self, pos: QPointF) -> str:
        """What the point drawn nearest `pos` (within 8 px) is, '' if none is that near."""
        near = [(abs(q.x() - pos.x()) + abs(q.y() - pos.y()), tip) for q, tip in self._drawn]
        distance, tip = min(near, default=(math.inf, ""), key=lambda d: d[0])
        return tip if distance <= 8 else ""

    def event(self, event) -> bool:  # noqa: D102 (Qt API)
        # Which round a point is: after weeks of practice "round 7" alone said nothing.
        if event.type() == QEvent.Type.ToolTip:
            tip = self.point_tip(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def legend_rows(self, metrics) -> list[tuple[int, float, QColor, str]]:
        """(row, x, colour, name) of each legend entry: entries go on to another row when the
        next one would pass the chart's right edge (five round kinds, 'all rounds' and 'target'
        ran past it at 1280x800, cutting 'all rounds' to 'all round')."""
        t = theme.current()
        entries = [(self.series_colour(i), s.name) for i, s in enumerate(self.series)]
        if self.lines and len(self.series) > 1:
            entries.append((t.color("text_muted"), "all rounds"))
        if self.band:
            entries.append((QColor(t.band), self.band_label))
        if any(s.cut_short_note(n) for s in self.series for n in range(len(s.points))):
            entries.append((t.color("text_muted"), CUT_SHORT_LEGEND))
        placed, row, x = [], 0, 8.0
        for color, name in entries:
            width = 14 + metrics.horizontalAdvance(name)
            if x > 8.0 and x + width > self.width() - 8:
                row, x = row + 1, 8.0
            placed.append((row, x, color, name))
            x += width + 16
        return placed
