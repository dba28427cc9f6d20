"""New-user trial 17: at 1280x800 Settings put "End answer after you stop talking for" above a
full-width spin box (QFormLayout wrapped that one long row) while every other row had its label
beside its field. Every labelled row has its label on the left of its field, on the same line,
at 1280x800 and at 1600x1000, and every label shows its whole text."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QGroupBox, QLabel

from interviewer.app.services import AppServices, ScriptList
from interviewer.app.settings import save_settings
from interviewer.gui.main_window import MainWindow


def _rect(widget, to) -> QRect:
    return QRect(widget.mapTo(to, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000)])
def test_every_label_sits_beside_its_field(qtbot, isolated_dirs, size):
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), save_settings=save_settings))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("settings")
    screen = window.screen("settings")
    for _ in range(3):
        QApplication.processEvents()
    rows = 0
    for box in screen.findChildren(QGroupBox):
        form = box.layout()
        assert isinstance(form, QFormLayout)
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None or not isinstance(label_item.widget(), QLabel):
                continue
            label, field = label_item.widget(), field_item.widget() or field_item.layout()
            if not label.text():
                continue
            rows += 1
            lr = _rect(label, box)
            fr = _rect(field, box) if hasattr(field, "mapTo") else field.geometry()
            assert lr.right() < fr.left(), (size, label.text())  # beside it, not above it
            assert lr.top() < fr.bottom() and fr.top() < lr.bottom(), (size, label.text(), lr, fr)  # same line
            needed = label.fontMetrics().boundingRect(QRect(0, 0, lr.width(), 10_000),
                                                      int(Qt.TextFlag.TextWordWrap), label.text()).height()
            assert lr.height() >= needed, (size, label.text())  # the whole label, wrapped if need be
    assert rows >= 10


@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000)])
def test_fields_of_groups_in_one_column_start_at_the_same_x(qtbot, isolated_dirs, size):
    """Trial 18: the Speech model list started ~33 px left of the Microphone and Appearance
    fields: each group's form sized its own label column. Groups stacked in one column of the
    page share one label width, so their fields line up."""
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), save_settings=save_settings))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("settings")
    screen = window.screen("settings")
    for _ in range(3):
        QApplication.processEvents()
    by_column: dict[int, set[int]] = {}
    for box in screen.findChildren(QGroupBox):
        form = box.layout()
        column = box.mapTo(screen, QPoint(0, 0)).x()
        for row in range(form.rowCount()):
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if field_item is not None and field_item.widget() is not None:
                by_column.setdefault(column, set()).add(field_item.widget().mapTo(screen, QPoint(0, 0)).x())
    assert by_column and all(len(xs) == 1 for xs in by_column.values()), by_column
