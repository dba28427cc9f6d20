"""QPainter drawings of a round's time: the live phase plan, and the review's timeline plot."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from interviewer.app.labels import clock_text

PHASE_COLORS = ("#8ab6e8", "#9fd49a", "#f3c77b", "#d7a6e0", "#f29c9c", "#8fd6d0", "#c9c27a")


def phase_color(index: int) -> QColor:
    return QColor(PHASE_COLORS[index % len(PHASE_COLORS)])


@dataclass
class PlannedPhase:
    id: str
    name: str
    start: float  # round seconds
    end: float


class PhasePlanBar(QWidget):
    """The plan as coloured blocks, the elapsed part shaded, a cursor at 'now'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phases: list[PlannedPhase] = []
        self.total = 1.0
        self.elapsed = 0.0
        self.current_phase: str | None = None
        self.setMinimumHeight(46)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_plan(self, phases: list[PlannedPhase], total_seconds: float) -> None:
        self.phases = list(phases)
        self.total = max(total_seconds, 1.0)
        self.elapsed = 0.0
        self.current_phase = None
        self.update()

    def set_position(self, elapsed: float, current_phase: str | None) -> None:
        if abs(elapsed - self.elapsed) < 0.05 and current_phase == self.current_phase:
            return
        self.elapsed = elapsed
        self.current_phase = current_phase
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width() - 2, self.height() - 2
        bar = QRectF(1, 16, w, h - 16)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        for i, phase in enumerate(self.phases):
            x0 = bar.left() + bar.width() * phase.start / self.total
            x1 = bar.left() + bar.width() * phase.end / self.total
            rect = QRectF(x0, bar.top(), x1 - x0, bar.height())
            color = phase_color(i)
            if phase.id != self.current_phase:
                color = color.lighter(125)
            p.fillRect(rect, color)
            p.setPen(QPen(QColor("#ffffff"), 1))
            p.drawRect(rect)
            pen = QPen(QColor("#222222"))
            p.setPen(pen)
            label = phase.name if phase.id != self.current_phase else f"▶ {phase.name}"
            p.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(rect.width() - 6)))
            p.drawText(QRectF(x0, 0, 60, 14), Qt.AlignmentFlag.AlignLeft, clock_text(phase.start))
        # elapsed shading and cursor
        x = bar.left() + bar.width() * min(self.elapsed, self.total) / self.total
        p.fillRect(QRectF(bar.left(), bar.top(), x - bar.left(), bar.height()), QColor(0, 0, 0, 40))
        p.setPen(QPen(QColor("#c0392b"), 2))
        p.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom()))
        p.end()


@dataclass
class TimelineData:
    """What the review plot shows. Times are round seconds."""

    total: float
    planned: list[PlannedPhase] = field(default_factory=list)
    actual: list[PlannedPhase] = field(default_factory=list)  # phases as they really ran
    asks: list[tuple[float, str]] = field(default_factory=list)  # (time, label)
    answers: list[tuple[float, float, str]] = field(default_factory=list)  # (start, end, label)
    fillers: list[float] = field(default_factory=list)
    pauses: list[tuple[float, float]] = field(default_factory=list)
    findings: list[tuple[float, str]] = field(default_factory=list)


class RoundTimelinePlot(QWidget):
    """Rows: plan, actual phases, questions asked, answers (with pauses), fillers, findings.

    Clicking emits `time_clicked(round_seconds)` so the review can play from there.
    """

    time_clicked = Signal(float)
    ROWS = ("Plan", "Phases", "Asked", "Answers", "Fillers", "Findings")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = TimelineData(total=1.0)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, data: TimelineData) -> None:
        self.data = data
        self.update()

    def _plot_rect(self) -> QRectF:
        return QRectF(70, 6, max(self.width() - 80, 10), self.height() - 26)

    def _x(self, t: float) -> float:
        r = self._plot_rect()
        return r.left() + r.width() * max(0.0, min(t, self.data.total)) / max(self.data.total, 1.0)

    def time_at(self, x: float) -> float:
        r = self._plot_rect()
        return max(0.0, min(1.0, (x - r.left()) / r.width())) * self.data.total

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._plot_rect().contains(event.position()):
            self.time_clicked.emit(self.time_at(event.position().x()))

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#fbfbfb"))
        r = self._plot_rect()
        row_h = r.height() / len(self.ROWS)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)

        def row(i: int) -> QRectF:
            return QRectF(r.left(), r.top() + i * row_h + 2, r.width(), row_h - 4)

        p.setPen(QColor("#555555"))
        for i, name in enumerate(self.ROWS):
            p.drawText(QRectF(0, row(i).top(), 66, row(i).height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        index_of = {ph.id: i for i, ph in enumerate(self.data.planned)}
        for rownum, spans in ((0, self.data.planned), (1, self.data.actual)):
            rr = row(rownum)
            for phase in spans:
                x0, x1 = self._x(phase.start), self._x(phase.end)
                rect = QRectF(x0, rr.top(), max(x1 - x0, 1), rr.height())
                p.fillRect(rect, phase_color(index_of.get(phase.id, 0)))
                p.setPen(QColor("#ffffff"))
                p.drawRect(rect)
                p.setPen(QColor("#222222"))
                p.drawText(rect.adjusted(3, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                           p.fontMetrics().elidedText(phase.name, Qt.TextElideMode.ElideRight, int(rect.width() - 4)))
        rr = row(2)
        p.setPen(QPen(QColor("#1f5fa8"), 2))
        for t, _label in self.data.asks:
            p.drawLine(QPointF(self._x(t), rr.top()), QPointF(self._x(t), rr.bottom()))
        rr = row(3)
        for start, end, _label in self.data.answers:
            p.fillRect(QRectF(self._x(start), rr.top(), max(self._x(end) - self._x(start), 1), rr.height()),
                       QColor("#7fb77e"))
        for start, end in self.data.pauses:
            p.fillRect(QRectF(self._x(start), rr.top() + rr.height() * 0.25,
                              max(self._x(end) - self._x(start), 1), rr.height() * 0.5), QColor("#e8e8e8"))
        rr = row(4)
        p.setPen(QPen(QColor("#d35400"), 1.5))
        for t in self.data.fillers:
            p.drawLine(QPointF(self._x(t), rr.top()), QPointF(self._x(t), rr.bottom()))
        rr = row(5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#c0392b"))
        for t, _message in self.data.findings:
            p.drawEllipse(QPointF(self._x(t), rr.center().y()), 4, 4)
        # time axis
        p.setPen(QColor("#777777"))
        step = _axis_step(self.data.total)
        t = 0.0
        while t <= self.data.total + 1e-6:
            x = self._x(t)
            p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4))
            p.drawText(QRectF(x - 30, r.bottom() + 4, 60, 14), Qt.AlignmentFlag.AlignHCenter, clock_text(t))
            t += step
        p.end()


def _axis_step(total: float) -> float:
    for step in (10, 30, 60, 120, 300, 600, 900):
        if total / step <= 8:
            return float(step)
    return 1800.0
