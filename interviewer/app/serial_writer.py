"""Store writes one at a time, in order, on one thread: the round's writes never wait on the GUI
thread and never overtake each other.
"""
from __future__ import annotations

import threading
from typing import Callable


class SerialWriter:
    """Runs store writes one at a time, in the order they were asked for, on one thread."""

    def __init__(self) -> None:
        import queue

        self._queue: "queue.Queue[Callable[[], None] | None]" = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name="round-store-writer", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[], None]) -> None:
        """Queued; once close() was called (a queued write may ask for another one), run at once
        on the caller's thread, since nothing after close()'s end marker would ever run."""
        with self._lock:
            if not self._closed:
                self._queue.put(fn)
                return
        fn()

    def close(self, timeout: float = 10.0) -> bool:
        """Finish what is queued, then end the thread. True if it ended in time."""
        with self._lock:
            self._closed = True
            self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        while True:
            fn = self._queue.get()
            if fn is None:
                return
            fn()
