"""Trial 29 (D1): the voice's output buffer is now half a second (speaker.OUTPUT_BUFFER_SECONDS),
so audio is played up to that long after it is handed over. The echo reference (what the
round's echo checks and the voice detector compare the microphone with) and what stop()
reports as heard must follow when the device PLAYS the audio: with a half-second buffer timed
from the hand-over, the round's echo checks measured a delay drifting 0.12 -> 0.22 s and no
longer found the loudspeakers (tests/gui/test_loudspeaker_round.py)."""
from __future__ import annotations

import threading
import time

import numpy as np

from interviewer.adapters.speaker import Speaker, chars_heard

from .fake_sounddevice import FakeOutputStream, FakeSoundDevice

TEXT = ("Tell me about a model you were responsible for in production, and what happened on the "
        "day it broke, and how you found out.")
BUFFER_SECONDS = 0.5


class QueuedOutputStream(FakeOutputStream):
    """A device buffer of BUFFER_SECONDS (whatever latency is asked for) played in real time,
    except that the device itself stops playing for `pause` seconds once it has played
    `pause_after` seconds (a hiccup of the sound server). Keeps when each sample is played."""

    def __init__(self, owner, rate, pause_after, pause):
        super().__init__(owner, rate)
        self.capacity = int(rate * BUFFER_SECONDS)
        self.latency = BUFFER_SECONDS
        self.pause_after, self.pause = pause_after, pause
        self.queue = 0.0  # frames waiting
        self.played_frames = 0.0
        self.at: float | None = None  # last advance (None before the first write)
        self.paused_until: float | None = None
        self.starts: list[tuple[float, int]] = []  # (play time, frame index) of each stretch played
        self.lock = threading.Lock()

    def _advance(self, now):
        if self.at is None or self.aborted:
            return
        t = self.at
        while t < now and self.queue > 0:
            if self.paused_until is not None and t < self.paused_until:
                t = min(now, self.paused_until)
                continue
            span = now - t
            if self.paused_until is None:  # the pause begins once pause_after seconds were played
                span = min(span, max(0.0, self.pause_after - self.played_frames / self.samplerate))
            frames = min(self.queue, span * self.samplerate)
            if not self.starts or abs(self.starts[-1][1] + (t - self.starts[-1][0]) * self.samplerate
                                      - self.played_frames) > 1:
                self.starts.append((t, int(self.played_frames)))
            self.queue -= frames
            self.played_frames += frames
            t += frames / self.samplerate
            if self.paused_until is None and self.played_frames / self.samplerate >= self.pause_after - 1e-9:
                self.paused_until = t + self.pause
            if frames == 0 and self.paused_until is not None and t >= self.paused_until:
                break
        self.at = now

    def play_time(self, frame):
        """When the device played frame number `frame`."""
        start, index = max((s for s in self.starts if s[1] <= frame), key=lambda s: s[1])
        return start + (frame - index) / self.samplerate

    @property
    def write_available(self) -> int:
        with self.lock:
            self._advance(time.monotonic())
            return int(self.capacity - self.queue)

    def write(self, block):
        if self.aborted:
            raise self.owner.PortAudioError("Stream is stopped", -9983)
        with self.lock:
            now = time.monotonic()
            self._advance(now)
            if self.at is None:
                self.at = now
            assert len(block) <= self.capacity - self.queue + 1, "a write beyond the room would block"
            self.queue += len(block)
        self.owner.played.append(np.array(block))

    def abort(self):
        with self.lock:
            self._advance(time.monotonic())
            self.aborted = True


class QueuedDevice(FakeSoundDevice):
    def __init__(self, pause_after=1e9, pause=0.0):
        super().__init__()
        self.pause_after, self.pause = pause_after, pause
        self.streams_out: list[QueuedOutputStream] = []

    def OutputStream(self, *, samplerate, channels, dtype, device=None, latency=None):
        stream = QueuedOutputStream(self, int(samplerate), self.pause_after, self.pause)
        self.streams_out.append(stream)
        return stream


def test_the_echo_reference_follows_when_the_device_plays_the_line():
    fake = QueuedDevice(pause_after=1.0, pause=0.2)
    speaker = Speaker(sounddevice_module=fake)
    try:
        done = threading.Event()
        speaker.say(TEXT, done.set)
        assert done.wait(30) and speaker.last_error is None
        stream = fake.streams_out[-1]
        total = sum(len(b) for b in fake.played)
        assert total / stream.samplerate > 3.0, "the line is long enough to hand over well ahead"
        played_end = stream.play_time(total - 1) + 1 / stream.samplerate
        first = stream.play_time(0)
        reference_end = speaker.playback.last_end()
        assert reference_end is not None
        # Timed from the hand-over, the line's end was 0.2 s early (the device's pause is not
        # seen when the blocks are only laid end to end).
        assert abs(reference_end - played_end) < 0.06, (round(reference_end - played_end, 3),
                                                        round(played_end - first, 3))
    finally:
        speaker.close()


def test_stop_reports_what_the_device_had_played_not_what_was_handed_over():
    fake = QueuedDevice()
    speaker = Speaker(sounddevice_module=fake)
    try:
        speaker.say(TEXT)
        deadline = time.monotonic() + 30
        while (not fake.streams_out or speaker._latest._words is None) and time.monotonic() < deadline:
            time.sleep(0.01)
        words = speaker._latest._words
        # Just after a word began: timed from the hand-over (half a second early) it is not heard.
        target = min(start for _, start in words if start >= 1.5) + 0.1
        stream = fake.streams_out[-1]
        while stream.played_frames < target * stream.samplerate and time.monotonic() < deadline:
            time.sleep(0.005)
        heard = speaker.stop()
        played = stream.played_frames / stream.samplerate
        assert played >= target
        assert chars_heard(words, played - 0.08) <= heard <= chars_heard(words, played + 0.08), (
            heard, chars_heard(words, played), round(played, 2))
    finally:
        speaker.close()
