"""The keyboard-shortcut sheet (F1): every key the app answers to, in one table."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QHeaderView, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from shiboken6 import isValid

from interviewer.gui import window_fit
from interviewer.gui.screen_keys import DEBRIEF_KEYS, REVIEW_KEYS, ROUND_KEYS

SHEET_WIDTH = 640  # the rows are as tall as their text at this width (_fit_rows)

# The side bar's screens before a round: Round, Review and Debrief join them once used.
FIRST_SCREENS = ("Home", "Check", "Progress", "Settings")


def screen_keys_row(screens: Sequence[str]) -> tuple[str, str, str]:
    """Ctrl+1, 2, ... go to the side bar's screens in the order it shows them (window_menus
    binds them from the same list): a fixed "Ctrl+1 / 2 / 3 / 4 = Home, Check, Progress,
    Settings" was wrong once Round and Review were in the side bar (new-user trial 17)."""
    keys = "Ctrl+1" + "".join(f" / {n}" for n in range(2, len(screens) + 1))
    return ("Anywhere", keys, ", ".join(screens))


def shortcuts(screens: Sequence[str] = FIRST_SCREENS) -> tuple[tuple[str, str, str], ...]:
    """(where, keys, what it does), with the side bar showing `screens`. The round's and the
    review's rows are the keys those screens bind (screen_keys.py), so this list and the keys
    cannot drift apart."""
    return (
        ("Anywhere", "F1", "This list of keyboard shortcuts"),
        ("Anywhere", "Ctrl+,", "Settings"),
        ("Anywhere", "Ctrl+I", "Import a recorded interview to review (a progress bar with Cancel)"),
        ("Anywhere", "Ctrl+Q", "Quit (a round in progress asks first)"),
        screen_keys_row(screens),
        ("Anywhere", "Tab, Shift+Tab", "Move between controls; Space or Enter presses the focused one"),
        ("Home", "Arrow keys, Enter", "Choose a round card; Enter starts it"),
        ("Home", "Delete", "Delete the selected recent round and its recordings (asks first)"),
        ("Home", "Ctrl+F", "Search your past sessions; Down goes to the list, Enter opens one, Esc clears"),
        *(("Round", k.keys, k.what) for k in ROUND_KEYS),
        *(("Review", k.keys, k.what) for k in REVIEW_KEYS),
        *(("Debrief", k.keys, k.what) for k in DEBRIEF_KEYS),
    )


def painted_text_rect(view: QTableWidget, option: QStyleOptionViewItem) -> QRect:
    """Where a cell's text is drawn: the style's text area (the theme's item padding) less the
    margin Qt's item painting keeps on each side (QCommonStyle's viewItemDrawText)."""
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).adjusted(margin, 0, -margin, 0)


class _WrappedTextDelegate(QStyledItemDelegate):
    """A row as tall as its text wrapped at the width it is painted in. The default size hint
    measured a few pixels wider than the painting (the stylesheet's item padding), so a line
    that just fitted the hint was painted cut: "(a progress bar with ..." (new-user trial 13)."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt API)
        hint = super().sizeHint(option, index)
        view = self.parent()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        grid = 1 if view.showGrid() else 0  # the cell is painted inside the grid line
        opt.rect = QRect(0, 0, view.columnWidth(index.column()) - grid, hint.height())
        text = painted_text_rect(view, opt)
        needed = opt.fontMetrics.boundingRect(QRect(0, 0, max(1, text.width()), 1_000_000),
                                              int(Qt.TextFlag.TextWordWrap), opt.text).height()
        return QSize(hint.width(), max(hint.height(), needed + opt.rect.height() - text.height()))


class _RowsFitTable(QTableWidget):
    """Rows re-measured whenever the wrapped column's width changes, a scroll bar coming or going
    included: Qt's lazy ResizeToContents kept the rows of the wider column, cut by a line, when
    the sheet fitted its rows and narrowing it brought the scroll bar."""

    _fitted_for = -1

    def updateGeometries(self) -> None:  # noqa: N802 (Qt API)
        super().updateGeometries()
        width = self.columnWidth(2)
        if width != self._fitted_for:
            self._fitted_for = width
            self.resizeRowsToContents()


class ShortcutSheet(QDialog):
    def __init__(self, parent=None, screens: Sequence[str] = FIRST_SCREENS) -> None:
        super().__init__(parent)
        self.rows = shortcuts(screens)
        # Where the keys went before F1, given back on closing (_give_back).
        self._return_to = QApplication.focusWidget()
        self.finished.connect(self._give_back)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.table = _RowsFitTable(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setAccessibleDescription("One row per shortcut: where it works, the keys, what it does.")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on to Close (it went cell by cell); arrows still do that
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, values in enumerate(self.rows):
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows follow the wrapped text at the width the table gets: sized once here, at the
        # dialog's first width, the longer ones showed "(a progress bar with ..." (trial 10).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(2, _WrappedTextDelegate(self.table))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel("Everything in Interviewer works from the keyboard.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(SHEET_WIDTH, 480)  # as tall as its rows when shown (showEvent)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._fit_rows()
        self._centre_on_window()
        window_fit.fit_dialog(self)  # no larger than the screen: the table scrolls then

    def _window_area(self) -> QRect | None:
        """The inside of the window the sheet opens over, its own frame taken off, or None: the
        sheet stays within it (at 1280x800 on a 1000 px screen it ran past the window's bottom
        edge, new-user trial 20); the table scrolls what does not fit."""
        parent = self.parentWidget()
        if parent is None or not parent.window().isVisible():
            return None
        frame = window_fit._larger(window_fit.frame_margins(self), window_fit.FRAME_GUESS)
        return parent.window().geometry().marginsRemoved(frame)

    def _centre_on_window(self) -> None:
        """Over the middle of its window: placed at its first size and then grown downwards by
        _fit_rows, it hung below the window."""
        area = self._window_area()
        if area is not None:
            self.move(self.pos() + area.center() - self.geometry().center())

    def _give_back(self) -> None:
        """Closed (Esc, Close): the window and the control that had the keys get them back.
        Without a window manager nothing re-activated the window, and Ctrl+1...7 did nothing
        until a click in it (new-user trial 20)."""
        parent = self.parentWidget()
        if parent is None or not isValid(parent):
            return
        window = parent.window()
        window.activateWindow()
        widget = self._return_to
        if widget is not None and isValid(widget) and widget.isVisible() and widget.window() is window:
            widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _fit_rows(self) -> None:
        """As tall as every row at this width, up to the screen's available height: at a fixed
        640x480 a 1000 px screen showed 8 of the 19 rows and the rest needed scrolling (trial 16)."""
        room = window_fit.available_area(self.parentWidget() or self).height()
        window = self._window_area()
        if window is not None:
            room = min(room, window.height())
        for _ in range(2):  # the rows wrap less once the scroll bar is gone: measure again
            self.layout().activate()
            table = self.table
            rows = (table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                    + 2 * table.frameWidth())
            rest = self.layout().sizeHint().height() - table.sizeHint().height()
            height = min(rest + rows, room)
            if height == self.height():
                break
            self.resize(self.width(), height)
