"""Running work off the GUI thread and bringing results back onto it.

Two tools:
  - `GuiPoster.post(fn)` runs `fn` on the GUI thread, whatever thread calls it. Adapter callbacks
    (speech finished, audio level, transcript segment) arrive on their own threads and go through it.
  - `run_in_background(fn, on_done, on_error)` runs `fn` in the global QThreadPool and calls the
    handlers on the GUI thread with its result or exception.
  - `run_job(fn, on_progress=..., on_done=..., on_cancelled=...)` does the same for long work that
    reports progress and can be cancelled (a Job; gui/task_progress.py shows it).
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
            # Finished before its handler is posted: the handler (or anything it starts, such
            # as the next export) must see the work as over. It was set after, so an export
            # started right after the last one reported was refused as still running.
            self.finished.set()
            if self._on_error is not None:
                handler = self._on_error
                self._poster.post(lambda error=exc: handler(error))  # `exc` is unbound after except
            else:
                report_exception(exc, "background work failed")  # to the log and the banner
        else:
            self.finished.set()
            if self._on_done is not None:
                handler = self._on_done
                self._poster.post(lambda: handler(result))
        finally:
            self._poster.post(lambda: _active_tasks.discard(self))


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None) -> _Task:
    """Run `fn` on a worker thread; handlers run on the GUI thread. Returns the task (`.finished`)."""
    task = _Task(fn, on_done, on_error)
    task.setAutoDelete(False)  # Python owns it (see _active_tasks)
    _active_tasks.add(task)
    QThreadPool.globalInstance().start(task)
    return task


class Job:
    """Long work on a worker thread that reports progress and can be cancelled (run_job).

    The work is called as `fn(progress, cancel)`: `progress(done, total)` may be called from any
    thread, as often as it likes (the GUI sees the latest value, at most once per event-loop
    turn); `cancel` is a threading.Event the work checks between steps, raising
    interviewer.errors.Cancelled once it has cleaned up."""

    def __init__(self) -> None:
        self.cancel_event = threading.Event()
        self.task: _Task | None = None
        self._latest: tuple[float, float] | None = None
        self._lock = threading.Lock()

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    @property
    def finished(self) -> bool:
        return self.task is not None and self.task.finished.is_set()

    def _report(self, done: float, total: float, deliver: Callable[[float, float], None]) -> None:
        with self._lock:
            pending = self._latest is not None
            self._latest = (float(done), float(total))
        if not pending:  # one queued delivery carries whatever is latest when it runs
            post_to_gui(lambda: self._deliver(deliver))

    def _deliver(self, deliver: Callable[[float, float], None]) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is not None:  # posted before the job's end handler, so delivered before it
            deliver(*latest)


def run_job(fn: Callable[[Callable[[float, float], None], threading.Event], Any], *,
            on_progress: Callable[[float, float], None] | None = None,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_cancelled: Callable[[], None] | None = None) -> Job:
    """Run `fn(progress, cancel)` (see Job) on a worker thread; every handler runs on the GUI
    thread. Work that raises Cancelled ends in `on_cancelled`, never in `on_error`."""
    from interviewer.errors import Cancelled

    job = Job()

    def progress(done: float, total: float) -> None:
        if on_progress is not None:
            job._report(done, total, on_progress)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            if on_cancelled is not None:
                on_cancelled()
        elif on_error is not None:
            on_error(exc)
        else:
            report_exception(exc, "background work failed")

    job.task = run_in_background(lambda: fn(progress, job.cancel_event), on_done, failed)
    return job


def wait_for_background_work(timeout_ms: int = 10000) -> bool:
    """Block until the pool is idle (shutdown and tests). True if it finished in time."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
