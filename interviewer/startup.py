"""Process hygiene, done first in every process the app starts (CLI, window, transcription and
speech children, the frozen bundle).

`prepare_process(kind)`:
  - turns off ONNX Runtime's telemetry (`disable_telemetry`). faster-whisper loads ONNX
    Runtime for its Silero VAD; official onnxruntime builds (1.29+) ship Microsoft's 1DS
    telemetry, which writes a device id and an event queue under
    ~/.cache/Microsoft/DeveloperTools/.onnxruntime and, about 6 s after the runtime starts,
    resolves and posts to mobile.events.data.microsoft.com. `ORT_DISABLE_TELEMETRY=1`, set
    before the runtime initializes, stops all of it (checked with strace: no inet socket, no
    files). `onnxruntime.disable_telemetry_events()` does not: it comes after the runtime's
    start-up event and the device id (checked the same way). The variable is set in
    os.environ, so every child process inherits it too.
  - logs to a rotating file in the log folder (paths.log_dir()), one file per process kind,
    so that processes never rotate each other's file: interviewer.log (CLI and window),
    transcription.log, speech.log.
  - routes uncaught exceptions in any thread to that log, and to listeners
    (`add_crash_listener`: the window shows them in its banner).
  - writes native crashes (segfaults, aborts) of the process to crash-<kind>.log (faulthandler).

Logs hold events, exception types and messages; never transcript text or audio.
Only the standard library is imported here, so calling it costs nothing at start-up.
"""
from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any, Callable

log = logging.getLogger(__name__)

# Read by ONNX Runtime when it initializes (this build: ORT_DISABLE_TELEMETRY; the second
# name is the one a later onnxruntime change reads). "1" is forced: the app promises that
# nothing leaves the machine.
TELEMETRY_OFF = {"ORT_DISABLE_TELEMETRY": "1", "ORT_TELEMETRY_DISABLED": "1"}

LOG_FILES = {"app": "interviewer.log", "transcription": "transcription.log", "speech": "speech.log"}
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"

_prepared: str | None = None
_log_file: Path | None = None
_crash_file: Any = None  # kept open: faulthandler writes to its descriptor when the process dies
_listeners: list[Callable[[str], None]] = []
_listeners_lock = threading.Lock()


def disable_telemetry() -> None:
    """Turn off ONNX Runtime's telemetry for this process and its children. Must run before
    onnxruntime is imported; harmless (and useless) after."""
    os.environ.update(TELEMETRY_OFF)


def prepare_process(kind: str = "app") -> Path | None:
    """Everything above, once per process. Returns the log file (None if it could not be opened)."""
    global _prepared
    disable_telemetry()
    if _prepared is not None:
        return _log_file
    _prepared = kind
    configure_logging(kind)
    install_exception_hooks()
    enable_crash_file(kind)
    from interviewer import __version__

    log.info("interviewer %s %s process started (pid %d, Python %s, %s)", __version__, kind,
             os.getpid(), sys.version.split()[0], sys.platform)
    return _log_file


def configure_logging(kind: str = "app") -> Path | None:
    """A rotating log file for this kind of process. The app's process also keeps printing
    warnings on stderr, as Python does when logging is not configured; child processes, whose
    stderr is the app's, only log to their file. A log folder that cannot be written leaves
    stderr only: logging must never stop the app."""
    global _log_file
    from logging.handlers import RotatingFileHandler

    from interviewer.paths import log_dir

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if kind == "app":
        stderr = logging.StreamHandler()
        stderr.setLevel(logging.WARNING)
        stderr.setFormatter(logging.Formatter("%(message)s"))
        # Uncaught exceptions reach stderr through Python's own hook (see install_exception_hooks).
        stderr.addFilter(lambda record: not getattr(record, "printed_by_python", False))
        root.addHandler(stderr)
    path = log_dir() / LOG_FILES.get(kind, f"{kind}.log")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                      encoding="utf-8")
    except OSError as exc:
        log.warning("interviewer: cannot write the log file %s: %s", path, exc.strerror or exc)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    logging.captureWarnings(True)
    _log_file = path
    return path


def enable_crash_file(kind: str = "app") -> Path | None:
    """faulthandler writes the Python stacks of a native crash to crash-<kind>.log."""
    global _crash_file
    from interviewer.paths import log_dir

    path = log_dir() / f"crash-{kind}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        crash_file = open(path, "a", encoding="utf-8")
    except OSError as exc:
        log.warning("cannot open the crash report file %s: %s", path, exc)
        return None
    faulthandler.enable(file=crash_file, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file
    return path


def install_exception_hooks() -> None:
    """Uncaught exceptions, in the main thread or any other, go to the log and the listeners;
    Python's own report (on stderr) still follows."""
    previous_sys_hook = sys.excepthook
    previous_thread_hook = threading.excepthook

    def sys_hook(exc_type, exc, tb) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            report_exception(exc if exc is not None else exc_type(), "uncaught exception", tb,
                             _printed_by_python=True)
        previous_sys_hook(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            name = args.thread.name if args.thread is not None else "a thread"
            report_exception(args.exc_value if args.exc_value is not None else args.exc_type(),
                             f"uncaught exception in thread {name}", args.exc_traceback,
                             _printed_by_python=True)
        previous_thread_hook(args)

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook


def report_exception(exc: BaseException, where: str, tb: Any = None, *,
                     _printed_by_python: bool = False) -> None:
    """Log an exception with its traceback and tell the listeners (the window's banner) in one
    line. For errors nothing else handles; never raises."""
    try:
        trace = tb if tb is not None else exc.__traceback__
        log.error("%s: %s: %s", where, type(exc).__name__, exc, exc_info=(type(exc), exc, trace),
                  extra={"printed_by_python": _printed_by_python})
    except Exception:  # a broken handler or a full disk: nothing more to do
        pass
    where_logged = f" Details are in the log: {_log_file}." if _log_file is not None else ""
    message = f"Something went wrong inside the app ({type(exc).__name__}: {exc}).{where_logged}"
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(message)
        except Exception:
            pass


def add_crash_listener(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call `listener(message)` (from any thread) for every exception report_exception sees.
    Returns a function that removes it."""
    with _listeners_lock:
        _listeners.append(listener)

    def remove() -> None:
        with _listeners_lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return remove
