"""Trial 19: the debrief's self-rating radio buttons moved the focus on the arrow keys without
choosing a rating (with none chosen yet). As in a native radio group, the arrows choose; with
none chosen, the first arrow chooses the focused rating (trial 23: Tab, Right chose 2)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.debrief import prompts_for


def test_arrow_keys_choose_the_rating_and_keep_one_chosen(qtbot):
    from interviewer.gui.debrief_screen import DebriefItem

    item = DebriefItem(prompts_for("ml_system_design")[0])
    qtbot.addWidget(item)
    item.show()
    qtbot.waitExposed(item)
    item.activateWindow()
    first = item.ratings.button(1)
    first.setFocus()
    QApplication.processEvents()
    assert item.rating() is None
    qtbot.keyClick(first, Qt.Key.Key_Right)  # none chosen: the first arrow chooses the focused 1 (trial 23: 2)
    assert item.rating() == 1 and first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert item.rating() == 2 and item.ratings.button(2).hasFocus()
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert item.rating() == 5 and item.ratings.button(5).hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # stays at the end of the scale
    assert item.rating() == 5
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert item.rating() == 3 and [b.isChecked() for b in item.ratings.buttons()].count(True) == 1


def test_the_first_arrow_with_no_rating_chosen_chooses_the_focused_one(qtbot):
    from interviewer.gui.debrief_screen import DebriefItem

    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
        item = DebriefItem(prompts_for("behavioral")[0])
        qtbot.addWidget(item)
        item.show()
        qtbot.waitExposed(item)
        item.activateWindow()
        item.ratings.button(1).setFocus()
        QApplication.processEvents()
        qtbot.keyClick(item.ratings.button(1), key)
        assert item.rating() == 1 and item.ratings.button(1).hasFocus(), key
