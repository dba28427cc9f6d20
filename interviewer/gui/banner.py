"""A strip at the top of the window that shows plain-language problems and notices."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

_STYLES = {
    "error": "background:#fde2e1; color:#7a1c16; border:1px solid #e9a29d;",
    "warning": "background:#fff3cd; color:#6b4f00; border:1px solid #f0d98c;",
    "info": "background:#e3f0fd; color:#123f6b; border:1px solid #a9cbef;",
}


class Banner(QWidget):
    """Shows one message at a time (the latest); closed by the user or replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        close = QPushButton("Dismiss")
        close.setFlat(True)
        close.clicked.connect(self.clear)
        layout.addWidget(close)
        self.level = ""
        self.history: list[tuple[str, str]] = []  # every message shown, for tests and the log
        self.hide()

    def show_message(self, text: str, level: str = "error") -> None:
        self.level = level
        self.history.append((level, text))
        self.label.setText(text)
        self.setStyleSheet(f"#banner {{{_STYLES.get(level, _STYLES['info'])} border-radius:4px;}}")
        self.show()

    def clear(self) -> None:
        self.level = ""
        self.label.clear()
        self.hide()

    @property
    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()
