"""Transcription in a child process, so the window never waits for it.

CTranslate2's Whisper encoder holds Python's GIL while it runs (measured here: a thread encoding
a window delayed the main thread by 300 ms), so in-process transcription froze the event loop
for as long as each chunk took. The app therefore keeps the model in one child process:

  - `TranscriptionClient.start(model_name)` spawns it; the model loads there in the background;
    `wait_ready()` returns when it is loaded (or raises the loading error, e.g. ModelNotFound).
  - `client.live()` gives a LiveTranscriber (the core port: feed/finish, plus `on_segment`) whose
    work happens in the child; `client.transcribe_file(path, on_progress=...)` transcribes a
    recording there, read from the file in chunks (bounded memory at any length), calling
    `on_progress(done_seconds, total_seconds)` after each chunk, for a progress bar.

Only 16 kHz float32 audio (64 kB/s) and transcript JSON cross the pipe.

If the child dies (OOM-killed, a crash in native code), the answer in flight gets an error
(its recording is on disk) and the next request starts a new child with the same model.
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing
import queue
import signal
import threading
import time
from pathlib import Path
from typing import Any, Callable

from interviewer.core.transcript import Transcript
from interviewer.errors import Cancelled, TookTooLong, UserError

STARTUP_TIMEOUT_S = 120.0
FINISH_TIMEOUT_S = 120.0
# A file transcription fails only when the child reports no progress for this long (one
# chunk of up to 28 s takes a few seconds), however long the recording is.
FILE_STALL_TIMEOUT_S = 120.0
# Messages waiting for a child that stopped reading (hung, not dead): about 5 minutes of
# 0.1 s microphone blocks. Past that the child is killed, so that the next request starts a
# new one, and the answer's audio is dropped rather than held in memory; its recording is on
# disk and the review transcribes it from there.
MAX_QUEUED_MESSAGES = 3000
MAX_RESTARTS = 3  # per client: a model that crashes while loading must not loop forever
# A child that dies before its model loads (no loading error: killed, or gone while starting)
# is started once more by wait_ready: a first start once failed that way for no reason the logs
# kept, and starting again worked (trial25).
LOAD_RETRIES = 1


# ---------------------------------------------------------------- the child process

FILE_WAIT_STEP_S = 0.5  # how soon a waiting file notices a cancel
FILE_KEEPALIVE_S = 10.0  # a waiting file repeats its progress this often (FILE_STALL_TIMEOUT_S)


class FileGate:
    """Where file transcriptions (an import, the review catching up) wait between chunks while
    a round runs. They shared the child's two cores with the round's live answers: an import
    running during a round made each answer's final transcript come 2.35 s after its end
    instead of 0.37 s (median of four human clips, trial6)."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()

    def hold(self, held: bool) -> None:
        if held:
            self._open.clear()
        else:
            self._open.set()

    def wait(self, cancelled: Callable[[], bool], keepalive: Callable[[], None],
             step: float = FILE_WAIT_STEP_S, every: float = FILE_KEEPALIVE_S) -> None:
        """Return once the gate is open or `cancelled()`; `keepalive()` every `every` s meanwhile."""
        last = time.monotonic()
        while not self._open.wait(step):
            if cancelled():
                return
            if time.monotonic() - last >= every:
                keepalive()
                last = time.monotonic()


def _serve(conn: Any, model_name: str | None) -> None:
    from interviewer.startup import prepare_process

    prepare_process("transcription")  # telemetry off before the model (and onnxruntime) loads
    import logging

    import numpy as np

    log = logging.getLogger(__name__)
    send_lock = threading.Lock()

    def send(*message: Any) -> None:
        with send_lock:
            conn.send(message)

    try:
        from interviewer.adapters.live_transcriber import LiveTranscriber
        from interviewer.adapters.transcription import load_model, model_label, transcribe

        model = load_model(model_name or None)
    except BaseException as exc:
        log.error("the speech model did not load: %s: %s", type(exc).__name__, exc,
                  exc_info=not isinstance(exc, UserError))
        send("error", str(exc), isinstance(exc, UserError))
        return
    log.info("speech model loaded: %s", model_label(model))
    send("ready", model_label(model))
    live: dict[int, Any] = {}
    cancelled_files: set[int] = set()  # file requests to stop at their next chunk
    file_gate = FileGate()  # closed while a round runs: its answers come first

    def finish(answer: int, transcriber: Any) -> None:
        try:
            send("done", answer, transcriber.finish().to_dict(), None)
        except BaseException as exc:
            log.exception("finishing a live transcript failed")
            send("done", answer, None, f"{type(exc).__name__}: {exc}")

    def transcribe_file(request: int, path: str) -> None:
        def progress(done: float, total: float) -> None:
            if request in cancelled_files:
                raise Cancelled()  # out of the chunk loop: the rest of the file is not decoded
            send("file_progress", request, done, total)
            # Between chunks, a file waits while a round runs (the same progress again now and
            # then: a file waiting for a round is not stalled).
            file_gate.wait(lambda: request in cancelled_files,
                           lambda: send("file_progress", request, done, total))
            if request in cancelled_files:
                raise Cancelled()

        try:
            send("file_done", request, transcribe(path, model, progress=progress).to_dict(), None)
        except Cancelled:
            log.info("transcribing a file was cancelled")
            send("file_done", request, None, "cancelled")
        except BaseException as exc:
            log.error("transcribing a file failed: %s: %s", type(exc).__name__, exc,
                      exc_info=not isinstance(exc, UserError))
            send("file_done", request, None, str(exc))
        finally:
            cancelled_files.discard(request)

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        kind = message[0]
        if kind == "quit":
            log.info("asked to quit")
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
        elif kind == "file_cancel":
            cancelled_files.add(message[1])
        elif kind == "files_hold":
            file_gate.hold(bool(message[1]))


# ---------------------------------------------------------------- the app's side


class EndedBeforeLoad(UserError):
    """The child ended before its model loaded without reporting a loading error: the model is
    not known to be missing or broken, so loading it again is the advice, not another model."""


class _Pending:
    def __init__(self, on_progress: Callable[[float, float], None] | None = None) -> None:
        self.event = threading.Event()
        self.result: dict | None = None
        self.error: str | None = None
        self.on_progress = on_progress
        self.last_heard = time.monotonic()  # the last message about this request


def _wait(pending: _Pending, timeout: float, what: str, stall: bool = False,
          cancel: threading.Event | None = None, on_cancel: Callable[[], None] | None = None) -> Transcript:
    """The request's transcript. Times out after `timeout` s, or with `stall` after `timeout`
    s without progress from the child. `cancel` set: `on_cancel()`, then Cancelled."""
    if stall:
        while not pending.event.wait(min(0.1 if cancel is not None else 1.0, timeout)):
            if cancel is not None and cancel.is_set():
                if on_cancel is not None:
                    on_cancel()
                raise Cancelled()
            if time.monotonic() - pending.last_heard > timeout:
                raise TimeoutError(f"{what} made no progress for {timeout:.0f} s")
    elif not pending.event.wait(timeout):
        raise TimeoutError(f"{what} took longer than {timeout:.0f} s")
    if pending.error is not None:
        raise UserError(pending.error)
    return Transcript.from_dict(pending.result)


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}" if code is not None else "reason unknown"


class _Child:
    """One child process and what is in flight with it.

    Requests never wait on the pipe: messages go into `outbox` and a sender thread delivers
    them once the model is loaded. So an answer opened while a restarted child still loads
    (~1 s for tiny.en) buffers its audio here, and a child that stops reading cannot block the
    microphone's thread. When the child ends, the reader fails everything pending with it.
    """

    def __init__(self, model_name: str | None, label: str = "") -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process running Qt threads
        parent, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, model_name),
                                       name="interviewer-transcription", daemon=True)
        self.process.start()  # 0.5-9 ms (measured, 400 MB parent): fine on the GUI thread
        child.close()
        self.conn = parent
        self.label = label
        self.ready = threading.Event()  # the model loaded, or the child ended first
        self.error: BaseException | None = None  # why the model did not load
        self.load_failed = False  # the child reported a loading error (restarting won't help)
        self.ended: str | None = None  # why the child is gone, once it is
        self.exit_reason = ""
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._closing: str | None = None
        self._lock = threading.Lock()
        self._live: dict[int, "RemoteLiveTranscriber"] = {}
        self._pending: dict[tuple[str, int], _Pending] = {}
        threading.Thread(target=self._read, name="transcription-reader", daemon=True).start()
        threading.Thread(target=self._pump, name="transcription-sender", daemon=True).start()

    def send(self, *message: Any) -> None:
        """Queue a message (never blocks). Messages to an ended child are dropped: whoever
        waits for an answer learns of the end through `expect`."""
        if self.ended is None:
            self.outbox.put(message)

    def expect(self, kind: str, key: int,
               on_progress: Callable[[float, float], None] | None = None) -> _Pending:
        pending = _Pending(on_progress)
        with self._lock:
            if self.ended is None:
                self._pending[(kind, key)] = pending
                return pending
        pending.error = self.ended
        pending.event.set()
        return pending

    def drop(self, kind: str, key: int) -> None:
        """Stop waiting for a request's answer (it was cancelled): its messages are ignored."""
        with self._lock:
            self._pending.pop((kind, key), None)

    def open(self, transcriber: "RemoteLiveTranscriber") -> None:
        with self._lock:
            self._live[transcriber._answer] = transcriber
        self.send("open", transcriber._answer)

    def forget(self, answer: int) -> None:
        with self._lock:
            self._live.pop(answer, None)

    def stop(self, why: str) -> None:
        """Ask the child to quit; kill it if it does not within 3 s. Blocks: not on the GUI thread."""
        self._closing = why
        self.send("quit")
        self.process.join(3)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(3)
        self._end(why)

    def _pump(self) -> None:
        self.ready.wait()
        while True:
            message = self.outbox.get()
            if message is None:
                return
            try:
                self.conn.send(message)
            except (OSError, ValueError):
                return  # the child is gone; the reader sees the end and fails what was pending

    def _read(self) -> None:
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                break
            kind = message[0]
            if kind == "ready":
                self.label = message[1]
                self.ready.set()
            elif kind == "error":
                self.error = UserError(message[1]) if message[2] else RuntimeError(message[1])
                self.load_failed = True
                self.ready.set()
            elif kind == "update":
                with self._lock:
                    transcriber = self._live.get(message[1])
                if transcriber is not None:
                    transcriber._updated(message[2])
            elif kind == "file_progress":
                with self._lock:
                    pending = self._pending.get(("file", message[1]))
                if pending is not None:
                    pending.last_heard = time.monotonic()
                    if pending.on_progress is not None:
                        try:
                            pending.on_progress(message[2], message[3])
                        except Exception:  # a broken progress bar must not end the reader
                            logging.getLogger(__name__).exception("on_progress callback failed")
            elif kind in ("done", "file_done"):
                with self._lock:
                    pending = self._pending.pop(("finish" if kind == "done" else "file", message[1]), None)
                    if kind == "done":
                        self._live.pop(message[1], None)
                if pending is not None:
                    pending.result, pending.error = message[2], message[3]
                    pending.event.set()
        self.process.join(2)  # the pipe closes as the process exits: this only reaps it
        self.exit_reason = _exit_reason(self.process.exitcode)
        self._end(self._closing or f"the transcription process stopped ({self.exit_reason})")

    def _end(self, why: str) -> None:
        with self._lock:
            if self.ended is not None:
                return
            self.ended = why
            pending, self._pending = list(self._pending.values()), {}
            self._live.clear()
        if not self.ready.is_set():
            # The reason goes with it: the trial's message had none, and the logs neither.
            reason = self.exit_reason or why
            self.error = EndedBeforeLoad(f"the transcription process ended before the model loaded ({reason})")
            if self._closing is None:
                logging.getLogger(__name__).warning(
                    "the transcription process (pid %s) ended before its model loaded: %s; its log: "
                    "transcription.log, a native crash: crash-transcription.log", self.process.pid, reason)
            self.ready.set()
        self.outbox.put(None)  # ends the sender thread
        for p in pending:
            p.error = why
            p.event.set()


class TranscriptionStopped(UserError):
    """The transcription process cannot be restarted (its model fails to load, or it kept dying)."""


class TranscriptionClient:
    """The app's handle on the transcription child process. Thread-safe.

    If the child dies (OOM-killed, a crash in native code), the next request starts a new one
    with the same model, at most `max_restarts` times per client, so a model that crashes
    while loading does not loop forever. Requests in flight when it died fail with a UserError
    (the answers' recordings are on disk). A restart does not wait for the model: see _Child.
    """

    def __init__(self, max_restarts: int = MAX_RESTARTS) -> None:
        self._child: _Child | None = None
        self._model_name: str | None = None
        self._max_restarts = max_restarts
        self.restarts = 0
        self._closed = False
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    @property
    def label(self) -> str:
        return self._child.label if self._child is not None else ""

    @property
    def _process(self) -> Any:  # the current child process (tests kill it)
        return self._child.process if self._child is not None else None

    def start(self, model_name: str | None = None) -> "TranscriptionClient":
        self._model_name = model_name
        self._child = _Child(model_name)
        return self

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_S,
                   cancel: threading.Event | None = None) -> "TranscriptionClient":
        """Block until the model is loaded in the child; raises its loading error. `cancel`
        set: the child is ended, whatever it was doing, and Cancelled is raised."""
        child = self._child
        if child is None:
            raise UserError("the transcription process was not started")
        deadline = time.monotonic() + timeout
        retries = LOAD_RETRIES
        while True:
            while not child.ready.wait(min(0.1, max(0.0, deadline - time.monotonic()))):
                if cancel is not None and cancel.is_set():
                    self.close()
                    raise Cancelled()
                if time.monotonic() >= deadline:
                    raise TookTooLong(f"the speech model did not load within {timeout:.0f} s")
            if not isinstance(child.error, EndedBeforeLoad) or retries == 0:
                break
            with self._lock:
                if self._closed or self._child is not child:
                    break
                retries -= 1
                logging.getLogger(__name__).info("starting the transcription process again")
                child = self._child = _Child(self._model_name, child.label)
        if child.error is not None:
            raise child.error
        return self

    def live(self) -> "RemoteLiveTranscriber":
        child = self._running()
        transcriber = RemoteLiveTranscriber(child, next(self._ids))
        child.open(transcriber)
        return transcriber

    def transcribe_file(self, path: str | Path, timeout: float = FILE_STALL_TIMEOUT_S,
                        on_progress: Callable[[float, float], None] | None = None,
                        cancel: threading.Event | None = None) -> Transcript:
        """Transcribe a recording in the child; blocks until done. `on_progress(done_seconds,
        total_seconds)` is called on the client's reader thread once at the start and after
        each chunk of up to 28 s (for a progress bar: marshal it to the GUI thread). Fails
        (TimeoutError) only if the child reports no progress for `timeout` seconds. `cancel`
        set: returns at once (Cancelled) and the child stops before its next chunk."""
        child = self._running()
        request = next(self._ids)
        pending = child.expect("file", request, on_progress)
        child.send("file", request, str(path))

        def stop() -> None:
            child.send("file_cancel", request)
            child.drop("file", request)

        return _wait(pending, timeout, f"transcribing {path}", stall=True, cancel=cancel, on_cancel=stop)

    def hold_files(self, held: bool) -> None:
        """While held (a round runs), file transcriptions wait before their next chunk; live
        answers have the cores. A child started later begins released."""
        with self._lock:
            child = self._child
        if child is not None and child.ended is None:
            child.send("files_hold", held)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            child = self._child
        if child is not None:
            child.stop("the transcription process was closed")

    def _running(self) -> _Child:
        """The child for a new request; one that died is replaced here (without waiting)."""
        with self._lock:
            child = self._child
            if self._closed or child is None:
                raise UserError("the transcription process was closed")
            if child.ended is None:
                return child
            if child.load_failed:  # a missing or broken model: starting again would not help
                raise TranscriptionStopped(f"transcription stopped: the speech model could not be loaded "
                                f"({child.error}); answers are still recorded")
            if self.restarts >= self._max_restarts:
                raise TranscriptionStopped(f"transcription stopped: the transcription process ended "
                                f"{self.restarts + 1} times (the last time: {child.exit_reason}); "
                                f"answers are still recorded")
            self._child = _Child(self._model_name, child.label)
            self.restarts += 1
            return self._child


class RemoteLiveTranscriber:
    """Implements the LiveTranscriber port; the transcription runs in the child process."""

    def __init__(self, child: _Child, answer: int) -> None:
        self._child = child
        self._answer = answer
        self.on_segment: Callable[[Any], None] | None = None
        self.live_speech: Any = None  # the speech regions so far, set before each on_segment call
        self._sent_segments = 0
        self._finishing = False
        self._fell_behind = False

    def feed(self, samples: Any) -> None:
        """Never blocks (it runs on the microphone's thread); audio for a child that died or
        stopped reading is dropped: the recording on disk has it."""
        import numpy as np

        if self._finishing or self._fell_behind or self._child.ended is not None:
            return
        if self._child.outbox.qsize() >= MAX_QUEUED_MESSAGES:
            self._fell_behind = True
            self._child.process.kill()  # a signal, no wait: the reader then ends the child
            return
        data = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        self._child.send("feed", self._answer, data.tobytes())

    def finish(self, timeout: float = FINISH_TIMEOUT_S) -> Transcript:
        """Blocks until the transcript is complete; raises UserError if the child died meanwhile
        or stopped taking audio."""
        if self._fell_behind:
            self.cancel()
            raise UserError("the transcription process stopped taking audio; the answer's recording is "
                            "kept and is transcribed from the file when you review the round")
        self._finishing = True
        pending = self._child.expect("finish", self._answer)
        self._child.send("finish", self._answer)
        return _wait(pending, timeout, "finishing the transcript")

    def cancel(self) -> None:
        self._finishing = True
        self._child.send("cancel", self._answer)
        self._child.forget(self._answer)

    def _updated(self, data: dict) -> None:  # reader thread
        transcript = Transcript.from_dict(data)
        new = transcript.segments[self._sent_segments:]
        self._sent_segments += len(new)
        self.live_speech = transcript.speech  # read by on_segment: live filler marks as the review's
        callback = self.on_segment
        if callback is not None:
            for segment in new:
                callback(segment)
