"""The recorder as the round controller sees it: each answer's file, the silence tracker fed, and
the device stopped off the GUI thread (app/round_session.py's module doc says why).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from interviewer.app.silence_tracker import SilenceTracker
from interviewer.core.ports import Recorder


class AnswerRecorder:
    """Wraps the real recorder for the controller (see round_session.py's module doc), and stops
    it off the calling thread: closing a PortAudio stream can take from 50 ms to a second, which
    would freeze the window at the end of every answer. Audio arriving after stop() was asked for is
    not fed to the transcriber (the candidate had already pressed the key)."""

    def __init__(self, inner: Recorder, path_for_next: Callable[[Path], Path],
                 on_stop_error: Callable[[BaseException], None] | None = None,
                 silence: SilenceTracker | None = None,
                 on_stream_error: Callable[[BaseException], None] | None = None) -> None:
        self.inner = inner
        self._on_stream_error = on_stream_error
        self._silence = silence
        self._path_for_next = path_for_next
        self._on_stop_error = on_stop_error
        self._lock = threading.Lock()
        self._accepting = False
        self._stopping: threading.Thread | None = None
        self._path: Path | None = None
        self.stop_error: BaseException | None = None

    @property
    def keeps_preroll(self) -> bool:
        return bool(getattr(self.inner, "keeps_preroll", False))

    @property
    def round_seconds(self) -> float | None:
        """Seconds in the round recording so far; None without one."""
        return self.inner.round_seconds if hasattr(self.inner, "round_seconds") else None

    @property
    def preroll_kept(self) -> float:
        """Seconds heard before start() the last recording begins with (0.0 if not told)."""
        return float(getattr(self.inner, "preroll_kept", 0.0) or 0.0)

    def start(self, wav_path: Path, on_audio=None, on_level=None, on_error=None, preroll_seconds: float = 0.0,
              speech_lookback_seconds: float = 0.0) -> None:
        self.wait_stopped()
        path = self._path_for_next(Path(wav_path))

        silence = self._silence

        def audio(samples) -> None:
            with self._lock:
                if self._accepting and on_audio is not None:
                    on_audio(samples)
                if silence is not None and self._accepting:
                    silence.sound(samples)  # after the block's level (the microphone's order)

        def level(dbfs: float) -> None:
            if on_level is not None:
                on_level(dbfs)
            if silence is not None and self._accepting:
                silence.level(dbfs)

        if silence is not None:
            silence.reset()
        with self._lock:
            self._accepting = True
        try:
            # A mic that fails mid-answer: the session's handler, or the caller's.
            extra = {"preroll_seconds": preroll_seconds} if preroll_seconds else {}
            if speech_lookback_seconds and not preroll_seconds:
                extra["speech_lookback_seconds"] = speech_lookback_seconds
            self.inner.start(path, on_audio=audio, on_level=level,
                             on_error=self._on_stream_error or on_error, **extra)
        except BaseException:
            with self._lock:
                self._accepting = False
            raise
        self._path = path

    def stop(self) -> Path:
        with self._lock:
            self._accepting = False
        path = self._path

        def stop_inner() -> None:
            try:
                self.inner.stop()
            except BaseException as exc:  # the file holds what was recorded; report, keep going
                self.stop_error = exc
                if self._on_stop_error is not None:
                    self._on_stop_error(exc)

        self._stopping = threading.Thread(target=stop_inner, name="recorder-stop", daemon=True)
        self._stopping.start()
        return path

    def wait_stopped(self, timeout: float | None = 10.0) -> None:
        thread, self._stopping = self._stopping, None
        if thread is not None:
            thread.join(timeout)

    def close(self) -> None:
        """After the round: close the device so the microphone is not held while the app runs."""
        self.wait_stopped()
        try:
            self.inner.close()
        except Exception as exc:  # the recordings are already closed and safe
            if self._on_stop_error is not None:
                self._on_stop_error(exc)
