"""Accessible names for controls that do not get one from their text or a buddy label.

Screen readers announce a widget by its accessible name. Buttons and check boxes have their
text; a field in a QFormLayout row gets its row label here (Qt only links a label to a single
widget, not to a row of several); otherwise the placeholder text or the tooltip is used.
Custom-painted widgets (level meter, phase plan, timeline, charts) name and describe themselves.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QTextEdit,
    QWidget,
)

CONTROL_TYPES = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit,
                 QTextEdit)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces (Qt's accessibility interface, buddy labels included)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def name_controls(root: QWidget) -> int:
    """Give every control under `root` without a spoken name one; returns how many were named."""
    named = 0
    for layout in root.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            label_item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            if not isinstance(label, QLabel) or not label.text() or field_item is None:
                continue
            for control in _controls_in(field_item):
                if not spoken_name(control):
                    control.setAccessibleName(_plain(label.text()) + _suffix(control))
                    named += 1
    for control in root.findChildren(QWidget):
        if isinstance(control, CONTROL_TYPES) and not isinstance(control, QHeaderView) and not spoken_name(control):
            text = (getattr(control, "placeholderText", lambda: "")() or control.toolTip() or _tab_title(control)
                    or _label_before(control) or control.objectName().replace("_", " "))
            if text:
                control.setAccessibleName(_plain(text))
                named += 1
    return named


def no_blind_scroll_stops(root: QWidget) -> None:
    """A box that only scrolls other controls (the settings groups, the debrief prompts) is no
    Tab stop: it shows no focus and has no name, so Tab seemed lost for one press. The controls
    inside are Tab stops, and the box scrolls each into view when Tab reaches it."""
    for box in root.findChildren(QScrollArea):
        if not spoken_name(box):
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def _tab_title(control: QWidget) -> str:
    """A page of a tab widget is called what its tab says."""
    stack = control.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    if isinstance(tabs, QTabWidget):
        index = tabs.indexOf(control)
        return tabs.tabText(index).replace("&", "") if index >= 0 else ""
    return ""


def _label_before(control: QWidget) -> str:
    """The text of the nearest label before the control in its layouts (a list under
    "Findings", a spin box after "Practice plan"), looking outwards through nested layouts."""
    holder = control
    while holder.parentWidget() is not None:
        top = holder.parentWidget().layout()
        path = _path_to(top, holder) if top is not None else None
        if path:
            for layout, index in reversed(path):
                for i in range(index - 1, -1, -1):
                    text = _label_text(layout.itemAt(i))
                    if text:
                        return text
            return ""
        holder = holder.parentWidget()
    return ""


def _path_to(layout: QLayout, widget: QWidget) -> list[tuple[QLayout, int]] | None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return [(layout, i)]
        if item.layout() is not None:
            inner = _path_to(item.layout(), widget)
            if inner:
                return [(layout, i)] + inner
    return None


def _label_text(item) -> str:
    widget = item.widget()
    if isinstance(widget, QLabel):
        return _plain(widget.text()).split("\n")[0][:80]
    if item.layout() is not None:
        for i in range(item.layout().count() - 1, -1, -1):
            text = _label_text(item.layout().itemAt(i))
            if text:
                return text
    return ""


def _controls_in(item) -> list[QWidget]:
    if item.widget() is not None:
        widget = item.widget()
        found = [widget] if isinstance(widget, CONTROL_TYPES) else []
        return found + [w for w in widget.findChildren(QWidget) if isinstance(w, CONTROL_TYPES)]
    layout: QLayout | None = item.layout()
    out: list[QWidget] = []
    if layout is not None:
        for i in range(layout.count()):
            out += _controls_in(layout.itemAt(i))
    return out


def _suffix(control: QWidget) -> str:
    if isinstance(control, QAbstractSpinBox):
        return " (number)"
    return ""


def _plain(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text).replace("&amp;", "&").strip().rstrip(":")
