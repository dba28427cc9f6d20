"""The self-check's Qt part: the app icon loads, the window code imports, a window shows."""
from __future__ import annotations

import os
import sys


def show_test_window() -> str:
    """Shows and closes a small window; returns what was seen. Raises RuntimeError on failure."""
    # Offscreen so the check runs on build machines and CI with no display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QLabel

    from interviewer.resources import assets_dir

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "interviewer"])
    icon_path = assets_dir() / "interviewer-256.png"
    icon = QIcon(str(icon_path))
    if icon.isNull():
        raise RuntimeError(f"app icon not loadable: {icon_path}")
    # The app's own window code must be present (a frozen build can silently lose modules),
    # including the screens the window builds only when they are first opened.
    import importlib

    from interviewer.gui import lazy_screens

    for name in lazy_screens.LAZY_SCREEN_MODULES:
        importlib.import_module(name)

    label = QLabel("Interviewer self-check")
    label.setWindowIcon(icon)
    label.show()
    app.processEvents()
    shown = label.isVisible()
    label.close()
    app.processEvents()
    if not shown:
        raise RuntimeError("a window did not show")
    return f"window shown on platform '{app.platformName()}', icon {icon_path.name}"
