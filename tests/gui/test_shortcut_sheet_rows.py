"""The F1 sheet's rows are as tall as their wrapped text (trial 10: "Import a recorded interview to
review (a progress bar with ..." and "End your answer (while the interviewer waits: carry on ...")."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication


def test_every_row_shows_its_whole_text(qtbot):
    from interviewer.gui.shortcuts_dialog import SHORTCUTS, ShortcutSheet

    sheet = ShortcutSheet()
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    QApplication.processEvents()
    table = sheet.table
    metrics = table.fontMetrics()
    for row, (_, _, what) in enumerate(SHORTCUTS):
        width = table.columnWidth(2) - 8  # the cell's margins
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, what).height()
        assert table.rowHeight(row) >= needed, (what, table.rowHeight(row), needed)
    # A narrower sheet wraps more and its rows grow.
    before = [table.rowHeight(r) for r in range(table.rowCount())]
    sheet.resize(420, sheet.height())
    QApplication.processEvents()
    assert sum(table.rowHeight(r) for r in range(table.rowCount())) > sum(before)
