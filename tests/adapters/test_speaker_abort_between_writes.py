"""Trial 24 (C3): after a session the terminal showed PortAudio's "Expression 'res' failed in
'src/hostapi/alsa/pa_linux_alsa.c', line: 3502 ... PaAlsaStream_EndProcessing( stream, framesGot,
&xrun )" lines, three per interruption of the interviewer. They are not from the app's shutdown
order (no stream outlives Pa_Terminate, no device is probed at exit): they come from
Pa_WriteStream (framesGot is its variable) failing because the voice's stream was aborted from
another thread (Speaker.stop) while its thread sat blocked in that write. The voice now writes
only what the device's buffer has room for, so abort() never runs under a write, and an
interruption still cuts the voice at once."""
from __future__ import annotations

import threading
import time

import numpy as np

from interviewer.adapters.speaker import Speaker

from .fake_sounddevice import FakeOutputStream, FakeSoundDevice

LONG_TEXT = ("Walk me through how you would design a recommendation system for a video platform "
             "with millions of users, starting from the data you would collect.")


class BufferedOutputStream(FakeOutputStream):
    """PortAudio's blocking output: a buffer of `capacity` frames played in real time; write()
    blocks (inside PortAudio) until there is room; write_available tells the room."""

    capacity_seconds = 0.1

    def __init__(self, owner, rate):
        super().__init__(owner, rate)
        self.capacity = int(rate * self.capacity_seconds)
        self._buffered, self._at = 0.0, time.monotonic()
        self._lock = threading.Lock()
        self.writing = 0  # writes inside PortAudio now
        owner.aborts_under_a_write = getattr(owner, "aborts_under_a_write", [])

    def _drain(self):
        now = time.monotonic()
        self._buffered = max(0.0, self._buffered - (now - self._at) * self.samplerate)
        self._at = now

    @property
    def write_available(self) -> int:
        with self._lock:
            self._drain()
            return int(self.capacity - self._buffered)

    def write(self, block):
        with self._lock:
            self.writing += 1
        try:
            left = len(block)
            while left:
                if self.aborted:
                    raise self.owner.PortAudioError("Unanticipated host error", -9999)
                with self._lock:
                    self._drain()
                    n = min(left, int(self.capacity - self._buffered))
                    self._buffered += n
                left -= n
                if left:
                    time.sleep(0.005)  # blocked in Pa_WriteStream until the device takes more
            self.owner.played.append(np.array(block))
        finally:
            with self._lock:
                self.writing -= 1

    def abort(self):
        with self._lock:
            self.owner.aborts_under_a_write.append(self.writing > 0)
        super().abort()


class BufferedDevice(FakeSoundDevice):
    def OutputStream(self, *, samplerate, channels, dtype, device=None, latency=None):
        return BufferedOutputStream(self, int(samplerate))


def test_stopping_the_voice_never_aborts_its_stream_under_a_write():
    fake = BufferedDevice()
    speaker = Speaker(sounddevice_module=fake)
    try:
        for _ in range(3):  # interrupted three times, at different points of its blocks
            done = threading.Event()
            speaker.say(LONG_TEXT, done.set)
            deadline = time.monotonic() + 20
            while not fake.played and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(0.13)
            assert speaker.speaking
            stopped_at = time.monotonic()
            speaker.stop()
            assert done.wait(2) and time.monotonic() - stopped_at < 0.2  # cut at once
            fake.played.clear()
        assert fake.aborts_under_a_write == [False, False, False]
    finally:
        speaker.close()


def test_a_line_not_interrupted_plays_to_its_end():
    fake = BufferedDevice(speed=1.0)
    speaker = Speaker(sounddevice_module=fake)
    try:
        done = threading.Event()
        speaker.say("Next question.", done.set)
        assert done.wait(20)
        assert fake.played and not getattr(fake, "aborts_under_a_write", [])
    finally:
        speaker.close()
