"""Progress' weak-spot table shows whole area names (new-user trial at 1280x800: "Clarifying ..."
beside a "Round kind" column with room to spare). A name too long for its column wraps onto a
second line instead of being cut off."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from tests.gui.test_progress_many_rounds import progress_shown


def test_every_area_name_is_shown_whole(qtbot, tmp_path):
    screen = progress_shown(qtbot, tmp_path, 1, 640)  # narrow: the names need two or three lines
    table = screen.area_table
    metrics = table.fontMetrics()
    assert table.rowCount() > 0
    for row in range(table.rowCount()):
        name = table.item(row, 0).text()
        width = table.columnWidth(0) - 8  # the cell's margins
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, name).height()
        assert table.rowHeight(row) >= needed, (name, table.columnWidth(0), table.rowHeight(row), needed)
