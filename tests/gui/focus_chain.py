"""The widgets Tab visits under a root, in order (Qt's focus chain, as the keyboard walks it)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_stops(root: QWidget) -> list[QWidget]:
    """Visible, enabled widgets under `root` that take focus by Tab, in the order Tab visits them."""
    out, widget = [], root
    for _ in range(5000):
        widget = widget.nextInFocusChain()
        if widget is root:
            break
        if (root.isAncestorOf(widget) and widget.isVisibleTo(root) and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            out.append(widget)
    return out
