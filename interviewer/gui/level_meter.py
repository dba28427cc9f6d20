"""A horizontal input-level meter. Fed from a throttled timer, never straight from audio threads."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QSizePolicy, QWidget

from interviewer.gui import theme


def level_to_fraction(dbfs: float) -> float:
    """An input level in dBFS (what the Microphone reports) to a meter fraction on -60..0 dBFS.

    Exactly 0.0 means "no level yet" (the controller's initial value), shown as silence.
    """
    if dbfs == 0.0:
        return 0.0
    return max(0.0, min(1.0, (dbfs + 60.0) / 60.0))


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.peak = 0.0
        self._described = -1
        self.setMinimumSize(120, 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")
        self._describe()

    def set_level(self, level: float) -> None:
        self.fraction = level_to_fraction(level)
        self.peak = max(self.fraction, self.peak * 0.95)
        self._describe()
        self.update()

    def _describe(self) -> None:
        percent = int(round(self.fraction * 10)) * 10  # in steps of 10 %: no chatter for a screen reader
        if percent != self._described:
            self._described = percent
            self.setAccessibleDescription("silent" if percent == 0 else
                                          f"{percent} percent{', loud' if percent >= 80 else ''}")

    def paintEvent(self, _event) -> None:  # noqa: N802
        from PySide6.QtGui import QPainter

        t = theme.current()
        p = QPainter(self)
        r = QRectF(0, 0, self.width(), self.height())
        p.fillRect(r, t.color("meter_track"))
        color = t.color("meter_ok") if self.fraction < 0.8 else t.color("meter_hot")
        p.fillRect(QRectF(0, 0, r.width() * self.fraction, r.height()), color)
        p.fillRect(QRectF(r.width() * self.peak - 2, 0, 2, r.height()), t.color("text"))
        p.end()
