"""Starting the app a second time brings the running window to the front instead of opening a
second copy (trial8: two copies loaded two speech models on two cores and wrote over each
other's settings). Another settings folder is another app."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from interviewer.gui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_start_asks_the_running_copy_to_come_to_the_front(qtbot, tmp_path):
    running = SingleInstance(tmp_path / "config")
    assert running.claim()
    try:
        with qtbot.waitSignal(running.activated, timeout=3000):
            second = SingleInstance(tmp_path / "config")
            assert not second.claim()
        assert SingleInstance(tmp_path / "other profile").claim()  # another settings folder runs
    finally:
        running.release()
    assert SingleInstance(tmp_path / "config").claim()  # the first copy quit: a new start runs


def test_a_copy_that_died_leaves_no_lock(qtbot, tmp_path):
    """A crash (SIGKILL, power cut) must not keep the app from starting again."""
    child = textwrap.dedent(f"""
        import os, sys
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from interviewer.gui.single_instance import SingleInstance
        assert SingleInstance({str(tmp_path / "config")!r}).claim()
        os._exit(0)  # no release, as in a crash
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", child], check=True, env=env, timeout=60)
    assert SingleInstance(tmp_path / "config").claim()


def test_the_window_comes_back_from_minimised(qtbot, isolated_dirs):
    from interviewer.app.services import AppServices, ScriptList
    from interviewer.gui.main_window import MainWindow
    from PySide6.QtCore import Qt

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: None))
    qtbot.addWidget(window)
    window.showMinimized()
    window.bring_to_front()
    assert window.isVisible() and not window.windowState() & Qt.WindowState.WindowMinimized
