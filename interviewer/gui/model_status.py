"""Loads the Whisper model in the background and tells the screens how that is going."""
from __future__ import annotations

import inspect
import threading
import time
from enum import StrEnum
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from interviewer.gui.workers import run_in_background

class ModelState(StrEnum):
    IDLE = "idle"  # not loaded yet
    LOADING = "loading"
    READY = "ready"
    MISSING = "missing"  # not on this machine (or no loader in this set-up)
    FAILED = "failed"  # could not be loaded, or stopped working for good


class ModelStatus(QObject):
    changed = Signal(str, str)  # state (a ModelState value), message for the user

    def __init__(self, load: Callable[[], Any] | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.state = ModelState.IDLE if load else ModelState.MISSING
        self.message = "" if load else "Transcription is not available in this set-up."
        self.model: Any = None
        self.load_seconds: float | None = None
        self.ready_at: float | None = None  # perf_counter when it became ready
        self._reload = False
        self._cancel_load: threading.Event | None = None  # set by cancel() while loading
        self.retry_offered = False  # the failure is one that loading again may fix (the banner's Retry)

    def start(self, load: Callable[[], Any] | None = None) -> None:
        """(Re)load; a new loader replaces the old one (model changed in Settings)."""
        if load is not None:
            self._load = load
        if self._load is None:
            return
        if self.state == ModelState.LOADING:  # the model was changed while loading: load again after
            self._reload = True
            return
        self._reload = False
        self.retry_offered = False
        self.close_model()
        self._set(ModelState.LOADING, "Loading the speech model in the background...")
        started = time.perf_counter()
        load_fn = self._load
        cancel = self._cancel_load = threading.Event()
        if _takes_cancel(load_fn):
            load_fn = lambda fn=load_fn: fn(cancel=cancel)  # noqa: E731 (the loader stops itself)

        def done(model: Any) -> None:
            if cancel.is_set():  # cancelled, and it loaded anyway: let it go (a newer load may be on)
                if hasattr(model, "close"):
                    threading.Thread(target=model.close, name="model-close", daemon=True).start()
                return
            self.model = model
            self.load_seconds = time.perf_counter() - started
            self.ready_at = time.perf_counter()
            self._set(ModelState.READY, f"Speech model ready (loaded in {self.load_seconds:.1f} s).")
            self._again()

        def failed(exc: BaseException) -> None:
            from interviewer.app.transcription_process import EndedBeforeLoad
            from interviewer.errors import Cancelled, TookTooLong, UserError

            if cancel.is_set() or isinstance(exc, Cancelled):
                return  # cancel() said so already
            if isinstance(exc, TookTooLong):  # there, but slow: not "missing", and no other model needed
                self._set(ModelState.FAILED,
                          f"The speech model is taking too long to load ({exc}); the computer may be busy. "
                          "Rounds still run and answers are recorded; save Settings to load it again.")
            elif isinstance(exc, EndedBeforeLoad):  # started twice, died twice: not a missing model
                self.retry_offered = True  # before _set: its signal shows the banner
                self._set(ModelState.FAILED,
                          f"The speech model did not start: {exc}. Rounds still run; answers are recorded and "
                          "can be transcribed later. Press Retry at the top of the window to load it again.")
            elif isinstance(exc, UserError):
                self._set(ModelState.MISSING,
                          f"Speech model missing: {exc}. Rounds still run; answers are recorded and can "
                          "be transcribed later. Pick another model in Settings.")
            else:
                self._set(ModelState.FAILED,
                          f"The speech model could not be loaded ({type(exc).__name__}: {exc}). "
                          "Rounds still run and answers are recorded.")
            self._again()

        run_in_background(load_fn, done, failed)

    def cancel(self) -> None:
        """Stop loading (the status bar's Cancel): a loader that takes `cancel` ends its work at
        once (the transcription process is ended); rounds still run and record answers."""
        if self.state != ModelState.LOADING or self._cancel_load is None:
            return
        self._cancel_load.set()
        self._reload = False
        self._set(ModelState.IDLE, "Loading the speech model was cancelled. Rounds still run and answers are "
                                   "recorded; save Settings to load it.")

    def mark_stopped(self, reason: str) -> None:
        """The loaded model stopped working for good (its process kept dying): say so, and let
        Settings or the Check screen load it again."""
        if self.state != ModelState.READY:
            return
        self.close_model()
        self._set(ModelState.FAILED, f"Transcription stopped ({reason}). Rounds still run and answers are "
                                     "recorded; save Settings to start it again.")

    def close_model(self) -> None:
        """Let go of the loaded model (a transcription process is ended, off the GUI thread)."""
        model, self.model = self.model, None
        if model is not None and hasattr(model, "close"):
            threading.Thread(target=model.close, name="model-close", daemon=True).start()

    def _again(self) -> None:
        if self._reload:
            self._reload = False
            self.start()

    @property
    def ready(self) -> bool:
        return self.state == ModelState.READY

    def _set(self, state: ModelState, message: str) -> None:
        self.state = state
        self.message = message
        self.changed.emit(state, message)


def _takes_cancel(load: Callable[..., Any]) -> bool:
    """Whether the loader accepts `cancel=` (a threading.Event it checks while it loads)."""
    try:
        return "cancel" in inspect.signature(load).parameters
    except (TypeError, ValueError):
        return False
