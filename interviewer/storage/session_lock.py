"""Tells a round still being recorded from one whose process died.

The process recording a session holds an exclusive OS lock on `locks/<folder>.lock`. The OS drops
the lock when the process dies, however it dies (SIGKILL, power cut), so at the next start a
session marked in_progress whose lock can be taken was left behind by a dead process. Unlike a
stored PID this cannot be fooled by PID reuse.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


class SessionLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock without waiting. False if another open lock (any process) holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def acquire(self, timeout: float = 10.0) -> bool:
        """Wait up to `timeout` seconds for the lock."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    def release(self, remove: bool = False) -> None:
        if self._fd is None:
            return
        if remove:  # unlink while still holding it, so no other process takes a stale file
            try:
                self.path.unlink()
            except OSError:
                pass
        if fcntl is None:
            try:
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        os.close(self._fd)
        self._fd = None
