"""A label whose links are its Tab stops (review summary, Home's weak spots, Progress's note)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class LinksLabel(QLabel):
    """A label whose links are its Tab stops, and nothing else: Tab into a QLabel focused the
    label with no link shown focused, an invisible stop before its links (Tab) or after them
    (Shift+Tab: one just before the transcript, one between the two columns' links, trial 23;
    one just before Home's "Progress" link, trial 27). Entered by Tab it focuses its first
    link, by Shift+Tab its last; with no link it takes no focus."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        has_links = "<a " in text
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_links else Qt.FocusPolicy.NoFocus)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            QLabel.focusNextPrevChild(self, event.reason() == Qt.FocusReason.TabFocusReason)
