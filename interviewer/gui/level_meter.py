"""A horizontal input-level meter. Fed from a throttled timer, never straight from audio threads.

With `scale=True` (the microphone checks) the bar is marked into the bands of app/mic_level.py
and labelled under it: "too quiet", "good", "too loud"; the round's small meter has no labels."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

from interviewer.app.mic_level import GOOD, LOUD_DBFS, QUIET_DBFS, TOO_LOUD, TOO_QUIET, level_word
from interviewer.gui import theme

BAR_HEIGHT = 14
FLOOR_DBFS = -60.0  # the meter's left end


def level_to_fraction(dbfs: float) -> float:
    """An input level in dBFS (what the Microphone reports) to a meter fraction on -60..0 dBFS.

    Exactly 0.0 means "no level yet" (the controller's initial value), shown as silence.
    """
    if dbfs == 0.0:
        return 0.0
    return max(0.0, min(1.0, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS))


QUIET_END, LOUD_START = level_to_fraction(QUIET_DBFS), level_to_fraction(LOUD_DBFS)


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None, *, scale: bool = False) -> None:
        super().__init__(parent)
        self.scale = scale
        self.level = 0.0
        self.fraction = 0.0
        self.peak = 0.0
        self.loudest: float | None = None  # a test's loudest moment (dBFS): the marker, when set
        self._described = ""
        self.setMinimumSize(120, BAR_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")
        if scale:
            self.setToolTip(f"Good is between {QUIET_DBFS:.0f} and {LOUD_DBFS:.0f} dBFS, where speech "
                            "from a usual distance is.")
        self._describe()

    def _label_height(self) -> int:
        return self.fontMetrics().height() + 2 if self.scale else 0

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, BAR_HEIGHT + self._label_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, BAR_HEIGHT + self._label_height())

    def set_level(self, level: float) -> None:
        self.level = level
        self.fraction = level_to_fraction(level)
        self.peak = max(self.fraction, self.peak * 0.95)
        self._describe()
        self.update()

    def set_loudest(self, dbfs: float | None) -> None:
        """Mark a microphone test's loudest moment, the number its verdict gives (None: the
        decaying peak instead). The decaying peak sat left of "too quiet" by the test's end
        while the verdict said -15 dBFS (new-user trial 17)."""
        self.loudest = dbfs
        self.update()

    def marker_fraction(self) -> float:
        """Where the marker is drawn, as a fraction of the bar, on the same scale as the level."""
        return level_to_fraction(self.loudest) if self.loudest is not None else self.peak

    def band(self) -> str:
        """The band the level is in, in words ("" while there is no level)."""
        return level_word(self.level) if self.fraction > 0 else ""

    def _describe(self) -> None:
        # The band, not a number: it changes only when a line is crossed (no chatter for a screen reader).
        said = self.band() or "silent"
        if said != self._described:
            self._described = said
            self.setAccessibleDescription(said)

    def paintEvent(self, _event) -> None:  # noqa: N802
        from PySide6.QtGui import QPainter

        t = theme.current()
        p = QPainter(self)
        w = self.width()
        bar = QRectF(0, 0, w, BAR_HEIGHT)
        p.fillRect(bar, t.color("meter_track"))
        color = t.color("meter_hot") if self.band() == TOO_LOUD else t.color("meter_ok")
        p.fillRect(QRectF(0, 0, w * self.fraction, BAR_HEIGHT), color)
        marker = self.marker_fraction()
        if marker > 0:
            p.fillRect(QRectF(w * marker - 1, 0, 2, BAR_HEIGHT), t.color("text"))  # centred on its level
        if self.scale:
            muted = t.color("text_muted")
            p.setPen(muted)
            for edge in (QUIET_END, LOUD_START):  # where the bands meet
                p.fillRect(QRectF(w * edge - 0.5, 0, 1, BAR_HEIGHT), muted)
            text = QRectF(0, BAR_HEIGHT + 1, w, self._label_height())
            p.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), TOO_QUIET)
            good = QRectF(w * QUIET_END, BAR_HEIGHT + 1, w * (LOUD_START - QUIET_END), self._label_height())
            p.drawText(good, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), GOOD)
            p.drawText(text, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), TOO_LOUD)
        p.end()
