"""Recording the candidate: 16 kHz mono, streamed to disk as it arrives, with a live level.

The PortAudio callback only copies each block into a queue (it runs on the audio thread and
must never block). A writer thread converts to 16 kHz mono, appends to a CrashSafeWavWriter
(flushed every second, so a crash loses at most a second), reports the input level, and hands
the chunk to `on_audio` (the live transcriber). A device that refuses 16 kHz is opened at its
own rate and resampled. Errors come out as MicrophoneError with a plain message; an error in
the middle of an answer keeps what was recorded so far on disk.

The sounddevice module is injectable so tests can use a fake that fails on purpose.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from interviewer.adapters.devices import AudioDevice, AudioDeviceError, load_sounddevice, resolve_input_device
from interviewer.adapters.resample import StreamResampler, rms_dbfs, to_mono
from interviewer.errors import UserError
from interviewer.storage.wav_writer import CrashSafeWavWriter

log = logging.getLogger(__name__)

TARGET_RATE = 16000
# PortAudio error codes (portaudio.h) that get their own message.
PA_INVALID_CHANNEL_COUNT = -9998
PA_INVALID_SAMPLE_RATE = -9997
PA_DEVICE_UNAVAILABLE = -9985
PA_INVALID_DEVICE = -9996

_STREAM_ENDED = object()  # queued by finished_callback when the stream stops on its own
_STOP = object()


class MicrophoneError(UserError):
    """The microphone could not be opened or stopped working; the message says what to do."""


def _pa_code(exc: Exception) -> int | None:
    args = getattr(exc, "args", ())
    if len(args) > 1 and isinstance(args[1], int):
        return args[1]
    text = str(exc)
    if "PaErrorCode" in text:  # "Error opening InputStream: Invalid sample rate [PaErrorCode -9997]"
        try:
            return int(text.rsplit("PaErrorCode", 1)[1].strip(" ]"))
        except ValueError:
            return None
    return None


def _is_rate_error(exc: Exception) -> bool:
    return _pa_code(exc) == PA_INVALID_SAMPLE_RATE or "sample rate" in str(exc).lower()


def _is_channel_error(exc: Exception) -> bool:
    return _pa_code(exc) == PA_INVALID_CHANNEL_COUNT or "channel" in str(exc).lower()


def _is_busy_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return (_pa_code(exc) in (PA_DEVICE_UNAVAILABLE, PA_INVALID_DEVICE)
            or "unavailable" in text or "busy" in text)


class Microphone:
    """Implements interviewer.core.ports.Recorder; adds pause/resume, levels and errors.

    `device`: None for the system default, an index, or (part of) a device name.
    """

    def __init__(self, device: int | str | None = None, *, sounddevice_module: Any = None,
                 block_seconds: float = 0.1, flush_seconds: float = 1.0, stall_seconds: float = 3.0) -> None:
        self.device = device
        self._sd_module = sounddevice_module
        self.block_seconds = block_seconds
        self.flush_seconds = flush_seconds
        self.stall_seconds = stall_seconds
        self._queue: queue.Queue = queue.Queue()
        self._stream: Any = None
        self._writer: CrashSafeWavWriter | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._paused = threading.Event()
        self._path: Path | None = None
        self.error: MicrophoneError | None = None
        self.device_info: AudioDevice | None = None
        self.device_rate: int = TARGET_RATE  # the rate the device actually runs at
        self.level_dbfs: float = -100.0
        self.overflows = 0  # blocks PortAudio reported as dropped (CPU starved)

    # -- Recorder port ---------------------------------------------------------------------
    def start(self, wav_path: str | Path, on_audio: Callable[[np.ndarray], None] | None = None,
              on_level: Callable[[float], None] | None = None,
              on_error: Callable[[MicrophoneError], None] | None = None) -> None:
        """Open the microphone and record to `wav_path`. Raises MicrophoneError if it cannot."""
        if self._thread is not None:
            raise RuntimeError("this Microphone is already recording; stop() it first")
        self._stopping.clear()
        self._paused.clear()
        self.error = None
        self._queue = queue.Queue()
        sd = self._sd()
        try:
            self.device_info = resolve_input_device(self.device, sd)
        except AudioDeviceError as exc:
            raise MicrophoneError(str(exc)) from None
        stream, rate, channels = self._open(sd, self.device_info)
        self.device_rate = rate
        resampler = None if rate == TARGET_RATE else StreamResampler(rate, TARGET_RATE)
        self._path = Path(wav_path)
        try:
            self._writer = CrashSafeWavWriter(self._path, rate=TARGET_RATE, flush_seconds=self.flush_seconds)
        except OSError as exc:
            stream.close(ignore_errors=True)
            raise MicrophoneError(f"{wav_path}: cannot write the recording ({exc.strerror})") from None
        self._stream = stream
        self._thread = threading.Thread(
            target=self._write_loop, args=(resampler, on_audio, on_level, on_error),
            name="microphone-writer", daemon=True)
        self._thread.start()
        try:
            stream.start()
        except sd.PortAudioError as exc:
            self.stop()
            raise self._open_error(exc, self.device_info) from None

    def stop(self) -> Path:
        """Stop recording and close the file; returns its path (the file holds everything
        recorded, even after a mid-answer error)."""
        self._stopping.set()
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()  # waits for the last block to reach the callback
            except Exception:
                pass
            try:
                stream.close(ignore_errors=True)
            except Exception:
                pass
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(10)
            self._thread = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._path is None:
            raise RuntimeError("stop() called before start()")
        return self._path

    # -- extras ------------------------------------------------------------------------
    def pause(self) -> None:
        """Keep the device open but drop the audio until resume()."""
        self._paused.set()

    def resume(self) -> None:
        self._paused.clear()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    @property
    def recording(self) -> bool:
        return self._thread is not None and self.error is None

    @property
    def seconds_recorded(self) -> float:
        writer = self._writer
        return writer.seconds_written if writer is not None else 0.0

    # -- internals ---------------------------------------------------------------------
    def _sd(self) -> Any:
        try:
            return load_sounddevice(self._sd_module)
        except AudioDeviceError as exc:
            raise MicrophoneError(str(exc)) from None

    def _open(self, sd: Any, device: AudioDevice) -> tuple[Any, int, int]:
        """Open an input stream: 16 kHz mono if the device allows, else its own rate/channels."""
        rates = [TARGET_RATE]
        if int(device.default_samplerate) not in rates and device.default_samplerate > 0:
            rates.append(int(device.default_samplerate))
        channel_options = [1] + ([min(2, device.input_channels)] if device.input_channels > 1 else [])
        last_error: Exception | None = None
        for rate in rates:
            for channels in channel_options:
                try:
                    stream = sd.InputStream(
                        device=device.index, samplerate=rate, channels=channels, dtype="float32",
                        blocksize=max(1, int(rate * self.block_seconds)), latency="high",
                        callback=self._callback, finished_callback=self._finished)
                except sd.PortAudioError as exc:
                    last_error = exc
                    if _is_rate_error(exc):
                        log.info("%s refuses %d Hz; trying its own rate", device.name, rate)
                        break  # next rate
                    if _is_channel_error(exc):
                        continue  # next channel count
                    raise self._open_error(exc, device) from None
                except ValueError as exc:  # sounddevice's own argument checks
                    raise MicrophoneError(f"cannot open microphone {device.name!r}: {exc}") from None
                if rate != TARGET_RATE:
                    log.info("recording %s at %d Hz, resampled to 16 kHz", device.name, rate)
                return stream, rate, channels
        assert last_error is not None
        raise self._open_error(last_error, device) from None

    @staticmethod
    def _open_error(exc: Exception, device: AudioDevice) -> MicrophoneError:
        if _is_rate_error(exc):
            return MicrophoneError(
                f"the microphone {device.name!r} accepts neither 16000 Hz nor its own default rate "
                f"({device.default_samplerate:.0f} Hz) ({exc}). Choose another microphone.")
        if _is_busy_error(exc):
            return MicrophoneError(
                f"the microphone {device.name!r} is busy or unavailable: another program may be "
                f"using it, or it was unplugged ({exc}). Close that program or choose another microphone.")
        return MicrophoneError(f"cannot open the microphone {device.name!r}: {exc}")

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # The PortAudio thread: copy and return. Never block, log or allocate much here.
        if status:
            self.overflows += 1
        self._queue.put(indata.copy())

    def _finished(self) -> None:
        if not self._stopping.is_set():
            self._queue.put(_STREAM_ENDED)

    def _write_loop(self, resampler: StreamResampler | None, on_audio: Callable | None,
                    on_level: Callable | None, on_error: Callable | None) -> None:
        last_audio = time.monotonic()
        while True:
            try:
                item = self._queue.get(timeout=0.25)
            except queue.Empty:
                item = None
            if item is _STOP:
                return
            if item is None or item is _STREAM_ENDED:
                stalled = time.monotonic() - last_audio > self.stall_seconds and not self._paused.is_set()
                if self._stopping.is_set() or (item is None and not stalled):
                    continue
                self._fail(on_error, "stopped sending audio" if item is _STREAM_ENDED
                           else f"sent no audio for {self.stall_seconds:.0f} seconds")
                return
            last_audio = time.monotonic()
            mono = to_mono(item)
            if resampler is not None:
                mono = resampler.process(mono)
            if self._paused.is_set() or mono.size == 0:
                continue
            writer = self._writer
            if writer is None:
                return
            try:
                writer.write(mono)
            except (OSError, ValueError) as exc:
                self._fail(on_error, f"could not be saved ({exc})")
                return
            self.level_dbfs = rms_dbfs(mono)
            for callback, value in ((on_level, self.level_dbfs), (on_audio, mono)):
                if callback is not None:
                    try:
                        callback(value)
                    except Exception:
                        log.exception("microphone callback failed")

    def _fail(self, on_error: Callable | None, what: str) -> None:
        """A mid-answer failure: keep the file (flushed and closed), report once."""
        name = self.device_info.name if self.device_info else "microphone"
        writer, self._writer = self._writer, None
        seconds = 0.0
        if writer is not None:
            seconds = writer.seconds_written
            writer.close()
        self.error = MicrophoneError(
            f"the microphone {name!r} {what}; was it unplugged? The {seconds:.1f} s recorded "
            f"so far are saved in {self._path}.")
        log.warning("%s", self.error)
        stream = self._stream
        if stream is not None:
            try:
                stream.abort(ignore_errors=True)
            except Exception:
                pass
        if on_error is not None:
            try:
                on_error(self.error)
            except Exception:
                log.exception("on_error callback failed")
