"""Recording the candidate: 16 kHz mono, streamed to disk as it arrives, with a live level.

The PortAudio callback only copies each block into a queue (it runs on the audio thread and
must never block). A writer thread converts to 16 kHz mono, appends to a CrashSafeWavWriter
(flushed every second, so a crash loses at most a second), reports the input level, and hands
the chunk to `on_audio` (the live transcriber). A device that refuses 16 kHz is opened at its
own rate and resampled. Errors come out as MicrophoneError with a plain message; an error in
the middle of an answer keeps what was recorded so far on disk.

The input stream stays open between answers (until `close()`): opening one takes 0.8-2 s
before the first audio arrives (measured with PulseAudio), and whatever is said meanwhile is
lost. `open()` warms it up ahead of the first answer; `start()` returns once audio flows.

One continuous recording per round: `start_round(path, on_block)` records every block from
then until `stop_round()` to its own crash-safe file, whether or not an answer is being
recorded, so nothing the candidate says (over the interviewer too) is outside a recording;
`pause_round()` leaves the paused time out of it. `round_seconds` is how much it holds, which
is where an answer starting now lies in it. `on_block` gets every 16 kHz block (a voice
detector). The last seconds heard are also kept in memory, so `start(preroll_seconds=...)` can
begin an answer with the words said just before it started (the candidate talked first).

Under PulseAudio (or PipeWire's pulse server) an input whose device goes away (a USB headset
unplugged) is not ended: the server moves the stream to another source, often the monitor of
the speakers, and the recording goes on with the interviewer's own voice, or silence, as the
candidate's. While the stream is open a watcher asks `pactl` every POLL_SECONDS which source our
stream reads from, and reports a change through `on_source_change(message)` ("The microphone
changed to ...: check your microphone"); nothing stops and nothing recorded is lost. Without
`pactl`, or with another sound system, there is nothing to watch and nothing is reported.

The sounddevice module is injectable so tests can use a fake that fails on purpose.
"""
from __future__ import annotations

import atexit
import collections
import contextlib
import logging
import os
import queue
import shutil
import subprocess
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

from interviewer.adapters.devices import AudioDevice, AudioDeviceError, load_sounddevice, resolve_input_device
from interviewer.adapters.pulse_sources import PulseSource, _field, _pactl_blocks, all_sources, chosen_source
from interviewer.adapters.resample import StreamResampler, rms_dbfs, to_mono
from interviewer.core.answer_start import speech_onset_preroll
from interviewer.core.round_settings import TALKED_OVER_PREROLL_MAX_S
from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.errors import UserError
from interviewer.storage.wav_writer import CrashSafeWavWriter

log = logging.getLogger(__name__)

# PortAudio error codes (portaudio.h) that get their own message.
PA_INVALID_CHANNEL_COUNT = -9998
PA_INVALID_SAMPLE_RATE = -9997
PA_DEVICE_UNAVAILABLE = -9985
PA_INVALID_DEVICE = -9996

_STREAM_ENDED = object()  # queued by finished_callback when the stream stops on its own
_STOP = object()
FIRST_AUDIO_TIMEOUT = 5.0  # seconds start() waits for a new stream's first block


class _Flush:
    """Queued by stop(): the writer thread writes what the resampler still holds, then says so."""

    def __init__(self) -> None:
        self.done = threading.Event()


_open_microphones: "weakref.WeakSet[Microphone]" = weakref.WeakSet()


def close_all_microphones() -> None:
    """Close every open stream (at exit, before PortAudio is terminated)."""
    for microphone in list(_open_microphones):
        microphone.close()


def _close_at_exit() -> None:
    """Make sure close_all_microphones runs before sounddevice terminates PortAudio at exit.

    atexit runs handlers in reverse order of registration and sounddevice registers its own
    when it is first imported, which can be after our first registration (a test with a fake
    module, say). Terminating PortAudio under a running stream ends it from inside
    Pa_Terminate, and closing it from our writer thread at that moment can deadlock: so we
    re-register on every open, which keeps our handler the last registered, hence the first run.
    """
    atexit.unregister(close_all_microphones)
    atexit.register(close_all_microphones)


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


# Recent audio kept in memory for start(preroll_seconds=...): up to what an answer begun over the
# interviewer's line with loudspeakers may begin with (core.round_settings).
PREROLL_KEEP_SECONDS = max(2.0, TALKED_OVER_PREROLL_MAX_S)
_ONSET_FRAME = 320  # 20 ms frames for finding where speech under way at a start began


def _onset_preroll(heard: np.ndarray, lookback_seconds: float) -> np.ndarray:
    """The end of `heard` from the onset of the speech going on at its end (none in quiet)."""
    frames = heard.size // _ONSET_FRAME
    if frames == 0:
        return heard[:0]
    whole = heard[heard.size - frames * _ONSET_FRAME:].reshape(frames, _ONSET_FRAME)
    rms = np.sqrt(np.mean(np.square(whole, dtype=np.float64), axis=1))
    levels = 20.0 * np.log10(np.maximum(rms, 1e-9))
    seconds = speech_onset_preroll(levels.tolist(), _ONSET_FRAME / SAMPLE_RATE, max_seconds=lookback_seconds)
    keep = min(heard.size, int(round(seconds * SAMPLE_RATE)))
    return heard[heard.size - keep:]


class Microphone:
    """Implements interviewer.core.ports.Recorder; adds levels and errors.

    `device`: None for the system default, an index, (part of) a device name, or a sound
    server source as `pulse_sources.source_choice(name)` makes it (see that module).
    `keep_open`: keep the stream running between answers (see the module notes).
    """

    def __init__(self, device: int | str | None = None, *, sounddevice_module: Any = None,
                 block_seconds: float = 0.1, flush_seconds: float = 1.0, stall_seconds: float = 3.0,
                 keep_open: bool = True) -> None:
        self.device = device
        self._sd_module = sounddevice_module
        self.block_seconds = block_seconds
        self.flush_seconds = flush_seconds
        self.stall_seconds = stall_seconds
        self.keep_open = keep_open
        self._lock = threading.Lock()  # guards the current take (writer and callbacks)
        self._queue: queue.Queue = queue.Queue()
        self._stream: Any = None
        self._thread: threading.Thread | None = None
        self._resampler: StreamResampler | None = None
        self._first_audio = threading.Event()
        self._waited_for_audio = False  # open() waited for this stream's first block already
        self._closing = threading.Event()
        # The current take: set by start(), cleared by stop() or a failure.
        self._writer: CrashSafeWavWriter | None = None
        self._on_audio: Callable | None = None
        self._on_level: Callable | None = None
        self._on_error: Callable | None = None
        self._path: Path | None = None
        self._last_audio = 0.0
        self.error: MicrophoneError | None = None
        self.device_info: AudioDevice | None = None
        self.device_rate: int = SAMPLE_RATE  # the rate the device actually runs at
        self.level_dbfs: float = -100.0
        self.overflows = 0  # blocks PortAudio reported as dropped (CPU starved); logged at stop()
        self.keeps_preroll = True
        self.preroll_kept = 0.0  # seconds heard before start() the last recording begins with
        self._recent: collections.deque = collections.deque()  # 16 kHz blocks, newest last
        self._recent_samples = 0
        # The round's continuous recording (start_round .. stop_round).
        self._round_writer: CrashSafeWavWriter | None = None
        self._round_path: Path | None = None
        self._round_paused = False
        self._on_block: Callable | None = None
        # Told (on the watcher's thread) when PulseAudio moves the stream to another source.
        self.on_source_change: Callable[[str], None] | None = None
        self.source: PulseSource | None = None  # the source the stream reads from, when known
        self.source_changes: list[str] = []  # the messages reported, in order
        self._watch_stop: threading.Event | None = None

    # -- Recorder port ---------------------------------------------------------------------
    def start(self, wav_path: str | Path, on_audio: Callable[[np.ndarray], None] | None = None,
              on_level: Callable[[float], None] | None = None,
              on_error: Callable[[MicrophoneError], None] | None = None,
              preroll_seconds: float = 0.0, speech_lookback_seconds: float = 0.0) -> None:
        """Record to `wav_path` (16 kHz mono WAV). Opens the microphone if needed; raises
        MicrophoneError if it cannot. Returns once audio is flowing. With `preroll_seconds`,
        the recording (and on_audio) begins with that much of what was heard just before. With
        `speech_lookback_seconds` instead, it begins at the onset of speech already under way,
        found in that much of what was heard (core/answer_start.py), or right away when the
        start falls in quiet. `preroll_kept` then says how many seconds it begins with."""
        if self._writer is not None:
            raise RuntimeError("this Microphone is already recording; stop() it first")
        self.error = None
        path = Path(wav_path)
        try:
            writer = CrashSafeWavWriter(path, rate=SAMPLE_RATE, flush_seconds=self.flush_seconds)
        except OSError as exc:
            raise MicrophoneError(f"{wav_path}: cannot write the recording ({exc.strerror})") from None
        with self._lock:  # attached before opening, so a new stream's first block is kept
            self._on_audio, self._on_level, self._on_error = on_audio, on_level, on_error
            self._path = path
            self._last_audio = time.monotonic()
            self._writer = writer
            preroll = None
            if preroll_seconds > 0:
                preroll = self._preroll(preroll_seconds)
            elif speech_lookback_seconds > 0:
                preroll = _onset_preroll(self._preroll(speech_lookback_seconds), speech_lookback_seconds)
            self.preroll_kept = preroll.size / SAMPLE_RATE if preroll is not None else 0.0
            if preroll is not None and preroll.size:
                writer.write(preroll)
        if preroll is not None and preroll.size and on_audio is not None:
            on_audio(preroll)
        try:
            self.open()
        except BaseException:
            with self._lock:
                self._writer = self._on_audio = self._on_level = self._on_error = None
                self._path = None
            writer.close()
            path.unlink(missing_ok=True)
            raise

    def stop(self) -> Path:
        """Stop recording and close the file; returns its path (the file holds everything
        recorded, even after a mid-answer error). The stream stays open if `keep_open`."""
        if self._path is None:
            raise RuntimeError("stop() called before start()")
        if self._stream is not None and self._writer is not None:
            # Let the block in flight (up to one block_seconds) reach the file.
            self._drain(timeout=self.block_seconds * 3)
            if self._resampler is not None and self._thread is not None:
                # The resampler holds back up to 40 ms: they belong to this answer.
                flush = _Flush()
                self._queue.put(flush)
                flush.done.wait(max(1.0, self.block_seconds * 3))
        with self._lock:
            writer, self._writer = self._writer, None
            self._on_audio = self._on_level = self._on_error = None
        if writer is not None:
            writer.close()
        dropped, self.overflows = self.overflows, 0
        if dropped:
            log.warning("%d block(s) of audio were dropped during this recording (the computer was too busy)",
                        dropped)
        if not self.keep_open:
            self.close()
        return self._path

    def open(self, wait_for_audio: bool = True) -> None:
        """Open the input stream now (it takes a moment before audio flows). Idempotent.
        `wait_for_audio`: return once the new stream's first block came (FIRST_AUDIO_TIMEOUT at
        most, once per stream), so that an answer starting now loses none of its first words."""
        if self._stream is None:
            self._open_stream()
        if wait_for_audio and not self._waited_for_audio:
            self._waited_for_audio = True
            if not self._first_audio.wait(FIRST_AUDIO_TIMEOUT):
                log.warning("%s: no audio %.0f s after opening", self.device_info.name, FIRST_AUDIO_TIMEOUT)

    def wait_for_audio(self, timeout: float = FIRST_AUDIO_TIMEOUT) -> bool:
        """Block until the open stream's first block came (True), or `timeout` s (False)."""
        return self._first_audio.wait(timeout)

    def _open_stream(self) -> None:
        sd = self._sd()
        source = chosen_source(self.device)
        try:
            if source is None:
                self.device_info = resolve_input_device(self.device, sd)
            else:
                self.device_info, source = self._source_device(sd, source)
        except AudioDeviceError as exc:
            raise MicrophoneError(str(exc)) from None
        _close_at_exit()
        with _pulse_source(source):
            self._open_and_start(sd)
        self._start_source_watch()

    def _open_and_start(self, sd: Any) -> None:
        stream, rate, _channels = self._open(sd, self.device_info)
        self.device_rate = rate
        self._resampler = None if rate == SAMPLE_RATE else StreamResampler(rate, SAMPLE_RATE)
        self._queue = queue.Queue()
        self._closing.clear()
        self._first_audio.clear()
        self._waited_for_audio = False
        self._stream = stream
        _open_microphones.add(self)
        self._thread = threading.Thread(target=self._write_loop, name="microphone-writer", daemon=True)
        self._thread.start()
        try:
            stream.start()
        except sd.PortAudioError as exc:
            self.close()
            raise self._open_error(exc, self.device_info) from None

    def _source_device(self, sd: Any, name: str) -> tuple[AudioDevice, str | None]:
        """The PortAudio device that records from the server source `name` (chosen in Settings),
        and the name; the system default and None, with a note, when that source is gone."""
        if name not in {s.name for s in all_sources()}:
            message = (f"The microphone chosen in Settings ({name}) is not connected: recording from the "
                       "system default microphone instead. Plug it in, or choose another in Settings.")
            log.warning("%s", message)
            self._report_source_change(message)
            return resolve_input_device(None, sd), None
        try:
            # The ALSA pulse plugin's own device; PULSE_SOURCE then picks the source.
            return resolve_input_device("pulse", sd), name
        except AudioDeviceError:  # none by that name: the default goes through the server too, mostly
            return resolve_input_device(None, sd), name

    def close(self) -> None:
        """Close the stream (the microphone is released). start() opens it again."""
        self._closing.set()
        self._stop_source_watch()
        _open_microphones.discard(self)
        stream, self._stream = self._stream, None
        if stream is not None:
            for action in (stream.stop, lambda: stream.close(ignore_errors=True)):
                try:
                    action()
                except Exception:
                    pass
        thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(_STOP)
            thread.join(10)
        with self._lock:
            writer, self._writer = self._writer, None
            round_writer, self._round_writer = self._round_writer, None
        for w in (writer, round_writer):
            if w is not None:
                w.close()

    # -- the round's continuous recording ----------------------------------------------
    def start_round(self, wav_path: str | Path, on_block: Callable[[np.ndarray], None] | None = None) -> None:
        """Record everything from now to stop_round() to `wav_path`, answers or not."""
        path = Path(wav_path)
        try:
            writer = CrashSafeWavWriter(path, rate=SAMPLE_RATE, flush_seconds=self.flush_seconds)
        except OSError as exc:
            raise MicrophoneError(f"{wav_path}: cannot write the round recording ({exc.strerror})") from None
        with self._lock:
            self._round_writer, self._round_path, self._round_paused = writer, path, False
            self._on_block = on_block
        # Not waiting for the first block: this runs on the GUI thread as the round starts, and
        # PulseAudio took 1.0-2.2 s (the window froze after Start round, trial10). The round
        # starts once wait_for_audio() says audio flows (app/round_session.py).
        self.open(wait_for_audio=False)

    def pause_round(self) -> None:
        with self._lock:
            self._round_paused = True

    def resume_round(self) -> None:
        with self._lock:
            self._round_paused = False

    def stop_round(self) -> Path | None:
        with self._lock:
            writer, self._round_writer = self._round_writer, None
            self._on_block = None
        if writer is not None:
            writer.close()
        return self._round_path

    @property
    def round_seconds(self) -> float:
        """Seconds in the round recording so far (where an answer starting now begins in it)."""
        writer = self._round_writer
        return writer.seconds_written if writer is not None else 0.0

    def _preroll(self, seconds: float) -> np.ndarray:
        """The last `seconds` heard (call with the lock held)."""
        if not self._recent:
            return np.zeros(0, dtype=np.float32)
        audio = np.concatenate(list(self._recent))
        return audio[-int(seconds * SAMPLE_RATE):]

    # -- extras ------------------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self._writer is not None and self.error is None

    @property
    def seconds_recorded(self) -> float:
        writer = self._writer
        return writer.seconds_written if writer is not None else 0.0

    # -- which source PulseAudio gives us ------------------------------------------------
    def _start_source_watch(self) -> None:
        """Note the source our new stream reads from and watch it (PulseAudio/PipeWire only)."""
        self._stop_source_watch()
        if shutil.which("pactl") is None:
            return
        stop = threading.Event()
        self._watch_stop = stop
        threading.Thread(target=self._watch_source, args=(stop,), name="microphone-source-watch",
                         daemon=True).start()

    def _stop_source_watch(self) -> None:
        stop, self._watch_stop = self._watch_stop, None
        if stop is not None:
            stop.set()

    def _watch_source(self, stop: threading.Event) -> None:
        # Listed once audio flows, as it was when open() always waited for that first.
        self._first_audio.wait(FIRST_AUDIO_TIMEOUT)
        if stop.is_set():
            return
        streams = pulse_record_streams(os.getpid())
        if not streams:  # not PulseAudio, or a stream it does not list: nothing to watch
            return
        stream, first = max(streams.items())  # the newest: the one just opened
        self.source = first
        log.info("recording from %s", first.label)
        while not stop.wait(POLL_SECONDS):
            now = pulse_record_streams(os.getpid()).get(stream)
            if now is None or stop.is_set():
                continue  # between two pactl calls, or the stream is closing
            if now.name == self.source.name:
                continue
            message = source_change_message(first, now)
            self.source = now
            log.warning("the input moved from %s to %s", first.name, now.name)
            self._report_source_change(message)

    def _report_source_change(self, message: str) -> None:
        """Keep `message` and tell the round (its banner) through on_source_change."""
        self.source_changes.append(message)
        callback = self.on_source_change
        if callback is not None:
            try:
                callback(message)
            except Exception:
                log.exception("on_source_change callback failed")

    # -- internals ---------------------------------------------------------------------
    def _sd(self) -> Any:
        try:
            return load_sounddevice(self._sd_module)
        except AudioDeviceError as exc:
            raise MicrophoneError(str(exc)) from None

    def _open(self, sd: Any, device: AudioDevice) -> tuple[Any, int, int]:
        """Open an input stream: 16 kHz mono if the device allows, else its own rate/channels."""
        rates = [SAMPLE_RATE]
        if int(device.default_samplerate) not in rates and device.default_samplerate > 0:
            rates.append(int(device.default_samplerate))
        channel_options = [1] + ([min(2, device.input_channels)] if device.input_channels > 1 else [])
        last_error: Exception | None = None
        for rate in rates:
            for channels in channel_options:
                try:
                    # Default (low) latency: with PulseAudio, "high" made the first audio
                    # arrive after 2 s instead of 0.8 s.
                    stream = sd.InputStream(
                        device=device.index, samplerate=rate, channels=channels, dtype="float32",
                        blocksize=max(1, int(rate * self.block_seconds)),
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
                if rate != SAMPLE_RATE:
                    log.info("recording %s at %d Hz, resampled to 16 kHz", device.name, rate)
                return stream, rate, channels
        assert last_error is not None
        raise self._open_error(last_error, device) from None

    @staticmethod
    def _open_error(exc: Exception, device: AudioDevice) -> MicrophoneError:
        if _is_rate_error(exc):
            return MicrophoneError(
                f"the microphone {device.name!r} accepts neither {SAMPLE_RATE} Hz nor its own default rate "
                f"({device.default_samplerate:.0f} Hz) ({exc}). Choose another microphone.")
        if _is_busy_error(exc):
            return MicrophoneError(
                f"the microphone {device.name!r} is busy or unavailable: another program may be "
                f"using it, or it was unplugged ({exc}). Close that program or choose another microphone.")
        # PortAudio's own words ("Unanticipated host error [PaErrorCode -9999]: '' [<host API not
        # found> error 0]") tell a user nothing (trial 36): plain words, the raw error in the log.
        log.warning("cannot open the microphone %r: %s", device.name, exc)
        return MicrophoneError(
            f"cannot open the microphone {device.name!r}: the sound system did not answer. Check that a "
            f"microphone is connected and switched on, or choose another in Settings (details in the log)")

    def _callback(self, indata: np.ndarray, frames: int, _time_info: Any, status: Any) -> None:
        # The PortAudio thread: copy and return. Never block, log or allocate much here.
        if status:
            self.overflows += 1
        self._queue.put(indata.copy())

    def _finished(self) -> None:
        if not self._closing.is_set():
            self._queue.put(_STREAM_ENDED)

    def _drain(self, timeout: float) -> None:
        """Wait until the writer thread has taken everything queued so far."""
        deadline = time.monotonic() + timeout
        while not self._queue.empty() and time.monotonic() < deadline:
            time.sleep(0.005)

    def _write_loop(self) -> None:
        while True:
            try:
                item = self._queue.get(timeout=0.25)
            except queue.Empty:
                item = None
            if item is _STOP:
                return
            if item is None or item is _STREAM_ENDED:
                if self._closing.is_set():
                    continue
                stalled = (self._writer is not None
                           and time.monotonic() - self._last_audio > self.stall_seconds)
                if item is _STREAM_ENDED:
                    self._fail("stopped sending audio", stream_ended=True)
                    return
                if stalled:
                    self._fail(f"sent no audio for {self.stall_seconds:.0f} seconds")
                    return
                continue
            if isinstance(item, _Flush):
                try:
                    if self._resampler is not None and not self._keep(self._resampler.flush()):
                        return
                finally:
                    item.done.set()
                continue
            self._first_audio.set()
            self._last_audio = time.monotonic()
            mono = to_mono(item)
            if self._resampler is not None:
                mono = self._resampler.process(mono)
            if not self._keep(mono):
                return

    def _keep(self, mono: np.ndarray) -> bool:
        """Write a 16 kHz block to the take and hand it on; False if the take failed."""
        if mono.size == 0:
            return True
        self.level_dbfs = rms_dbfs(mono)
        with self._lock:
            self._recent.append(mono)
            self._recent_samples += mono.size
            while self._recent_samples - self._recent[0].size >= PREROLL_KEEP_SECONDS * SAMPLE_RATE:
                self._recent_samples -= self._recent.popleft().size
            on_block = self._on_block
            round_failure = None
            if self._round_writer is not None and not self._round_paused:
                try:
                    self._round_writer.write(mono)
                except (OSError, ValueError) as exc:
                    round_failure = f"could not be saved ({exc})"
            writer = self._writer
            if writer is None:  # between answers: kept in the round recording only
                failure, callbacks = round_failure, ((on_block, mono),)
            else:
                try:
                    writer.write(mono)
                except (OSError, ValueError) as exc:
                    failure = f"could not be saved ({exc})"
                else:
                    failure = round_failure
                callbacks = ((self._on_level, self.level_dbfs), (self._on_audio, mono), (on_block, mono))
        if failure is not None:
            self._fail(failure)
            return False
        for callback, value in callbacks:
            if callback is not None:
                try:
                    callback(value)
                except Exception:
                    log.exception("microphone callback failed")
        return True

    def _fail(self, what: str, stream_ended: bool = False) -> None:
        """The stream broke: keep the file (flushed and closed), report once, and drop the
        stream so that the next start() opens the device afresh (it may be back)."""
        name = self.device_info.name if self.device_info else "microphone"
        with self._lock:
            writer, self._writer = self._writer, None
            on_error = self._on_error
        seconds = 0.0
        if writer is not None:
            seconds = writer.seconds_written
            writer.close()
        where = (f" The {seconds:.1f} s recorded so far are saved in {self._path}."
                 if writer is not None else "")
        self.error = MicrophoneError(f"the microphone {name!r} {what}; was it unplugged?{where}")
        log.warning("%s", self.error)
        self._closing.set()
        self._stop_source_watch()
        _open_microphones.discard(self)
        stream, self._stream = self._stream, None
        self._thread = None  # this thread, about to return
        if stream is not None:
            try:
                if not stream_ended:  # a stream that ended by itself needs only closing
                    stream.abort(ignore_errors=True)
                stream.close(ignore_errors=True)
            except Exception:
                pass
        if on_error is not None:
            try:
                on_error(self.error)
            except Exception:
                log.exception("on_error callback failed")


# ---------------------------------------------------------------------- PulseAudio sources

_environment_lock = threading.Lock()  # two microphones opening at once must not mix their sources


@contextlib.contextmanager
def _pulse_source(name: str | None) -> Iterator[None]:
    """PULSE_SOURCE=`name` while a stream opens and starts (libpulse reads it when the ALSA
    pulse plugin connects), then as it was: later streams (the echo check's) are not affected."""
    if name is None:
        yield
        return
    with _environment_lock:
        before = os.environ.get("PULSE_SOURCE")
        os.environ["PULSE_SOURCE"] = name
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("PULSE_SOURCE", None)
            else:
                os.environ["PULSE_SOURCE"] = before


POLL_SECONDS = 1.5  # how often the watcher asks pactl (two calls of a few milliseconds)


def pulse_record_streams(pid: int) -> dict[int, PulseSource]:
    """This process's recording streams (source outputs) in PulseAudio, each with the source
    it reads from; {} without pactl or a server, or when the server does not list them."""
    sources = {str(s.index): s for s in all_sources()}
    streams = {}
    for block in _pactl_blocks("source-outputs"):
        if not block[0].startswith("Source Output #") or _field(block, "application.process.id =") != str(pid):
            continue
        source = _field(block, "Source:")
        if source in sources:
            streams[int(block[0][len("Source Output #"):])] = sources[source]
    return streams


def source_change_message(before: PulseSource, now: PulseSource) -> str:
    """What the candidate is told when the input moved (the old one was unplugged, mostly)."""
    hears = ("That input hears what the speakers play (the interviewer's voice), not you. "
             if now.monitor_of is not None or now.name.endswith(".monitor") else "")
    return (f"The microphone changed to {now.label}: check your microphone. {hears}Until now "
            f"{before.label} was used (unplugged?). What was recorded is kept.")
