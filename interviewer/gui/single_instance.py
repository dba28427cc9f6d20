"""One copy of the app per settings folder: starting it again brings the running window to the
front instead of opening a second one. Two copies loaded two speech models on a machine with two
cores, wrote over each other's settings (window place, theme) and could both start a round on
one microphone (trial8). Another settings folder (INTERVIEWER_CONFIG_DIR: tests, a second
profile) is another app.

QtCore only (the package leaves QtNetwork out): a lock file says a copy runs (the OS-level
owner's process id: a copy that crashed leaves no lock that counts), and a second copy writes
the request file the running one watches."""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

LOCK_NAME = "app.lock"
REQUEST_NAME = "app.show"  # a second copy writes here: the running one comes to the front


class SingleInstance(QObject):
    """`claim()` in a starting copy: True when it is the only copy (it then emits `activated`
    each time another copy asks); False when a copy already runs, which was asked to come to
    the front."""

    activated = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._lock: QLockFile | None = None
        self._watcher: QFileSystemWatcher | None = None

    def claim(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # no folder to share: nothing to guard (the window says what is wrong)
        lock = QLockFile(str(self.folder / LOCK_NAME))
        lock.setStaleLockTime(0)  # held as long as its owner lives, however long that is
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                self._ask_running_copy()
                return False
            return True  # a read-only or full folder: run, and let the window say so
        self._lock = lock
        request = self.folder / REQUEST_NAME
        try:
            request.touch()
        except OSError:
            return True
        self._watcher = QFileSystemWatcher([str(request)], self)
        self._watcher.fileChanged.connect(self._asked)
        return True

    def _ask_running_copy(self) -> None:
        try:
            (self.folder / REQUEST_NAME).write_text(f"{time.time():.3f}\n", encoding="utf-8")
        except OSError:
            pass

    def _asked(self, path: str) -> None:
        if self._watcher is not None and path not in self._watcher.files():
            self._watcher.addPath(path)  # an editor's save replaces the file: watched again
        self.activated.emit()

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
