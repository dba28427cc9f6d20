"""Running work off the GUI thread and bringing results back onto it.

Two tools:
  - `GuiPoster.post(fn)` runs `fn` on the GUI thread, whatever thread calls it. Adapter callbacks
    (speech finished, audio level, transcript segment) arrive on their own threads and go through it.
  - `run_in_background(fn, on_done, on_error)` runs `fn` in the global QThreadPool and calls the
    handlers on the GUI thread with its result or exception.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from interviewer.startup import report_exception


class GuiPoster(QObject):
    """Queues callables onto the thread this object lives in (the GUI thread)."""

    _invoke = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        # The receiver is this object, which lives in the GUI thread, so a signal emitted from
        # another thread is delivered as a queued call on the GUI thread.
        self._invoke.connect(self._run)

    def post(self, fn: Callable[[], Any]) -> None:
        try:
            self._invoke.emit(fn)
        except RuntimeError:  # the app is shutting down and the poster is gone: drop it
            pass

    @Slot(object)
    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except Exception as exc:  # a broken handler must not take the event loop down
            report_exception(exc, "a handler on the GUI thread failed")  # to the log and the banner


_poster: GuiPoster | None = None
_poster_lock = threading.Lock()


def gui_poster() -> GuiPoster:
    """The process-wide poster; created on first use, which must be on the GUI thread."""
    global _poster
    with _poster_lock:
        if _poster is None:
            app = QCoreApplication.instance()
            if app is None:
                raise RuntimeError("create the QApplication before posting to the GUI thread")
            _poster = GuiPoster()
            _poster.moveToThread(app.thread())
        return _poster


def post_to_gui(fn: Callable[[], Any]) -> None:
    gui_poster().post(fn)


# Tasks are kept alive here until they finish: the pool holds only a C++ pointer to them.
_active_tasks: set["_Task"] = set()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._poster = gui_poster()
        self.finished = threading.Event()

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # reported on the GUI thread, never lost
            if self._on_error is not None:
                handler = self._on_error
                self._poster.post(lambda error=exc: handler(error))  # `exc` is unbound after except
            else:
                report_exception(exc, "background work failed")  # to the log and the banner
        else:
            if self._on_done is not None:
                handler = self._on_done
                self._poster.post(lambda: handler(result))
        finally:
            self.finished.set()
            self._poster.post(lambda: _active_tasks.discard(self))


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None) -> _Task:
    """Run `fn` on a worker thread; handlers run on the GUI thread. Returns the task (`.finished`)."""
    task = _Task(fn, on_done, on_error)
    task.setAutoDelete(False)  # Python owns it (see _active_tasks)
    _active_tasks.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_background_work(timeout_ms: int = 10000) -> bool:
    """Block until the pool is idle (shutdown and tests). True if it finished in time."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
