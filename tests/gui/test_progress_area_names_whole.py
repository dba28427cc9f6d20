"""Progress' weak-spot table shows whole area names (new-user trial at 1280x800: "Clarifying ..."
beside a "Round kind" column with room to spare). A name too long for its column wraps onto a
second line instead of being cut off."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from interviewer.gui.progress_screen import ProgressScreen
from interviewer.storage import Store
from tests.gui.test_progress_weak_spots import show
from tests.storage.test_area_history import NOT_MONITORED, store_round


def test_every_area_name_is_shown_whole(qtbot, tmp_path):
    screen = ProgressScreen()
    qtbot.addWidget(screen)
    with Store.open(tmp_path) as store:
        store_round(store, 1_700_000_000, NOT_MONITORED)
        show(screen, store)
    screen.resize(640, 700)  # narrow: the names need two or three lines
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    table = screen.area_table
    metrics = table.fontMetrics()
    assert table.rowCount() > 0
    for row in range(table.rowCount()):
        name = table.item(row, 0).text()
        width = table.columnWidth(0) - 8  # the cell's margins
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, name).height()
        assert table.rowHeight(row) >= needed, (name, table.columnWidth(0), table.rowHeight(row), needed)
