"""A stand-in for the sounddevice module that can fail on purpose.

Like Buzz's mock_sounddevice it replays real audio into the stream callback in blocks, but it
can also refuse sample rates or channel counts, fail at open or start, and stop mid-answer
(as an unplugged microphone does). Only what the adapters use is implemented.
"""
from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import numpy as np


class PortAudioError(Exception):
    """Same shape as sounddevice.PortAudioError: args = (message, PaErrorCode)."""


INVALID_SAMPLE_RATE = -9997
INVALID_CHANNEL_COUNT = -9998
DEVICE_UNAVAILABLE = -9985


def device(name: str, inputs: int = 2, outputs: int = 0, rate: float = 48000.0) -> dict:
    return {"name": name, "hostapi": 0, "max_input_channels": inputs, "max_output_channels": outputs,
            "default_samplerate": rate, "default_low_input_latency": 0.01}


class FakeSoundDevice:
    PortAudioError = PortAudioError

    def __init__(self, devices: list[dict] | None = None, default: tuple[int, int] = (0, -1),
                 audio: np.ndarray | None = None, audio_rate: int = 16000, refuse_rates: set[int] = frozenset(),
                 accepted_channels: set[int] | None = None, open_error: Exception | None = None,
                 start_error: Exception | None = None, fail_after_seconds: float | None = None,
                 failure: str = "finished", speed: float = 10.0) -> None:
        self.devices = [dict(d, index=i) for i, d in enumerate(devices if devices is not None
                                                               else [device("Fake USB microphone")])]
        self.default = SimpleNamespace(device=list(default))
        self.audio = np.zeros(0, dtype=np.float32) if audio is None else np.asarray(audio, np.float32)
        self.audio_rate = audio_rate
        self.refuse_rates = set(refuse_rates)
        self.accepted_channels = accepted_channels  # None: any channel count
        self.open_error = open_error
        self.start_error = start_error
        self.fail_after_seconds = fail_after_seconds
        self.failure = failure  # "finished": the stream ends itself; "stall": callbacks just stop
        self.speed = speed  # how much faster than real time blocks are delivered
        self.open_attempts: list[tuple[int, int]] = []
        self.output_attempts: list[int] = []  # sample rates output streams were asked for
        self.hold = threading.Event()  # set: input streams deliver nothing until it is cleared
        self.streams: list[FakeInputStream] = []
        self.played: list[np.ndarray] = []

    def query_devices(self, device=None, kind=None):
        if device is None and kind is None:
            return list(self.devices)
        if kind in ("input", "output") and (device is None or isinstance(device, int)):
            return self.devices[self.default.device[kind == "output"] if device is None else device]
        raise NotImplementedError("the adapters list all devices, or ask for one by number or kind")

    def query_hostapis(self):
        return [{"name": "FakeAPI"}]

    def InputStream(self, *, device, samplerate, channels, dtype, blocksize, callback, finished_callback=None,
                    latency=None):
        self.open_attempts.append((int(samplerate), int(channels)))
        if self.open_error is not None:
            raise self.open_error
        if int(samplerate) in self.refuse_rates:
            raise PortAudioError("Error opening InputStream: Invalid sample rate [PaErrorCode -9997]",
                                 INVALID_SAMPLE_RATE)
        if self.accepted_channels is not None and channels not in self.accepted_channels:
            raise PortAudioError("Error opening InputStream: Invalid number of channels [PaErrorCode -9998]",
                                 INVALID_CHANNEL_COUNT)
        stream = FakeInputStream(self, int(samplerate), int(channels), int(blocksize), callback, finished_callback)
        self.streams.append(stream)
        return stream

    def OutputStream(self, *, samplerate, channels, dtype, device=None, latency=None):
        self.output_attempts.append(int(samplerate))
        if int(samplerate) in self.refuse_rates:
            raise PortAudioError("Error opening OutputStream: Invalid sample rate [PaErrorCode -9997]",
                                 INVALID_SAMPLE_RATE)
        return FakeOutputStream(self, int(samplerate))


class FakeInputStream:
    def __init__(self, owner: FakeSoundDevice, rate: int, channels: int, blocksize: int, callback,
                 finished_callback) -> None:
        self.owner = owner
        self.samplerate = rate
        self.channels = channels
        self.blocksize = blocksize
        self.callback = callback
        self.finished_callback = finished_callback
        self.active = False
        self.closed = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.frames_delivered = 0
        # The "room": the owner's audio as this device would deliver it at its own rate.
        source = owner.audio
        if source.size and rate != owner.audio_rate:
            n = int(round(source.size * rate / owner.audio_rate))
            source = np.interp(np.arange(n) * owner.audio_rate / rate, np.arange(source.size), source)
        self.source = source.astype(np.float32)

    def start(self) -> None:
        if self.owner.start_error is not None:
            raise self.owner.start_error
        self.active = True
        self._thread = threading.Thread(target=self._deliver, daemon=True)
        self._thread.start()

    def _deliver(self) -> None:
        position = 0
        delivered = 0.0
        while not self._stop.is_set():
            fail_at = self.owner.fail_after_seconds
            if fail_at is not None and delivered >= fail_at:
                if self.owner.failure == "finished":
                    self.active = False
                    if self.finished_callback is not None:
                        self.finished_callback()
                return  # "stall": no more callbacks, the stream stays "active"
            if self.owner.hold.is_set():
                time.sleep(0.005)
                continue
            block = self.source[position:position + self.blocksize]
            if block.size < self.blocksize:  # after the recording: silence
                block = np.concatenate([block, np.zeros(self.blocksize - block.size, np.float32)])
            position += self.blocksize
            frames = np.repeat(block[:, None], self.channels, axis=1)
            self.callback(frames, self.blocksize, None, None)
            self.frames_delivered += self.blocksize
            delivered += self.blocksize / self.samplerate
            time.sleep(self.blocksize / self.samplerate / self.owner.speed)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self.active:
            self.active = False
            if self.finished_callback is not None:
                self.finished_callback()

    def abort(self, ignore_errors: bool = True) -> None:
        self.stop()

    def close(self, ignore_errors: bool = True) -> None:
        self.stop()
        self.closed = True


class FakeOutputStream:
    """Plays at `speed` times real time and keeps what was written, to test stopping."""

    def __init__(self, owner: FakeSoundDevice, rate: int) -> None:
        self.owner = owner
        self.samplerate = rate
        self.aborted = False

    def start(self) -> None:
        pass

    def write(self, block: np.ndarray) -> None:
        if self.aborted:
            raise PortAudioError("Stream is stopped", -9983)
        self.owner.played.append(np.array(block))
        time.sleep(len(block) / self.samplerate / self.owner.speed)

    def stop(self) -> None:
        pass

    def abort(self) -> None:
        self.aborted = True

    def close(self, ignore_errors: bool = True) -> None:
        pass
