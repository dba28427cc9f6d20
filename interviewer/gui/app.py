"""Start the desktop app: `interviewer` with no arguments calls run_app().

Start-up stays fast by importing only Qt and the core here; speech, audio and the Whisper
model are imported and loaded in the background after the window is shown.
"""
from __future__ import annotations

import os
import sys
import time

# INTERVIEWER_STARTUP_REPORT=1: print the wall-clock times at which the window was shown and the
# speech model became ready (or failed), then quit. Used by benchmarks/gui_responsiveness.py.
STARTUP_REPORT_ENV = "INTERVIEWER_STARTUP_REPORT"


# Worker threads (transcription, analysis) run Python code too; a shorter GIL switch interval
# than the default 5 ms lets the GUI thread take the GIL back sooner, so the event loop does not
# stall behind them. Measured with benchmarks/gui_responsiveness.py.
GIL_SWITCH_INTERVAL_S = 0.001


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Interviewer")
    app.setOrganizationName("interviewer")
    _set_desktop_identity(app)
    from interviewer.gui.emoji_font import ensure_emoji_font

    ensure_emoji_font(app)  # emoji in a user's script: not empty boxes where none is installed
    return app


def _set_desktop_identity(app) -> None:
    """Window icon, and the desktop entry's name so docks and Wayland match it to the window."""
    from PySide6.QtGui import QIcon

    from interviewer.resources import assets_dir

    app.setDesktopFileName("io.github.interviewer.Interviewer")  # packaging/linux/*.desktop
    icon = QIcon()
    for size in (64, 128, 256):
        icon.addFile(str(assets_dir() / f"interviewer-{size}.png"))
    app.setWindowIcon(icon)


def run_app(argv: list[str] | None = None) -> int:
    app = create_application(argv)
    from interviewer.gui.single_instance import SingleInstance
    from interviewer.paths import config_dir

    instance = SingleInstance(config_dir())
    if not instance.claim():
        print(f"Interviewer is already running (settings in {config_dir()}): its window was brought to the front.",
              file=sys.stderr)
        return 0
    from interviewer.gui.main_window import MainWindow
    from interviewer.app import real_adapters
    from interviewer.gui.workers import wait_for_background_work

    window = MainWindow(real_adapters.default_services())
    instance.activated.connect(window.bring_to_front)
    window.quitting.connect(instance.release)  # a new start may run while this one saves and stops
    stop_crash_reports = show_crash_reports(window.banner)  # the log gets them anyway
    window.show()
    if os.environ.get(STARTUP_REPORT_ENV):
        _report_startup(app, window)
    window.start_background_loading()
    if not os.environ.get(STARTUP_REPORT_ENV):
        window.maybe_show_first_run()
    code = app.exec()
    window.shutdown()
    wait_for_background_work(5000)
    stop_crash_reports()
    instance.release()
    del window  # widgets go before the QApplication, avoiding teardown crashes
    return int(code)


# A burst of errors (a handler failing on every timer tick) shows once a second at most; every
# one of them is in the log.
CRASH_BANNER_MIN_INTERVAL_S = 1.0


def show_crash_reports(banner):
    """Uncaught exceptions from any thread appear in `banner`, as an error, without blocking
    (interviewer.startup logs them and calls the listener on the thread that failed; a Qt
    signal to an object of the GUI thread carries the message there). Returns a function
    that stops it."""
    from PySide6.QtCore import QObject, Signal, Slot

    from interviewer import startup

    class CrashReports(QObject):
        message = Signal(str)

        def __init__(self) -> None:
            super().__init__(banner)  # lives in the GUI thread, as long as the banner
            self.last_shown = float("-inf")
            self.message.connect(self.show)  # queued when emitted from another thread

        @Slot(str)
        def show(self, text: str) -> None:
            now = time.monotonic()
            if now - self.last_shown < CRASH_BANNER_MIN_INTERVAL_S:
                return
            self.last_shown = now
            banner.show_message(text, "error")

    reports = CrashReports()
    return startup.add_crash_listener(reports.message.emit)


def _report_startup(app, window) -> None:
    from PySide6.QtCore import QTimer

    app.processEvents()  # let the window map before we say it is shown
    print(f"window_shown_at {time.time():.6f}", flush=True)

    def model_state(state: str, message: str) -> None:
        if state in ("ready", "missing", "failed"):
            print(f"model_{state}_at {time.time():.6f} {message}", flush=True)
            QTimer.singleShot(0, app.quit)

    window.model_status.changed.connect(model_state)
    if window.model_status.state == "missing":  # no loader at all
        model_state("missing", window.model_status.message)
