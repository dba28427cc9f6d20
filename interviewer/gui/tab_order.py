"""Tab order that follows what the eye reads. Qt chains widgets in the order they join the
window, so controls made later (a debrief's prompts, made for each round) came after the
buttons below them."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def chain_tabs(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)
