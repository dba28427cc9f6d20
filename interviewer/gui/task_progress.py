"""A progress row for long work: what is happening, a bar, and Cancel.

It appears only if the work is still running after `SHOW_AFTER_MS` (a wait the user notices),
so quick work does not flash a bar. Until the work reports a total the bar is a busy indicator
(it moves without a percentage); then it shows how far it got ("2:10 of 30:00" for audio, or
"3 of 7"). Cancel asks the Job to stop (gui/workers.py run_job) and says so until it has.
"""
from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from interviewer.app.labels import clock_text
from interviewer.gui.workers import Job

SHOW_AFTER_MS = 500


class Stoppable(Protocol):
    def cancel(self) -> None: ...
STEPS = 1000  # the bar's resolution


def _clock(seconds: float) -> str:
    """A point in the audio, as every clock shows it (core.clock.clock_text)."""
    return clock_text(seconds)


class TaskProgress(QWidget):
    """One long operation at a time: `start(job, title)`, then `report(done, total)` from the
    job's progress, and `finish()` when it ended (however it ended). Without a job (work that
    cannot be stopped or measured, such as loading the speech model) it is a busy indicator."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel this operation")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title, 2)
        layout.addWidget(self.bar, 3)
        layout.addWidget(self.cancel_button)
        self._job: Job | Stoppable | None = None
        self._active = False
        self._title = ""
        self._note = ""  # said after the title while it holds ("waits until the round ends")
        self._unit: Callable[[float, float], str] = self._count_text
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer (Qt's default) may fire up to 5 % early: 475 ms was seen under load.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._show_now)
        self.hide()

    @property
    def running(self) -> bool:
        return self._active

    def start(self, job: Job | Stoppable | None, title: str, *, seconds: bool = False) -> None:
        """Show `title` and a busy bar if the work lasts longer than SHOW_AFTER_MS. `seconds`:
        progress is audio seconds (shown as m:ss of m:ss), else a count of steps. Cancel calls
        `job.cancel()` (a Job, or anything that can stop, such as ModelStatus); without a job
        there is no Cancel."""
        self._job = job
        self._active = True
        self._unit = self._seconds_text if seconds else self._count_text
        self._title = title
        self._show_title()
        self.bar.setRange(0, 0)  # busy until a total is known
        self.bar.setFormat("")
        self.cancel_button.setVisible(job is not None)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Cancel")
        self._timer.start(SHOW_AFTER_MS)

    def report(self, done: float, total: float) -> None:
        if not self._active:
            return
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, STEPS)
        self.bar.setValue(int(STEPS * min(1.0, max(0.0, done / total))))
        self.bar.setFormat(f"%p% ({self._unit(done, total)})")

    def set_note(self, note: str) -> None:
        """A few words after the title (why the bar stands still), or none."""
        self._note = note
        self._show_title()

    def _show_title(self) -> None:
        self.title.setText(f"{self._title} ({self._note})" if self._note and self._title else self._title)

    def finish(self) -> None:
        self._job = None
        self._active = False
        self._timer.stop()
        self.hide()

    def _show_now(self) -> None:
        if self._active:
            self.show()

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText("Cancelling...")
            self.cancel_requested.emit()

    @staticmethod
    def _seconds_text(done: float, total: float) -> str:
        return f"{_clock(done)} of {_clock(total)}"

    @staticmethod
    def _count_text(done: float, total: float) -> str:
        return f"{int(done)} of {int(total)}"
