"""A word-wrapped label in a box as tall as its text, up to a number of lines; the rest scrolls
inside the box, so a long text never pushes what is below it off the window."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy


class FittedScroll(QScrollArea):
    """A word-wrapped label as tall as its text up to `lines` lines; more scrolls inside. A
    label alone in the layout was cut off at the window's bottom edge instead."""

    def __init__(self, label: QLabel, lines: int) -> None:
        super().__init__()
        self._label = label
        self.lines = lines  # may change (the round screen's question takes a share of the height)
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        label.setAutoFillBackground(False)

    def fit(self) -> None:
        """Height for the text at the width there is now (called when either changes)."""
        width = self.width()
        full = self._label.heightForWidth(width)
        line = self._label.fontMetrics().lineSpacing()
        cap = line * self.lines
        if full - cap >= line:  # a line or more to scroll to (less: shown, not scrolled for)
            full = self._label.heightForWidth(width - self.verticalScrollBar().sizeHint().width())
        else:
            cap = full
        height = max(1, min(full, cap))
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)
        # A Tab stop only with something to scroll to: a box that fits its text, focused, showed
        # nothing (Tab seemed to get lost in the round's question).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if full > cap else Qt.FocusPolicy.NoFocus)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # another theme or font size
            self.fit()
