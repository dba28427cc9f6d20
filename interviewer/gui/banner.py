"""A strip at the top of the window that shows plain-language problems and notices.

Its colours come from the application stylesheet (gui/theme.py, `#banner[level=...]`), so they
follow the light or dark theme; an icon says the level without relying on colour alone."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from interviewer.gui import theme

LEVEL_ICONS = {"error": "warning", "warning": "warning", "info": "info"}
LEVEL_TEXT_COLOURS = {"error": "error_text", "warning": "warning_text", "info": "info_text"}


class Banner(QWidget):
    """Shows one message at a time (the latest); closed by the user or replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName("Message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_XS + 2, theme.SPACE_XS + 2, theme.SPACE_XS + 2)
        self.icon = QLabel()
        self.icon.setAccessibleName("Message level")
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.action = QPushButton()  # the message's own action (Retry), when it has one
        self.action.hide()
        self.action.clicked.connect(self._act)
        self._on_action: Callable[[], None] | None = None
        layout.addWidget(self.action)
        close = QPushButton("Dismiss")
        close.setFlat(True)
        close.setAccessibleDescription("Hide this message")
        close.clicked.connect(self.clear)
        layout.addWidget(close)
        self.level = ""
        self.screen: str | None = None  # the screen the message belongs to (None: the window's)
        self.history: list[tuple[str, str]] = []  # every message shown, for tests and the log
        theme.notifier().changed.connect(self._theme_changed)  # a bound slot: dropped with the widget
        self.hide()

    def show_message(self, text: str, level: str = "error", screen: str | None = None,
                     action: tuple[str, Callable[[], None]] | None = None) -> None:
        """`screen`: the key of the screen the message is about ("Exported to ..." is the
        review's); it goes when another screen is shown (it stayed up over Home and Settings).
        `action`: (label, what it does) for a button beside the message; it hides the message."""
        self._set_action(action)
        self.level = level if level in LEVEL_ICONS else "info"
        self.screen = screen
        self.history.append((level, text))
        self.label.setText(text)
        self._show_level()
        self.show()

    def _set_action(self, action: tuple[str, Callable[[], None]] | None) -> None:
        self._on_action = action[1] if action else None
        self.action.setText(action[0] if action else "")
        self.action.setVisible(action is not None)

    def _act(self) -> None:
        act = self._on_action
        self.clear()
        if act is not None:
            act()

    def _theme_changed(self, _theme) -> None:
        self._show_level()

    def _show_level(self) -> None:
        if not self.level:
            return
        self.setProperty("level", self.level)
        self.style().unpolish(self)  # the stylesheet picks its colours by this property
        self.style().polish(self)
        for child in self.findChildren(QWidget):
            self.style().unpolish(child)
            self.style().polish(child)
        colour = getattr(theme.current(), LEVEL_TEXT_COLOURS[self.level])
        self.icon.setPixmap(theme.pixmap(LEVEL_ICONS[self.level], colour, 18))
        self.icon.setAccessibleDescription(self.level)
        self.setAccessibleDescription(f"{self.level}: {self.label.text()}")

    def screen_shown(self, key: str) -> None:
        """The window shows screen `key`: a message that belongs to another screen goes."""
        if self.screen is not None and key != self.screen:
            self.clear()

    def clear(self) -> None:
        self._set_action(None)
        self.level = ""
        self.screen = None
        self.label.clear()
        self.hide()

    @property
    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()
