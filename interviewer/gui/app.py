"""Start the desktop app: `interviewer` with no arguments calls run_app().

Start-up stays fast by importing only Qt and the core here; speech, audio and the Whisper
model are imported and loaded in the background after the window is shown.
"""
from __future__ import annotations

import sys
import time

LAUNCH_TIME = time.perf_counter()


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Interviewer")
    app.setOrganizationName("interviewer")
    return app


def run_app(argv: list[str] | None = None) -> int:
    app = create_application(argv)
    from interviewer.gui.main_window import MainWindow
    from interviewer.gui.services import AppServices
    from interviewer.gui.workers import wait_for_background_work

    window = MainWindow(AppServices.create_default())
    window.show()
    window.start_background_loading()
    code = app.exec()
    window.shutdown()
    wait_for_background_work(5000)
    return int(code)
