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

    def run_queued(self) -> None:
        """From a write running on the writer's thread: run the writes queued behind it now, in
        their order. For a write that waited for other work which queued its own writes meanwhile
        (the round's end waits for the last analyses, whose saves would otherwise land after it)."""
        import queue

        if threading.current_thread() is not self._thread:
            return  # run at once after close() (submit): what was queued runs on the writer's thread
        queued = []
        with self._lock:
            while True:
                try:
                    queued.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            if None in queued:  # close()'s end marker: nothing is queued after it
                queued.remove(None)
                self._queue.put(None)
        for fn in queued:
            fn()

    def _loop(self) -> None:
        while True:
            fn = self._queue.get()
            if fn is None:
                return
            fn()
