"""The Qt binding must not leak or steal references: PySide6-Essentials 6.12.0 on Python 3.11
decremented None's reference count on every call of a void method, so the app aborted
("none_dealloc: deallocating None") after a few thousand label updates."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_nones_reference_count(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText("x" if i % 2 else "y")
        label.update()
    assert abs(sys.getrefcount(None) - before) < 100
