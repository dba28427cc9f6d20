"""Transcription in a child process, so the window never waits for it.

CTranslate2's Whisper encoder holds Python's GIL while it runs (measured here: a thread encoding
a window delayed the main thread by 300 ms), so in-process transcription froze the event loop
for as long as each chunk took. The app therefore keeps the model in one child process:

  - `TranscriptionClient.start(model_name)` spawns it; the model loads there in the background;
    `wait_ready()` returns when it is loaded (or raises the loading error, e.g. ModelNotFound).
  - `client.live()` gives a LiveTranscriber (the core port: feed/finish, plus `on_segment`) whose
    work happens in the child; `client.transcribe_file(path)` transcribes a recording there.

Only 16 kHz float32 audio (64 kB/s) and transcript JSON cross the pipe.
"""
from __future__ import annotations

import itertools
import multiprocessing
import threading
from pathlib import Path
from typing import Any, Callable

from interviewer.core.transcript import Transcript
from interviewer.errors import UserError

STARTUP_TIMEOUT_S = 120.0
FINISH_TIMEOUT_S = 120.0


# ---------------------------------------------------------------- the child process


def _serve(conn: Any, model_name: str | None) -> None:
    import numpy as np

    send_lock = threading.Lock()

    def send(*message: Any) -> None:
        with send_lock:
            conn.send(message)

    try:
        from interviewer.adapters.live_transcriber import LiveTranscriber
        from interviewer.adapters.transcription import load_model, model_label, transcribe

        model = load_model(model_name or None)
    except BaseException as exc:
        send("error", str(exc), isinstance(exc, UserError))
        return
    send("ready", model_label(model))
    live: dict[int, Any] = {}

    def finish(answer: int, transcriber: Any) -> None:
        try:
            send("done", answer, transcriber.finish().to_dict(), None)
        except BaseException as exc:
            send("done", answer, None, f"{type(exc).__name__}: {exc}")

    def transcribe_file(request: int, path: str) -> None:
        try:
            send("file_done", request, transcribe(path, model).to_dict(), None)
        except BaseException as exc:
            send("file_done", request, None, str(exc))

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        kind = message[0]
        if kind == "quit":
            return
        if kind == "open":
            answer = message[1]
            live[answer] = LiveTranscriber(
                model, on_update=lambda t, answer=answer: send("update", answer, t.to_dict()))
        elif kind == "feed":
            transcriber = live.get(message[1])
            if transcriber is not None:
                transcriber.feed(np.frombuffer(message[2], dtype=np.float32))
        elif kind == "finish":
            transcriber = live.pop(message[1], None)
            if transcriber is not None:
                threading.Thread(target=finish, args=(message[1], transcriber), daemon=True).start()
        elif kind == "cancel":
            transcriber = live.pop(message[1], None)
            if transcriber is not None:
                transcriber.cancel()
        elif kind == "file":
            threading.Thread(target=transcribe_file, args=(message[1], message[2]), daemon=True).start()


# ---------------------------------------------------------------- the app's side


class _Pending:
    def __init__(self) -> None:
        self.event = threading.Event()
        self.result: dict | None = None
        self.error: str | None = None


class TranscriptionClient:
    """The app's handle on the transcription child process. Thread-safe."""

    def __init__(self) -> None:
        self._conn: Any = None
        self._process: Any = None
        self._send_lock = threading.Lock()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self.label = ""
        self._ids = itertools.count(1)
        self._live: dict[int, "RemoteLiveTranscriber"] = {}
        self._pending: dict[tuple[str, int], _Pending] = {}
        self._lock = threading.Lock()

    def start(self, model_name: str | None = None) -> "TranscriptionClient":
        context = multiprocessing.get_context("spawn")  # no fork of a process running Qt threads
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, model_name),
                                        name="interviewer-transcription", daemon=True)
        self._process.start()
        child.close()
        self._conn = parent
        threading.Thread(target=self._read, name="transcription-reader", daemon=True).start()
        return self

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_S) -> "TranscriptionClient":
        """Block until the model is loaded in the child; raises its loading error."""
        if not self._ready.wait(timeout):
            raise UserError(f"the speech model did not load within {timeout:.0f} s")
        if self._error is not None:
            raise self._error
        return self

    def live(self) -> "RemoteLiveTranscriber":
        answer = next(self._ids)
        transcriber = RemoteLiveTranscriber(self, answer)
        with self._lock:
            self._live[answer] = transcriber
        self._send("open", answer)
        return transcriber

    def transcribe_file(self, path: str | Path, timeout: float = FINISH_TIMEOUT_S) -> Transcript:
        request = next(self._ids)
        pending = self._expect("file", request)
        self._send("file", request, str(path))
        return self._wait(pending, timeout, f"transcribing {path}")

    def close(self) -> None:
        try:
            self._send("quit")
        except Exception:
            pass
        if self._process is not None:
            self._process.join(3)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(3)
        self._fail_all("the transcription process was closed")

    # -- internals ----------------------------------------------------------------------
    def _send(self, *message: Any) -> None:
        if self._error is not None:
            raise self._error
        with self._send_lock:
            try:
                self._conn.send(message)
            except (OSError, ValueError, BrokenPipeError) as exc:
                raise UserError(f"the transcription process stopped ({exc})") from None

    def _expect(self, kind: str, key: int) -> _Pending:
        pending = _Pending()
        with self._lock:
            self._pending[(kind, key)] = pending
        return pending

    @staticmethod
    def _wait(pending: _Pending, timeout: float, what: str) -> Transcript:
        if not pending.event.wait(timeout):
            raise TimeoutError(f"{what} took longer than {timeout:.0f} s")
        if pending.error is not None:
            raise UserError(pending.error)
        return Transcript.from_dict(pending.result)

    def _read(self) -> None:
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                if not self._ready.is_set():
                    self._error = UserError("the transcription process ended before the model loaded")
                    self._ready.set()
                self._fail_all("the transcription process ended")
                return
            kind = message[0]
            if kind == "ready":
                self.label = message[1]
                self._ready.set()
            elif kind == "error":
                text = message[1]
                self._error = UserError(text) if message[2] else RuntimeError(text)
                self._ready.set()
            elif kind == "update":
                with self._lock:
                    transcriber = self._live.get(message[1])
                if transcriber is not None:
                    transcriber._updated(message[2])
            elif kind in ("done", "file_done"):
                key = ("finish" if kind == "done" else "file", message[1])
                with self._lock:
                    pending = self._pending.pop(key, None)
                    self._live.pop(message[1], None) if kind == "done" else None
                if pending is not None:
                    pending.result, pending.error = message[2], message[3]
                    pending.event.set()

    def _fail_all(self, why: str) -> None:
        with self._lock:
            pending, self._pending = list(self._pending.values()), {}
        for p in pending:
            p.error = why
            p.event.set()


class RemoteLiveTranscriber:
    """Implements the LiveTranscriber port; the transcription runs in the child process."""

    def __init__(self, client: TranscriptionClient, answer: int) -> None:
        self._client = client
        self._answer = answer
        self.on_segment: Callable[[Any], None] | None = None
        self._sent_segments = 0
        self._finishing = False

    def feed(self, samples: Any) -> None:
        import numpy as np

        if self._finishing:
            return
        data = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        self._client._send("feed", self._answer, data.tobytes())

    def finish(self, timeout: float = FINISH_TIMEOUT_S) -> Transcript:
        self._finishing = True
        pending = self._client._expect("finish", self._answer)
        self._client._send("finish", self._answer)
        return self._client._wait(pending, timeout, "finishing the transcript")

    def cancel(self) -> None:
        self._finishing = True
        self._client._send("cancel", self._answer)

    def _updated(self, data: dict) -> None:  # reader thread
        transcript = Transcript.from_dict(data)
        new = transcript.segments[self._sent_segments:]
        self._sent_segments += len(new)
        callback = self.on_segment
        if callback is not None:
            for segment in new:
                callback(segment)
