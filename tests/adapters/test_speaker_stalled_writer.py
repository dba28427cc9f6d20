"""Trial 29 (D1): on a loaded 2-core machine the interviewer's voice stalled mid-sentence, a
blip then about 2 s of silence, ~20 times a round. The voice's thread refills the output
device's buffer, and PortAudio's latency="high" gave a buffer of 35 ms on PulseAudio's ALSA
device: whenever that thread did not run for longer (the machine busy, the app's other threads
holding the interpreter), the stream ran dry mid-line. The voice now asks for a buffer of
half a second (speaker.OUTPUT_BUFFER_SECONDS), which rides out such stalls, and times the echo
reference and what was heard from what the device still has queued (test_speaker_play_times.py)."""
from __future__ import annotations

import threading
import time

import numpy as np

from interviewer.adapters.speaker import Speaker

from .fake_sounddevice import FakeOutputStream, FakeSoundDevice

TEXT = ("Tell me about a model you were responsible for in production, and what happened on the "
        "day it broke.")
# PortAudio's latency="high" on PulseAudio's ALSA device: 955 frames at 22050 Hz (measured).
HIGH_LATENCY_SECONDS = 0.035
STALL_SECONDS = 0.3


class RealTimeOutputStream(FakeOutputStream):
    """A device buffer of the requested latency played in real time. The voice's thread is
    descheduled for STALL_SECONDS after its second write (as on a loaded machine); `starved`
    counts writes that came after the buffer had run dry mid-line (an audible hole)."""

    def __init__(self, owner, rate, latency):
        super().__init__(owner, rate)
        seconds = HIGH_LATENCY_SECONDS if latency in (None, "high", "low") else float(latency)
        self.capacity = int(rate * seconds)
        self.latency = seconds
        self._buffered, self._at, self._dry_since = 0.0, time.monotonic(), None
        self._lock = threading.Lock()
        self.writes = 0

    def _drain(self):
        now = time.monotonic()
        left = self._buffered - (now - self._at) * self.samplerate
        if left <= 0 and self._buffered > 0:
            self._dry_since = self._at + self._buffered / self.samplerate
        self._buffered, self._at = max(0.0, left), now

    @property
    def write_available(self) -> int:
        with self._lock:
            self._drain()
            return int(self.capacity - self._buffered)

    def write(self, block):
        if self.aborted:
            raise self.owner.PortAudioError("Stream is stopped", -9983)
        with self._lock:
            self._drain()
            if self.writes and self._dry_since is not None and time.monotonic() - self._dry_since > 0.02:
                self.owner.starved.append(time.monotonic() - self._dry_since)
            self._dry_since = None
            assert len(block) <= self.capacity - self._buffered + 1, "a write beyond the room would block"
            self._buffered += len(block)
            self.writes += 1
        self.owner.played.append(np.array(block))
        if self.writes == 2:
            time.sleep(STALL_SECONDS)  # the voice's thread does not run for a while


class RealTimeDevice(FakeSoundDevice):
    def __init__(self):
        super().__init__()
        self.starved: list[float] = []
        self.streams_out: list[RealTimeOutputStream] = []

    def OutputStream(self, *, samplerate, channels, dtype, device=None, latency=None):
        stream = RealTimeOutputStream(self, int(samplerate), latency)
        self.streams_out.append(stream)
        return stream


def test_a_stalled_voice_thread_leaves_no_hole_in_the_line():
    fake = RealTimeDevice()
    speaker = Speaker(sounddevice_module=fake)
    try:
        done = threading.Event()
        speaker.say(TEXT, done.set)
        assert done.wait(30)
        assert speaker.last_error is None
        assert sum(len(b) for b in fake.played) > 0
        assert fake.starved == [], f"the line ran dry for {[round(s, 2) for s in fake.starved]} s"
    finally:
        speaker.close()

