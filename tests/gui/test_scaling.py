"""Layouts hold at 200 % scaling and with a large system font (issue 14). In child processes,
each on an offscreen screen of its size: QT_SCALE_FACTOR=2 on a 1920x1080 screen (960x540
logical pixels), a system font 1.5 times the default in a 1280x720 window on a 1280x720 screen,
and the default font there. Every screen, light and dark, must fit the window's width (screens
may scroll vertically, never sideways), and no button may be narrower than its text."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from populated import every_screen, populated_window

CHILD_ENV = "INTERVIEWER_SCALING_CHILD"


# (scale factor, the screen in device pixels, font scale x window size in logical pixels)
CASES = {"100 %": ("1", (1280, 720), "1.0x1280x720"),
         "200 % scaling": ("2", (1920, 1080), "1.0x960x540"),
         "large font": ("1", (1280, 720), "1.5x1280x720")}


def test_layouts_hold_at_200_percent_and_with_a_large_font(tmp_path):
    for case, (factor, (screen_width, screen_height), child) in CASES.items():
        config = tmp_path / f"screen-{screen_width}x{screen_height}.json"  # the screen the window is on
        config.write_text(json.dumps({"windowFrameMargins": False, "screens": [{"name": "screen", "x": 0, "y": 0, "width": screen_width,
                                                   "height": screen_height, "logicalDpi": 96,
                                                   "logicalBaseDpi": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_SCALE_FACTOR": factor, CHILD_ENV: child,
               "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        # check_* runs only in the child (collected there), never skipped in this run.
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                 "-o", "python_functions=check_*",
                                 f"{__file__}::check_every_screen_fits_at_the_current_scale"],
                                env=env, capture_output=True, text=True, timeout=600,
                                cwd=Path(__file__).resolve().parents[2])
        assert result.returncode == 0, case + "\n" + result.stdout[-3000:] + result.stderr[-2000:]
        assert "1 passed" in result.stdout, case


def check_every_screen_fits_at_the_current_scale(qtbot, isolated_dirs, script_dirs, tmp_path):
    scale, width, height = (float(v) for v in os.environ[CHILD_ENV].split("x"))
    app = QApplication.instance()
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(font)
    window, clock = populated_window(qtbot, script_dirs, tmp_path)
    window.resize(int(width), int(height))
    problems = []

    def visit(theme_name: str, key: str) -> None:
        QApplication.processEvents()
        screen, page = window.screen(key), window.stack.currentWidget()
        if screen.minimumSizeHint().width() > page.viewport().width():
            problems.append(f"{theme_name} {key}: needs {screen.minimumSizeHint().width()} px, "
                            f"has {page.viewport().width()}")
        for button in screen.findChildren(QPushButton):
            if button.isVisibleTo(screen) and button.text() and button.width() < button.minimumSizeHint().width():
                problems.append(f"{theme_name} {key}: button {button.text()!r} cut short")

    every_screen(qtbot, window, clock, visit)
    assert window.width() == int(width)
    assert not problems, "\n".join(problems)
