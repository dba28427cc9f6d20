"""A text box that scrolls (the round's question, Home's script problems) is a Tab stop only
while there is something to scroll to (new-user trial: Tab in the round went through the
question box, unnamed and drawn without focus, for a question that fitted)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from interviewer.gui.fitted_scroll import FittedScroll


def _box(qtbot, text: str) -> FittedScroll:
    label = QLabel(text)
    label.setWordWrap(True)
    box = FittedScroll(label, lines=2)
    qtbot.addWidget(box)
    box.resize(300, 40)
    box.show()
    box.fit()
    return box


def test_a_box_that_fits_its_text_is_no_tab_stop(qtbot):
    box = _box(qtbot, "A short question?")
    assert not box.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_box_that_scrolls_is_a_tab_stop(qtbot):
    box = _box(qtbot, " ".join(["A long question that needs many lines to be read."] * 12))
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
