"""The window's shortcuts (QShortcut and QAction keys: Ctrl+E, Ctrl+R, Ctrl+Enter, F1, Ctrl+Q,
Ctrl+F, Ctrl+1...) work also when the window has the keys without being Qt's active window.

Qt matches shortcuts only in the window it takes for the active one. Without a window manager
(after a restart, trial 45 defect 4) the window got the key events but was never activated: the
round screen's plain keys (P, R, Space, handled in its keyPressEvent) worked, while Ctrl+E did
nothing four times. A key Qt did not match as a shortcut arrives as a plain key press; if the
window it is for is not the active one, this application event filter looks it up among that
window's shortcuts with Qt's own context rules and fires it. With the window active, Qt has
already matched its shortcuts and this does nothing, so nothing fires twice.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget


def _in_context(owner: QWidget, context: Qt.ShortcutContext, focus: QWidget | None) -> bool:
    """Qt's rules for a shortcut of `owner` (its window is the one the key is for)."""
    if not owner.isVisible() or not owner.isEnabled():
        return False  # a hidden screen's shortcuts do not fire
    if context == Qt.ShortcutContext.WidgetShortcut:
        return focus is owner
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return focus is not None and (focus is owner or owner.isAncestorOf(focus))
    return True  # WindowShortcut, ApplicationShortcut


def _sequence(event: QKeyEvent) -> QKeySequence:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))


class ShortcutsWithoutActivation(QObject):
    """Installed once on the application for `window` (and its dialogs' own windows are left to
    Qt: a dialog shown by the window is activated by its exec)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        window = self._window
        if watched.window() is not window or QApplication.activeWindow() is window:
            return False  # not ours, or Qt has matched the shortcuts itself
        if event.key() in (Qt.Key.Key_unknown, Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt,
                           Qt.Key.Key_Meta):
            return False
        sequence = _sequence(event)
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not window:
            focus = watched
        fire = self._match(sequence, focus, event.isAutoRepeat())
        if fire is None:
            return False
        # A widget that wants the key for itself (a text field's own keys) keeps it, as Qt does.
        override = QKeyEvent(QEvent.Type.ShortcutOverride, event.key(), event.modifiers(), event.text(),
                             event.isAutoRepeat(), event.count())
        override.ignore()
        QApplication.sendEvent(focus, override)
        if override.isAccepted():
            return False
        fire()
        return True

    def _match(self, sequence: QKeySequence, focus: QWidget, repeat: bool):
        """What the key fires in the window: the first enabled shortcut whose context holds."""
        for shortcut in self._window.findChildren(QShortcut):
            owner = shortcut.parent()
            if (shortcut.isEnabled() and isinstance(owner, QWidget) and owner.window() is self._window
                    and (not repeat or shortcut.autoRepeat())
                    and any(key == sequence for key in shortcut.keys())
                    and _in_context(owner, shortcut.context(), focus)):
                return shortcut.activated.emit
        for action in self._window.findChildren(QAction):
            owner = action.parent()
            if (action.isEnabled() and action.isVisible() and isinstance(owner, QWidget)
                    and owner.window() is self._window and (not repeat or action.autoRepeat())
                    and any(key == sequence for key in action.shortcuts())
                    and _in_context(owner, action.shortcutContext(), focus)):
                return action.trigger
        return None
