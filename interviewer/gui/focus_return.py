"""When any dialog of the window closes (Esc or a button), the window gets its activation and
keyboard focus back explicitly. Without a window manager (trial 21, Xvfb) nothing handed them
back: Ctrl+E, F1 and Ctrl+, did nothing until a click in the window."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid


class FocusReturn(QObject):
    """An application event filter for `window`'s dialogs (QMessageBox, file dialogs, its own)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if (event.type() == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow()
                and watched.parentWidget() is not None and watched.parentWidget().window() is self._window):
            # After the dialog's own hiding is done (a modal loop still unwinding).
            QTimer.singleShot(0, self.give_back)
        return False

    def give_back(self) -> None:
        window = self._window
        if not isValid(window) or not window.isVisible() or QApplication.activeModalWidget() is not None:
            return  # closed, or another dialog is up (it has the keys now)
        window.activateWindow()
        # The window's own record of its last focused control survives the dialog.
        widget = window.focusWidget()
        target = widget if widget is not None and widget.isVisible() and widget.isEnabled() else window
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
