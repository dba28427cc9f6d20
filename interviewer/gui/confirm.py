"""Questions whose Yes cannot be undone (ending a round). Trial 21: Tab moved the focus of a
Yes/No box to Yes, and the next Space (the round's end-answer key) ended the round by accident.
Here the safe button is the default and the only one the keyboard focus reaches: Enter, Space
and Esc keep going; the destructive one takes a click or its underlined letter (Alt+letter or
the letter alone)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_destructive(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """True if `yes` (a label with a mnemonic, e.g. "&End the round") was chosen."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    yes_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab never lands on it, so Space cannot press it
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
