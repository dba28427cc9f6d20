"""Filling Progress' weak-spot table measures each row a few times, not once per cell set: with a
row height fitted to its contents, each of the 292 cells set re-measured every row (21,316 measures,
1.57 s on the GUI thread for trial6's six-week profile of 73 area rows, after every round and on a
theme switch)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.gui import progress_screen
from interviewer.gui.progress_screen import ProgressScreen
from interviewer.storage import Store
from tests.gui.test_progress_weak_spots import show
from tests.storage.test_area_history import NOT_MONITORED, store_round


class _Counting(progress_screen._NameWrappingDelegate):
    """The names' delegate, counting how often a row is measured."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.calls = 0

    def sizeHint(self, option, index):  # noqa: N802 (Qt API)
        self.calls += 1
        return super().sizeHint(option, index)


def progress_with_counted_rows(qtbot, qapp, tmp_path) -> tuple[ProgressScreen, _Counting]:
    """Progress, in the app's light style sheet, shown with four stored rounds, its names'
    delegate counting how often a row is measured."""
    from interviewer.gui import theme

    theme.apply_theme(qapp, "light")  # the app's style sheet, as in the app
    screen = ProgressScreen()
    counting = _Counting(screen.area_table)
    screen.area_table.setItemDelegateForColumn(0, counting)
    qtbot.addWidget(screen)
    with Store.open(tmp_path) as store:
        for i in range(4):
            store_round(store, 1_700_000_000 + i * 86400, NOT_MONITORED)
        screen.resize(1060, 700)
        screen.show()
        qtbot.waitExposed(screen)
        show(screen, store)
    QApplication.processEvents()
    return screen, counting


def test_refilling_the_table_measures_each_row_a_few_times(qtbot, qapp, tmp_path):
    screen, counting = progress_with_counted_rows(qtbot, qapp, tmp_path)
    rows = screen.area_table.rowCount()
    assert rows >= 4
    counting.calls = 0
    screen._redraw()
    QApplication.processEvents()
    assert counting.calls <= 6 * rows, (counting.calls, rows)
    # Still fitted: every row as tall as its name needs.
    table = screen.area_table
    assert all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(rows))
