"""The F1 sheet's rows are as tall as their wrapped text (trial 10: "Import a recorded interview to
review (a progress bar with ..." and "End your answer (while the interviewer waits: carry on ...")."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication


def test_every_row_shows_its_whole_text(qtbot):
    from interviewer.gui.shortcuts_dialog import ShortcutSheet, shortcuts

    sheet = ShortcutSheet()
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    QApplication.processEvents()
    table = sheet.table
    metrics = table.fontMetrics()
    for row, (_, _, what) in enumerate(shortcuts()):
        width = table.columnWidth(2) - 8  # the cell's margins
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, what).height()
        assert table.rowHeight(row) >= needed, (what, table.rowHeight(row), needed)
    # A narrower sheet wraps more and its rows grow.
    before = [table.rowHeight(r) for r in range(table.rowCount())]
    sheet.resize(420, sheet.height())
    QApplication.processEvents()
    assert sum(table.rowHeight(r) for r in range(table.rowCount())) > sum(before)


def test_no_row_is_cut_at_any_width_with_the_apps_theme(qtbot, isolated_dirs, script_dirs, tmp_path):
    """New-user trial 13: opened from the app (its stylesheet pads items by 3 px), rows sized for
    one line were painted a few pixels narrower than measured: "(a progress bar with ..." and
    "carry on ...". Every row's text, wrapped where Qt paints it, fits its row at the app's
    minimum window size and at every width the sheet can be dragged to."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from interviewer.core.clock import FakeClock
    from interviewer.gui.shortcuts_dialog import shortcuts

    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(window.minimumSize())
    window.show_shortcuts()
    sheet = window.shortcut_sheet
    qtbot.waitExposed(sheet)
    table = sheet.table
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1  # viewItemDrawText
    for width in range(max(380, sheet.minimumWidth()), sheet.width() + 1, 3):
        sheet.resize(width, sheet.height())
        QApplication.processEvents()
        for row, (_, _, what) in enumerate(shortcuts()):
            index = table.model().index(row, 2)
            option = QStyleOptionViewItem()
            table.initViewItemOption(option)
            table.itemDelegateForIndex(index).initStyleOption(option, index)
            option.rect = table.visualRect(index)
            painted = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
            painted.adjust(margin, 0, -margin, 0)
            needed = option.fontMetrics.boundingRect(QRect(0, 0, painted.width(), 10_000),
                                                     Qt.TextFlag.TextWordWrap, what).height()
            assert needed <= painted.height(), (width, what, needed, painted.height())
