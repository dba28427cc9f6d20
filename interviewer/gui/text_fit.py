"""Long text never needs a sideways scroll bar: lists wrap, a table cell cut short shows its
whole text as a tooltip, and combo boxes elide long entries rather than widen the page. Applied once to the whole window, so screens built by anyone get it."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QToolTip,
    QWidget,
)


def text_html(text: str) -> str:
    """`text` escaped for rich text with its line breaks kept: a script's long question in
    paragraphs (blank lines in its text) ran together as one in the review."""
    return html.escape(text.strip()).replace("\n", "<br>")


class _ElidedCellTips(QObject):
    """Shows a cell's full text when the view had to cut it (and the cell has no tooltip)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.ToolTip:
            return False
        index = self.view.indexAt(event.pos())
        text = index.data(Qt.ItemDataRole.DisplayRole) if index.isValid() else None
        if not text or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        rect = self.view.visualRect(index)
        if self.view.fontMetrics().horizontalAdvance(str(text)) + 8 > rect.width():
            QToolTip.showText(event.globalPos(), str(text), self.view, rect)
            return True
        QToolTip.hideText()
        return True


def fit_long_text(root: QWidget) -> None:
    for combo in root.findChildren(QComboBox):
        # A long device or voice name elides inside the box instead of widening the page.
        if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
    for view in root.findChildren(QListWidget):
        view.setWordWrap(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for table in root.findChildren(QTableWidget):
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(_ElidedCellTips(table))


class _WholeHeight(QObject):
    """Keeps a word-wrapped label at least as tall as its text at its width. In a splitter or a
    nested layout Qt sizes such a label from its minimum size hint, for a guessed width: in a
    small window it was cut short, where the page should have scrolled."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        label.installEventFilter(self)
        # A new text asks the parent's layout again (LayoutRequest): refit before it runs.
        if label.parentWidget() is not None:
            label.parentWidget().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if ((watched is self.label and kind in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange))
                or (watched is not self.label and kind == QEvent.Type.LayoutRequest)):
            self.fit()
        return False

    def fit(self) -> None:
        width = self.label.width()
        need = self.label.heightForWidth(width) if width > 0 else -1
        if need > 0 and need != self.label.minimumHeight():
            self.label.setMinimumHeight(need)


def keep_whole_height(label: QLabel) -> None:
    """`label` (word-wrapped, already in its layout) is never drawn shorter than its text."""
    _WholeHeight(label).fit()


class WrappedCellDelegate(QStyledItemDelegate):
    """A word-wrapped cell's height for the text where the style paints it: Qt measures the text
    at the cell's whole width, the stylesheet's item padding then narrows it, and the last line
    of a long question was cut (trial 39: the review's per-answer questions)."""

    def sizeHint(self, option, index):  # noqa: N802 (Qt API)
        view = self.parent()
        painted = QStyleOptionViewItem(option)
        self.initStyleOption(painted, index)
        width = view.columnWidth(index.column()) if hasattr(view, "columnWidth") else option.rect.width()
        painted.rect = QRect(0, 0, max(1, width), 0)
        size = super().sizeHint(painted, index)
        painted.rect = QRect(0, 0, max(1, width), size.height())
        style = view.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, painted, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        needed = QFontMetrics(painted.font).boundingRect(
            QRect(0, 0, max(1, text.width() - 2 * margin), 100000), int(Qt.TextFlag.TextWordWrap),
            painted.text).height()
        return QSize(size.width(), size.height() + max(0, needed - text.height()))
