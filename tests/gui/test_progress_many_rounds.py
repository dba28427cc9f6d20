"""Progress after months of practice: the weak-spot table's "Over time" marks do not squeeze the
area names out (trial6: with 20 rounds of one kind, one ● or ○ per round, the marks took the
table's width and the names read "E... ca...", the kinds "Te... p... sc...")."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.gui.progress_screen import OVER_TIME_SHOWN, ProgressScreen
from interviewer.storage import Store
from tests.gui.test_progress_weak_spots import show
from tests.storage.test_area_history import NOT_MONITORED, store_round

DAY = 86400


def progress_shown(qtbot, tmp_path, rounds: int, width: int, height: int = 700) -> ProgressScreen:
    """Progress after `rounds` rounds three days apart, each missing monitoring, shown at this size."""
    screen = ProgressScreen()
    qtbot.addWidget(screen)
    with Store.open(tmp_path) as store:
        for i in range(rounds):
            store_round(store, 1_700_000_000 + i * 3 * DAY, NOT_MONITORED)
        show(screen, store)
    screen.resize(width, height)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    return screen


def test_area_names_keep_their_room_after_twenty_rounds(qtbot, tmp_path):
    screen = progress_shown(qtbot, tmp_path, 20, 1060)  # Progress in a 1280x800 window
    table = screen.area_table
    metrics = table.fontMetrics()
    assert table.rowCount() > 0
    for row in range(table.rowCount()):
        longest_word = max(table.item(row, 0).text().split(), key=metrics.horizontalAdvance)
        assert table.columnWidth(0) >= metrics.horizontalAdvance(longest_word) + 8, (longest_word, table.columnWidth(0))
        kind_word = max(table.item(row, 1).text().split(), key=metrics.horizontalAdvance)
        assert table.columnWidth(1) >= metrics.horizontalAdvance(kind_word) + 8, (kind_word, table.columnWidth(1))
        marks = table.item(row, 3)
        assert sum(marks.text().count(m) for m in "●○") == OVER_TIME_SHOWN
        assert "of 20 rounds" in marks.toolTip()  # the whole history is still told


def test_in_a_narrow_window_the_table_scrolls_rather_than_cut_every_word(qtbot, tmp_path):
    """1024x640 at 150 % (683 logical pixels): the names and kinds got 26 px each and read '...'
    in every row (trial6); now each keeps room for its longest word and the table scrolls sideways."""
    screen = progress_shown(qtbot, tmp_path, 3, 480)
    table = screen.area_table
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for col in (0, 1):
            word = max(table.item(row, col).text().split(), key=metrics.horizontalAdvance)
            assert table.columnWidth(col) >= metrics.horizontalAdvance(word) + 8, (word, table.columnWidth(col))
