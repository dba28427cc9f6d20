"""Controls side by side where the width allows, else one under another: a row of a combo box
and a long button needed more than a small window gave (the Check screen scrolled 123 px
sideways at 1024x640 with 150 % scaling, its 'Test microphone' button out of sight; trial8)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QWidget

SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
STACKED = QBoxLayout.Direction.TopToBottom


class WrapRow(QWidget):
    def __init__(self, *items: tuple[QWidget, int], parent: QWidget | None = None) -> None:
        """items: (widget, stretch); a widget without stretch keeps its own width when stacked."""
        super().__init__(parent)
        self._box = QBoxLayout(SIDE_BY_SIDE, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in items:
            if stretch:
                self._box.addWidget(widget, stretch)
            else:
                self._box.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    def _shown(self) -> list[QWidget]:
        widgets = [self._box.itemAt(i).widget() for i in range(self._box.count())]
        return [w for w in widgets if w is not None and not w.isHidden()]

    def side_by_side_width(self) -> int:
        shown = self._shown()
        return (sum(_least_width(w) for w in shown) + max(0, len(shown) - 1) * max(0, self._box.spacing()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As narrow as its widest control, stacked: the width given decides how it is laid out."""
        return QSize(max((_least_width(w) for w in self._shown()), default=0), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        direction = SIDE_BY_SIDE if event.size().width() >= self.side_by_side_width() else STACKED
        if self._box.direction() != direction:
            self._box.setDirection(direction)


def _least_width(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())
