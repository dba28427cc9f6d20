"""Speaking questions aloud: pyttsx3 synthesizes in a child process, we play the audio.

pyttsx3's run loop hangs or raises "run loop already started" when it is reused from several
threads (pyttsx3 issues #126, #262, #403), and on Linux its `say()` shells out to `aplay`,
which cannot be interrupted and may not be installed. So a dedicated child process owns the
engine and only renders text to a WAV file (`save_to_file` + `runAndWait`, one request at a
time), and this process plays that file with sounddevice on the default output. Stopping
mid-sentence is then just aborting our own output stream.

With no speech engine (pyttsx3 missing, or no espeak-ng library) `available` is False and
`unavailable_reason` says why, once; the app then shows the questions as text.
"""
from __future__ import annotations

import importlib
import json
import logging
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from interviewer.adapters.alsa_quiet import quiet_alsa
from interviewer.errors import UserError

log = logging.getLogger(__name__)

# How long one synthesis may take before the worker is judged hung and restarted.
SYNTH_TIMEOUT_SECONDS = 60.0
STARTUP_TIMEOUT_SECONDS = 30.0
_PLAYBACK_BLOCK_SECONDS = 0.25
# The output device's buffer. PortAudio's latency="high" gave 35 ms on PulseAudio's ALSA device:
# whenever the voice's thread did not run for longer (a busy machine, the app's other threads
# holding the interpreter) the line ran dry mid-sentence (trial 29: ~2 s holes). Half a second
# rides out such stalls (benchmarks/voice_gaps.py); cancel() aborts it, so barge-in is as quick.
# The audio is therefore played up to this long after it is handed over: the echo reference,
# heard() and on_sound are timed from what the device still has queued, not from the hand-over.
OUTPUT_BUFFER_SECONDS = 0.5
# While the device's buffer is full, the voice's thread waits this long before looking again
# (_Utterance._hand_over): it never sits blocked inside PortAudio's write.
_ROOM_POLL_SECONDS = 0.005
# After the last block, how long past the output latency to wait for the buffer to play out
# before stopping the stream (which then drains whatever is left).
_PLAY_OUT_MARGIN_SECONDS = 1.0

# A line's words as [end character, start second in its audio]: what stop() reports as heard.
WordTimes = list[tuple[int, float]]


def estimated_word_times(text: str, seconds: float) -> WordTimes:
    """Word starts for an engine that tells none: the audio's length spread over the characters."""
    return [(m.end(), m.start() / len(text) * seconds) for m in re.finditer(r"\S+", text)]


def chars_heard(words: WordTimes, played_seconds: float) -> int:
    """How much of the text had been played: the end of the last word whose start was played
    (a word counts as heard once it began), 0 before the first."""
    return max((end for end, start in words if start < played_seconds), default=0)


class SpeakerUnavailable(UserError):
    """No speech engine on this machine; the message says what to install."""


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None


class _EngineHost:
    """Owns one pyttsx3 engine and renders text to WAV files, one request at a time."""

    def __init__(self, tts_module: str) -> None:
        self._tts = tts = importlib.import_module(tts_module)
        self.engine = tts.init()
        self.voices = [
            {"id": str(v.id), "name": str(v.name or v.id),
             "languages": [str(lang) for lang in (getattr(v, "languages", None) or [])],
             "gender": getattr(v, "gender", None)}
            for v in (self.engine.getProperty("voices") or [])
        ]
        self.default_rate = int(self.engine.getProperty("rate") or 0)
        self.last_words: WordTimes | None = None  # pyttsx3 tells no word times: estimated from the WAV

    def render(self, text: str, voice: str | None, rate: int | None, path: str) -> str | None:
        """Write `text` as speech to `path`; returns an error message or None."""
        try:
            # A fresh engine for every request: pyttsx3 reuses a cached engine whose command
            # queue, after the first runAndWait, applies property changes one request late.
            self.engine = None  # drop the cached engine so init() builds a new one
            self.engine = self._tts.init()
            if voice:
                self.engine.setProperty("voice", voice)
            if rate:
                self.engine.setProperty("rate", int(rate))
            self.engine.save_to_file(text, path)
            self.engine.runAndWait()
            return None if os.path.getsize(path) > 44 else "the speech engine wrote no audio"
        except BaseException as exc:
            return f"{type(exc).__name__}: {exc}"


class _EspeakHost:
    """pyttsx3's espeak-ng binding driven synchronously (Linux's default pyttsx3 engine).

    pyttsx3's espeak driver runs espeak in its asynchronous mode, and its run loop can return
    before the file is written, or end a request on the previous one's completion event
    (measured: about one request in five came back empty or missing). In espeak's
    AUDIO_OUTPUT_SYNCHRONOUS mode `Synth` returns only after all audio has been delivered.
    """

    def __init__(self) -> None:
        from pyttsx3.drivers import _espeak  # loads libespeak-ng; RuntimeError when missing

        self._espeak = _espeak
        self.sample_rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 0)
        if self.sample_rate == -1:
            raise RuntimeError("could not initialize espeak-ng")
        self._pieces: list[bytes] = []
        # The last render's words from espeak's WORD events: (end character, start second).
        self.last_words: WordTimes | None = None
        self._words: WordTimes = []
        _espeak.SetSynthCallback(self._on_synth)
        self.voices = []
        for v in _espeak.ListVoices(None):
            languages = [v.languages[1:].decode("utf-8", "ignore")] if v.languages else []
            self.voices.append({"id": v.identifier.decode("utf-8").lower(), "name": v.name.decode("utf-8"),
                                "languages": languages, "gender": [None, "Male", "Female"][v.gender]
                                if 0 <= v.gender <= 2 else None})
        current = _espeak.GetCurrentVoice()
        self._default_voice = (current.contents.identifier.decode("utf-8")
                               if current and current.contents.identifier else "en")
        self.default_rate = 175
        _espeak.SetParameter(_espeak.RATE, self.default_rate, 0)

    def _on_synth(self, wav: Any, numsamples: int, events: Any) -> int:
        if numsamples > 0:
            import ctypes

            self._pieces.append(ctypes.string_at(wav, numsamples * 2))
        i = 0
        while events and events[i].type != self._espeak.EVENT_LIST_TERMINATED:
            event = events[i]
            # text_position counts characters from 1; audio_position is ms from the line's start.
            if event.type == self._espeak.EVENT_WORD and event.length > 0:
                self._words.append((event.text_position - 1 + event.length, event.audio_position / 1000))
            i += 1
        return 0

    def render(self, text: str, voice: str | None, rate: int | None, path: str) -> str | None:
        import wave

        espeak = self._espeak
        try:
            if espeak.SetVoiceByName((voice or self._default_voice).encode("utf-8")) != 0:
                return f"unknown voice {voice!r}"
            espeak.SetParameter(espeak.RATE, int(rate or self.default_rate), 0)
            self._pieces, self._words, self.last_words = [], [], None
            espeak.Synth(text, flags=espeak.ENDPAUSE | espeak.CHARS_UTF8)
            espeak.Synchronize()
            self.last_words = sorted(self._words, key=lambda w: w[1]) or None
            with wave.open(path, "wb") as f:
                f.setnchannels(1)
                f.setsampwidth(2)
                f.setframerate(self.sample_rate)
                f.writeframes(b"".join(self._pieces))
            return None if self._pieces else "the speech engine produced no audio"
        except BaseException as exc:
            return f"{type(exc).__name__}: {exc}"


def _make_host(tts_module: str) -> "_EspeakHost | _EngineHost":
    if tts_module == "pyttsx3":
        from pyttsx3.engine import default_engine_by_sys_platform

        if default_engine_by_sys_platform() == "espeak":
            return _EspeakHost()
    return _EngineHost(tts_module)


def serve_stdio(tts_module: str = "pyttsx3") -> None:
    """Entry point of the speech child process: JSON requests on stdin, replies on stdout."""
    from interviewer.startup import prepare_process

    prepare_process("speech")  # its stderr goes nowhere: problems go to speech.log
    # pyttsx3 prints "Audio saved to ..." for every file: keep fd 1 for the protocol only.
    reply = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = open(os.devnull, "w")
    try:
        host = _make_host(tts_module)
    except BaseException as exc:  # ImportError, RuntimeError("could not initialize espeak"), OSError
        log.warning("no speech engine: %s: %s", type(exc).__name__, exc)
        reply.write(json.dumps({"unavailable": f"{type(exc).__name__}: {exc}"}) + "\n")
        return
    reply.write(json.dumps({"voices": host.voices, "rate": host.default_rate}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("quit"):
            return
        error = host.render(request["text"], request.get("voice"), request.get("rate"), request["path"])
        reply.write(json.dumps({"error": error, "words": host.last_words}) + "\n")


class _ProcessWorker:
    """A child Python process running serve_stdio; restarted if it dies or hangs.

    A plain subprocess rather than multiprocessing: 'spawn' re-imports the caller's main
    module, which breaks any script without an `if __name__ == "__main__"` guard.
    """

    def __init__(self, tts_module: str) -> None:
        self._tts_module = tts_module
        self._process: subprocess.Popen | None = None
        self._replies: queue.Queue = queue.Queue()

    def start(self) -> dict:
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        code = "import sys; from interviewer.adapters.speaker import serve_stdio; serve_stdio(sys.argv[1])"
        self._process = subprocess.Popen(
            [sys.executable, "-c", code, self._tts_module], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env)
        self._replies = queue.Queue()
        threading.Thread(target=self._pump, args=(self._process.stdout, self._replies),
                         name="speaker-replies", daemon=True).start()
        return self._read(STARTUP_TIMEOUT_SECONDS, "start")

    @staticmethod
    def _pump(stream: Any, replies: queue.Queue) -> None:
        for line in stream:  # a thread rather than select(): pipes cannot be polled on Windows
            replies.put(line)
        replies.put(None)

    def _read(self, timeout: float, what: str) -> dict:
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise TimeoutError(f"the speech engine did not {what} within {timeout:.0f} s") from None
        if line is None:
            code = self._process.wait(5) if self._process is not None else None
            raise EOFError(f"the speech process exited (status {code})")
        return json.loads(line)

    def render(self, text: str, voice: str | None, rate: int | None, path: str) -> tuple[str | None, WordTimes | None]:
        """(error or None, the words' times when the engine told them)."""
        if self._process is None or self._process.poll() is not None:
            self.start()
        assert self._process is not None and self._process.stdin is not None
        self._process.stdin.write(json.dumps({"text": text, "voice": voice, "rate": rate, "path": path}) + "\n")
        self._process.stdin.flush()
        reply = self._read(SYNTH_TIMEOUT_SECONDS, "finish speaking")
        words = reply.get("words")
        return reply["error"], [(int(end), float(start)) for end, start in words] if words else None

    def kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(5)

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.poll() is None and process.stdin is not None:
                process.stdin.write(json.dumps({"quit": True}) + "\n")
                process.stdin.close()
            process.wait(2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            process.kill()
            process.wait(5)


class _ThreadWorker:
    """In-process fallback for frozen (PyInstaller) builds, where there is no Python to spawn:
    one dedicated thread owns the engine, so its run loop is never re-entered."""

    def __init__(self, tts_module: str) -> None:
        self._tts_module = tts_module
        self._requests: queue.Queue = queue.Queue()
        self._host: _EngineHost | None = None

    def start(self) -> dict:
        started: queue.Queue = queue.Queue()
        threading.Thread(target=self._serve, args=(started,), name="speaker-engine", daemon=True).start()
        return started.get(timeout=STARTUP_TIMEOUT_SECONDS)

    def _serve(self, started: queue.Queue) -> None:
        try:
            self._host = _make_host(self._tts_module)
        except BaseException as exc:
            started.put({"unavailable": f"{type(exc).__name__}: {exc}"})
            return
        started.put({"voices": self._host.voices, "rate": self._host.default_rate})
        while True:
            request = self._requests.get()
            if request is None:
                return
            args, answer = request
            error = self._host.render(*args)
            answer.put((error, self._host.last_words))

    def render(self, text: str, voice: str | None, rate: int | None, path: str) -> tuple[str | None, WordTimes | None]:
        answer: queue.Queue = queue.Queue()
        self._requests.put(((text, voice, rate, path), answer))
        try:
            return answer.get(timeout=SYNTH_TIMEOUT_SECONDS)
        except queue.Empty:
            raise TimeoutError("the speech engine did not finish speaking within 60 s") from None

    def close(self) -> None:
        self._requests.put(None)


class _SynthWorker:
    """Starts the engine host in the background and serializes render requests to it."""

    def __init__(self, tts_module: str, isolation: str) -> None:
        self._host = _ThreadWorker(tts_module) if isolation == "thread" else _ProcessWorker(tts_module)
        self._lock = threading.Lock()  # one request at a time
        self._ready = threading.Event()
        self.voices: list[Voice] = []
        self.default_rate = 0
        self.unavailable_reason: str | None = None
        threading.Thread(target=self._start, name="speaker-start", daemon=True).start()

    def _start(self) -> None:
        try:
            hello = self._host.start()
            if "unavailable" in hello:
                self.unavailable_reason = hello["unavailable"]
            else:
                self.voices = [Voice(v["id"], v["name"], tuple(v["languages"]), v["gender"])
                               for v in hello["voices"]]
                self.default_rate = int(hello["rate"])
        except Exception as exc:
            self.unavailable_reason = f"could not start the speech engine ({exc})"
        finally:
            self._ready.set()

    def wait_ready(self) -> None:
        self._ready.wait(STARTUP_TIMEOUT_SECONDS + 5)

    def synthesize(self, text: str, voice: str | None, rate: int | None, path: Path) -> WordTimes | None:
        """Renders `text` to `path`; its words' times when the engine told them, as positions
        in `text`. The voice reads core.spoken_text.voice_text of it (emoji left out, "3e-4"
        said "3 e minus 4"); the word positions are mapped back to the text shown."""
        from interviewer.core.spoken_text import voice_text

        text, shown = voice_text(text)
        self.wait_ready()
        if self.unavailable_reason is not None or not self._ready.is_set():
            raise SpeakerUnavailable(self.unavailable_reason or "the speech engine is still starting")
        with self._lock:
            try:
                error, words = self._host.render(text, voice, rate, str(path))
            except (EOFError, OSError, TimeoutError, ValueError) as exc:
                if isinstance(self._host, _ProcessWorker):
                    self._host.kill()  # restarted on the next request
                raise RuntimeError(f"the speech engine failed: {exc}") from None
        if error:
            raise RuntimeError(f"speech engine error: {error}")
        if words is None:
            return None
        return [(shown[min(end, len(shown) - 1)], start) for end, start in words]

    def close(self) -> None:
        with self._lock:
            self._host.close()


class Speaker:
    """Implements interviewer.core.ports.Speaker.

    `voice` is a voice id or name from `list_voices()`; `rate` is words per minute.
    The child process starts at construction, in the background; `available` waits for it.
    `isolation` is "process" (default: pyttsx3 in a child Python) or "thread" (in-process,
    used by frozen builds). `sounddevice_module` can be replaced by a fake in tests.
    """

    reports_sound = True  # say() takes on_sound (core.ports.Speaker)

    def __init__(self, voice: str | None = None, rate: int | None = None, *,
                 output_device: int | str | None = None, tts_module: str = "pyttsx3",
                 isolation: str | None = None, sounddevice_module: Any = None) -> None:
        if isolation is None:
            isolation = "thread" if getattr(sys, "frozen", False) else "process"
        self._worker = _SynthWorker(tts_module, isolation)
        self._sd = sounddevice_module
        self.output_device = output_device
        self._voice = voice
        self._rate = rate
        self._state_lock = threading.Lock()
        self._current: _Utterance | None = None
        self._latest: _Utterance | None = None  # still set after stop(), for wait()
        self._reported_unavailable = False
        self.last_error: str | None = None
        # What was played lately, at 16 kHz: the voice detector tells the interviewer's own voice
        # coming back through loudspeakers from the candidate's (adapters/voice.py).
        from interviewer.adapters.voice import PlaybackReference

        self.playback = PlaybackReference()
        self.stopped_at: float | None = None  # monotonic time of the last stop() that cut speech

    # -- availability and settings -------------------------------------------------------
    @property
    def available(self) -> bool:
        self._worker.wait_ready()
        if self._worker.unavailable_reason and not self._reported_unavailable:
            self._reported_unavailable = True
            log.warning("%s", self.unavailable_reason)
        return self._worker.unavailable_reason is None

    @property
    def unavailable_reason(self) -> str | None:
        self._worker.wait_ready()
        reason = self._worker.unavailable_reason
        if reason is None:
            return None
        return (f"No speech engine, so questions will be shown as text ({reason}). "
                "To hear them, install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng) "
                "and the pyttsx3 Python package.")

    def list_voices(self) -> list[Voice]:
        self._worker.wait_ready()
        return list(self._worker.voices)

    @property
    def voice(self) -> str | None:
        return self._voice

    @property
    def rate(self) -> int:
        self._worker.wait_ready()
        return self._rate or self._worker.default_rate

    def set_voice(self, voice: str | None) -> None:
        """Choose a voice by id or name (case-insensitive); None = the engine's default."""
        if voice is None:
            self._voice = None
            return
        voices = self.list_voices()
        wanted = voice.lower()
        for v in voices:
            if wanted in (v.id.lower(), v.name.lower()):
                self._voice = v.id
                return
        english = ", ".join(v.id for v in voices if any(lang.startswith("en") for lang in v.languages))
        raise UserError(f"unknown voice {voice!r}; run `interviewer devices` to list voices"
                        + (f" (English voices: {english})" if english else ""))

    def set_rate(self, words_per_minute: int) -> None:
        if not 60 <= int(words_per_minute) <= 400:
            raise UserError(f"speech rate {words_per_minute} is outside 60-400 words per minute")
        self._rate = int(words_per_minute)

    # -- speaking ------------------------------------------------------------------------
    def save_to_file(self, text: str, path: str | os.PathLike) -> Path:
        """Render `text` to an audio file (blocking). Raises SpeakerUnavailable with no engine."""
        if not self.available:
            raise SpeakerUnavailable(self.unavailable_reason or "no speech engine")
        path = Path(path)
        self._worker.synthesize(text, self._voice, self._rate, path)
        return path

    def say(self, text: str, on_done: Callable[[], None] | None = None,
            on_sound: Callable[[], None] | None = None) -> None:
        """Start speaking and return at once. Stops anything still being spoken first.
        `on_done` fires once, on a background thread, when speech ended, was stopped or failed
        (then `last_error` says why); `on_sound` when its first audio goes to the device."""
        self.stop()
        utterance = _Utterance(self, text, on_done, on_sound)
        with self._state_lock:
            self._current = self._latest = utterance
        utterance.start()

    def stop(self) -> int | None:
        """Stop mid-sentence; the current utterance's on_done fires. Returns how many characters
        of its text had been played (core.ports.Speaker.stop), None when nothing was being said."""
        with self._state_lock:
            current, self._current = self._current, None
        if current is None:
            return None
        heard = current.heard()
        current.cancel()
        self.stopped_at = time.monotonic()
        self.playback.cut(self.stopped_at)
        return heard

    @property
    def speaking(self) -> bool:
        current = self._current
        return current is not None and not current.finished.is_set()

    @property
    def playing_out(self) -> bool:
        """All of the current utterance is with the sound device: what is left plays within the
        output latency, so it counts as said (a pause then need not say it again)."""
        current = self._current
        return current is not None and current.written.is_set() and not current.finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the current utterance is over; False on timeout."""
        latest = self._latest
        return True if latest is None else latest.finished.wait(timeout)

    def close(self) -> None:
        self.stop()
        self._worker.close()

    def _sounddevice(self) -> Any:
        if self._sd is None:
            quiet_alsa()
            import sounddevice

            self._sd = sounddevice
        return self._sd


class _Utterance:
    """One say(): synthesize in the worker, then play on a background thread."""

    def __init__(self, speaker: Speaker, text: str, on_done: Callable[[], None] | None,
                 on_sound: Callable[[], None] | None = None) -> None:
        self._speaker = speaker
        self._text = text
        self._on_done = on_done
        self._on_sound = on_sound
        self._cancelled = threading.Event()
        self.finished = threading.Event()
        self.written = threading.Event()  # every block handed to the device
        self._stream = None
        self._stream_lock = threading.Lock()
        # Held while PortAudio is called on the stream (a write, the final stop, cancel()'s
        # abort): an abort from another thread under a write blocked in Pa_WriteStream made
        # PortAudio's ALSA backend print "Expression '...EndProcessing...' failed" to the
        # terminal at every interruption of the interviewer (trial 24's "after quitting" lines).
        self._io_lock = threading.Lock()
        self._words: WordTimes | None = None  # once synthesized
        self._sound_at: float | None = None  # monotonic time the device plays its first sample
        self._played_limit = 0.0  # seconds of audio handed to the device so far
        self._latency = 0.0  # the output's latency: audio handed over is heard that much later
        self._capacity: int | None = None  # the output buffer's size in frames, if the stream tells
        self._rate = 0  # the stream's sample rate
        self._written = 0  # frames handed to the device so far
        # (monotonic time, frames queued in the device then) at the last write, when it tells its
        # room: the device plays the queue at its rate, so what has been played is known.
        self._queue_mark: tuple[float, int] | None = None

    def heard(self) -> int | None:
        """How many characters of the text had been played by now (chars_heard); 0 before its
        first sound."""
        if self._sound_at is None or self._words is None:
            return 0
        return chars_heard(self._words, self.played_seconds())

    def played_seconds(self, now: float | None = None) -> float:
        """Seconds of the line the device has played by `now`: what was handed over less what it
        still had queued (draining at its rate since the last write); without a queue to go by,
        the time since the first sound less the output latency."""
        now = time.monotonic() if now is None else now
        mark = self._queue_mark
        if mark is not None and self._rate > 0:
            at, queued = mark
            left = max(0.0, queued - (now - at) * self._rate)
            return max(0.0, (self._written - left) / self._rate)
        if self._sound_at is None:
            return 0.0
        return max(0.0, min(self._played_limit, now - self._sound_at - self._latency))

    def start(self) -> None:
        threading.Thread(target=self._run, name="speaker-say", daemon=True).start()

    def cancel(self) -> None:
        self._cancelled.set()
        with self._io_lock:  # a write in progress has room to go into: it returns at once
            with self._stream_lock:
                stream = self._stream  # None once closed (_close_stream): never aborted after
            if stream is not None:
                try:
                    stream.abort()  # drops what is buffered: silence within a few milliseconds
                except Exception:
                    pass

    def _run(self) -> None:
        speaker = self._speaker
        try:
            if not speaker.available:
                speaker.last_error = speaker.unavailable_reason
                return
            with tempfile.TemporaryDirectory(prefix="interviewer-tts-") as folder:
                path = Path(folder) / "utterance.wav"
                self._words = speaker._worker.synthesize(self._text, speaker._voice, speaker._rate, path)
                if self._cancelled.is_set():
                    return
                self._play(path)
            speaker.last_error = None
        except Exception as exc:
            speaker.last_error = str(exc)
            log.warning("speaking failed: %s", exc)
        finally:
            if self._on_done is not None:
                try:
                    self._on_done()
                except Exception:
                    log.exception("on_done callback failed")
            self.finished.set()

    def _hand_over(self, stream: Any, samples: np.ndarray, reference: np.ndarray, first: bool) -> bool:
        """Write `samples` in the pieces the device's buffer has room for, so that no write ever
        waits inside PortAudio and cancel()'s abort never runs under one (_io_lock). A stream
        that cannot tell its room (no write_available) is written as before, blocking. False
        if cancelled first.

        `reference` (the same audio at 16 kHz) goes to the echo reference just before the first
        piece, at the time the device will play it: now plus what it still has queued."""
        done = 0
        while done < len(samples):
            with self._io_lock:
                if self._cancelled.is_set():
                    return False
                room = getattr(stream, "write_available", None)
                if not isinstance(room, int) or self._capacity is None:
                    if done == 0:
                        # Before the device takes it: the microphone can hear a block before
                        # write() returns (adapters/voice.py lays it on a timeline).
                        self._started(time.monotonic(), reference, first, measured=False)
                    stream.write(samples[done:])
                    self._written += len(samples) - done
                    return True
                if room > 0:
                    now = time.monotonic()
                    queued = max(0, self._capacity - room)
                    if done == 0:
                        self._started(now + queued / self._rate, reference, first, measured=True)
                    piece = samples[done:done + room]
                    stream.write(piece)
                    done += len(piece)
                    self._written += len(piece)
                    self._queue_mark = (now, queued + len(piece))
                    continue
            time.sleep(_ROOM_POLL_SECONDS)
        return True

    def _started(self, play_at: float, reference: np.ndarray, first: bool, measured: bool) -> None:
        """A block is about to go to the device and be played from `play_at` (monotonic)."""
        self._speaker.playback.add(reference, at=play_at, first=first, measured=measured)
        if first:
            self._sound_at = play_at

    def _play_out(self, stream: Any) -> None:
        """Let the buffered audio play, then stop the stream. Waited for outside PortAudio (its
        stop() drains under the _io_lock only what is left), so that cancel() can still cut the
        end of the line at once, without racing a blocked call."""
        full = self._capacity
        deadline = time.monotonic() + self._latency + _PLAY_OUT_MARGIN_SECONDS
        while isinstance(full, int) and time.monotonic() < deadline and not self._cancelled.is_set():
            with self._io_lock:
                room = getattr(stream, "write_available", None)
            if not isinstance(room, int) or room >= full:
                break
            time.sleep(_ROOM_POLL_SECONDS)
        with self._io_lock:
            if not self._cancelled.is_set():
                stream.stop()  # waits until what is still buffered has been played

    def _play(self, path: Path) -> None:
        import soundfile

        audio, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
        audio = audio.mean(axis=1)
        if self._words is None and len(self._text) > 0:
            self._words = estimated_word_times(self._text, len(audio) / rate)
        sd = self._speaker._sounddevice()
        device = self._speaker.output_device
        try:
            stream = sd.OutputStream(samplerate=rate, channels=1, dtype="float32", device=device,
                                     latency=OUTPUT_BUFFER_SECONDS)
        except sd.PortAudioError:
            # The device refuses the voice's rate: play at the device's own rate instead.
            from interviewer.adapters.resample import resample

            info = sd.query_devices(device, "output")
            device_rate = int(info["default_samplerate"])
            audio = resample(audio, rate, device_rate)
            rate = device_rate
            stream = sd.OutputStream(samplerate=rate, channels=1, dtype="float32", device=device,
                                     latency=OUTPUT_BUFFER_SECONDS)
        with self._stream_lock:
            self._stream = stream
        if self._cancelled.is_set():
            self._close_stream(stream)
            return
        block = max(1, int(rate * _PLAYBACK_BLOCK_SECONDS))
        from interviewer.adapters.resample import resample

        reference = resample(audio, rate, 16000) if rate != 16000 else audio
        try:
            self._latency = float(getattr(stream, "latency", 0.0) or 0.0)
        except (TypeError, ValueError):
            self._latency = 0.0
        try:
            stream.start()
            room = getattr(stream, "write_available", None)  # the empty buffer's room: its size
            self._capacity = room if isinstance(room, int) and room > 0 else None
            self._rate = rate
            for begin in range(0, len(audio), block):
                if self._cancelled.is_set():
                    return
                if begin == 0 and self._on_sound is not None:
                    try:
                        self._on_sound()
                    except Exception:
                        log.exception("on_sound callback failed")
                self._played_limit = min(len(audio), begin + block) / rate
                if not self._hand_over(stream, np.ascontiguousarray(audio[begin:begin + block]),
                                       reference[begin * 16000 // rate:(begin + block) * 16000 // rate],
                                       first=begin == 0):
                    return
            if not self._cancelled.is_set():
                self.written.set()
                self._play_out(stream)
        except sd.PortAudioError:
            if not self._cancelled.is_set():
                raise
        finally:
            self._close_stream(stream)

    def _close_stream(self, stream: Any) -> None:
        with self._io_lock:  # not while cancel() aborts it
            with self._stream_lock:
                self._stream = None
            stream.close(ignore_errors=True)
