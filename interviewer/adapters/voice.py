"""When does the candidate start talking? A voice detector that ignores the interviewer's own voice.

With headphones the microphone hears only the candidate; with loudspeakers it also hears the
interviewer, which must not count as the candidate talking over it (barge-in). The app knows
what it plays: the speaker hands every block to a `PlaybackReference` (16 kHz) just before the
output device takes it, on one continuous timeline per utterance. The detector puts the
microphone on a timeline of its own (sample count from the earliest arrival) and compares,
every 20 ms frame, the microphone's spectrum (24 mel bands) with the echo the played sound
predicts:

- delay: the lag (0-1 s) at which the played sound's loudness contour best matches the
  microphone's, over the last seconds (correlation of log energies); until that is clear, any
  lag in the window is allowed (a conservative echo estimate);
- room: reverberation keeps a sound in the room after it was played, so the predicted echo in
  a band is the loudest played sound at that delay, or just before it, decaying by
  `reverb_db_per_frame` for up to `reverb_frames`;
- coupling: per band, how loud the microphone hears the speaker (the 90th percentile of
  heard / predicted over recent frames where the interviewer was playing and no voice was
  detected); `initial_coupling_db` until there are enough of them. When the device check found
  headphones (`headphones`), the microphone is assumed not to hear the speaker
  (`HEADPHONES_COUPLING_DB`) until an echo shows itself (a clear delay): learning the coupling
  from frames that do not follow what was played would take a candidate who talks from the
  interviewer's first word for its echo, and hear them only a second or more later.

Only the part of a frame's energy that exceeds `echo_margin_db` over the predicted echo can be
the candidate. A frame is voiced when that part is louder than `threshold_dbfs`; `onset_frames`
voiced frames in a row start the voice (on_voice is called once), and `release_seconds`
without one end it. In a room noisier than a quiet one, a frame must also rise `MARGIN_DB` over
the room's noise floor (core/noise_floor.py, from 0.1 s levels): a room at -40 dBFS took a
quarter to all of its frames for a voice (benchmarks/human_live.py), each onset a false barge-in. With no reference (or nothing played lately) it is a plain level detector.
Runs on the microphone's thread; `on_voice` must be thread-safe.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable

import numpy as np

from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.noise_floor import NoiseFloor

HOP = SAMPLE_RATE // 50  # 20 ms frames
_FFT = 512
_BANDS = 24
_ACTIVE_POWER = 1e-7  # played-sound power per frame below this (about -70 dBFS) is silence
# Headphones: the device check's "no echo" means under -45 dB (EchoCheck); assume quieter still.
HEADPHONES_COUPLING_DB = -50.0


class PlaybackReference:
    """What the speaker handed to the output device, at 16 kHz, on a timeline of monotonic seconds.

    Blocks of one utterance are laid end to end from the time its first block was handed over
    (the device plays them at its own steady rate), so the timeline does not carry the jitter
    of each hand-over. A block handed over long after the timeline's end starts anew."""

    MEASURED_SLACK = 0.04  # seconds: jitter of a measured play time (add(measured=True))

    def __init__(self, keep_seconds: float = 8.0) -> None:
        self.keep_seconds = keep_seconds
        self._pieces: deque[tuple[float, np.ndarray]] = deque()  # (start time, samples)
        self._end: float | None = None
        self._lock = threading.Lock()

    def add(self, samples: np.ndarray, at: float | None = None, *, first: bool = False,
            measured: bool = False) -> None:
        """`samples` are about to be played; `first` marks the start of an utterance.

        `measured`: `at` is when the device will play their first sample, from how much it still
        had queued (the speaker's output buffer holds up to half a second, so the hand-over
        time says little): they follow the timeline's end unless that is more than
        MEASURED_SLACK off, and then start at `at` (the device's own playback fell behind)."""
        at = time.monotonic() if at is None else at
        samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        with self._lock:
            end = self._end
            if measured:
                follows = end is not None and abs(at - end) <= self.MEASURED_SLACK
            else:
                follows = end is not None and end - 2.0 <= at <= end + 0.1
            start = end if (not first and follows) else at
            self._pieces.append((start, samples))
            self._end = start + samples.size / SAMPLE_RATE
            while self._pieces and self._pieces[0][0] + self._pieces[0][1].size / SAMPLE_RATE < at - self.keep_seconds:
                self._pieces.popleft()

    def cut(self, at: float) -> None:
        """Playback stopped at `at`: nothing handed over after it will be heard."""
        with self._lock:
            kept: deque[tuple[float, np.ndarray]] = deque()
            for start, samples in self._pieces:
                if start < at:
                    kept.append((start, samples[: max(0, int(round((at - start) * SAMPLE_RATE)))]))
            self._pieces = kept
            if self._end is not None:
                self._end = min(self._end, at)

    def last_end(self) -> float | None:
        with self._lock:
            return self._end

    def segment(self, start: float, count: int) -> np.ndarray:
        """`count` samples of what was played from `start` on (zeros where nothing was)."""
        out = np.zeros(count, dtype=np.float32)
        with self._lock:
            pieces = list(self._pieces)
        for piece_start, samples in pieces:
            offset = int(round((piece_start - start) * SAMPLE_RATE))
            first, last = max(0, offset), min(count, offset + samples.size)
            if first < last:
                out[first:last] = samples[first - offset:last - offset]
        return out


def _mel_filters() -> np.ndarray:
    """Triangular mel bands from 100 Hz to 7 kHz over the rfft bins (bands x bins)."""
    def mel(f):
        return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)

    edges_hz = 700.0 * (10 ** (np.linspace(mel(100.0), mel(7000.0), _BANDS + 2) / 2595.0) - 1.0)
    bins = np.fft.rfftfreq(_FFT, 1.0 / SAMPLE_RATE)
    filters = np.zeros((_BANDS, bins.size))
    for b in range(_BANDS):
        low, mid, high = edges_hz[b:b + 3]
        filters[b] = np.clip(np.minimum((bins - low) / (mid - low), (high - bins) / (high - mid)), 0.0, None)
    return filters


_FILTERS = _mel_filters()
_WINDOW = np.hanning(HOP).astype(np.float64)


def band_powers(frames: np.ndarray) -> np.ndarray:
    """Mel band powers of 20 ms frames (frames x HOP -> frames x bands)."""
    spectrum = np.abs(np.fft.rfft(frames * _WINDOW, _FFT, axis=1)) ** 2
    return spectrum @ _FILTERS.T / HOP


class VoiceDetector:
    def __init__(self, on_voice: Callable[[], None],
                 reference: Callable[[], PlaybackReference | None] | None = None, *,
                 threshold_dbfs: float = -42.0, onset_frames: int = 3, release_seconds: float = 0.6,
                 max_delay: float = 1.0, reverb_frames: int = 25, reverb_db_per_frame: float = 2.0,
                 echo_margin_db: float = 6.0, initial_coupling_db: float = 6.0, min_unexplained: float = 0.3,
                 delay_slack: int = 2, headphones: bool = False,
                 now: Callable[[], float] = time.monotonic) -> None:
        self.on_voice = on_voice
        self._reference = reference
        self.threshold_dbfs = threshold_dbfs
        self.onset_frames = onset_frames
        self.release_seconds = release_seconds
        self.max_lag = int(round(max_delay * SAMPLE_RATE / HOP))
        self.reverb_frames = reverb_frames
        self.reverb_db_per_frame = reverb_db_per_frame
        self.echo_margin = 10 ** (echo_margin_db / 10)
        self.headphones = headphones
        self.initial_coupling = 10 ** ((HEADPHONES_COUPLING_DB if headphones else initial_coupling_db) / 10)
        self.min_unexplained = min_unexplained
        self.delay_slack = delay_slack
        self._now = now
        self._run = 0
        self.active = False
        self._last_voiced = -1e9
        self.onsets: list[float] = []  # when voice started (monotonic), for benchmarks
        self.frames = self.voiced_frames = 0  # how much was taken for a voice (tests, benchmarks)
        # The microphone's timeline: monotonic time of its sample 0 (earliest arrival seen).
        self._samples = 0
        self._anchor: float | None = None
        self._late_blocks = 0
        self._pending = np.zeros(0, dtype=np.float32)
        # Recent frames, oldest first: mic band powers, played band powers at the same time
        # (lag 0), whether the frame was voiced.
        self._history_frames = 400 + self.max_lag + reverb_frames
        self._mic = np.zeros((0, _BANDS))
        self._played = np.zeros((0, _BANDS))
        self._voiced = np.zeros(0, dtype=bool)
        self.delay_frames: int | None = None  # the echo's delay, once clear (diagnostics)
        self.coupling: np.ndarray | None = None  # per band, heard / predicted (diagnostics)
        self._blocks = 0
        self.room = NoiseFloor()
        self._room_power, self._room_frames = 0.0, 0  # frames summed into the next 0.1 s level

    # -- the microphone's timeline ----------------------------------------------------------
    def _frame_times(self, count: int) -> float:
        """Monotonic time of the first of the `count` samples just received."""
        now = self._now()
        self._samples += count
        anchor = now - self._samples / SAMPLE_RATE
        if self._anchor is None or anchor < self._anchor:
            self._anchor, self._late_blocks = anchor, 0
        elif anchor - self._anchor > 0.3:  # blocks were dropped: start the timeline again
            self._late_blocks += 1
            if self._late_blocks >= 3:
                self._anchor, self._late_blocks = anchor, 0
        else:
            self._late_blocks = 0
        return self._anchor + (self._samples - count) / SAMPLE_RATE

    # -- echo model -------------------------------------------------------------------------
    def _lag_weights(self) -> np.ndarray:
        """Weight of the played sound at each lag (0..max_lag + reverb) in the predicted echo."""
        lags = np.arange(self.max_lag + self.reverb_frames + 1)
        if self.delay_frames is None:
            return np.where(lags <= self.max_lag, 1.0, 10 ** (-(lags - self.max_lag) * self.reverb_db_per_frame / 10))
        # The delay is known to a frame or two (both timelines jitter): any lag within
        # `delay_slack` frames counts in full, later ones as the room's decaying reverberation.
        after = lags - (self.delay_frames + self.delay_slack)
        weights = np.where(after <= 0, 1.0, 10 ** (-after * self.reverb_db_per_frame / 10))
        weights[lags < self.delay_frames - self.delay_slack] = 0.0
        weights[after > self.reverb_frames] = 0.0
        return weights

    def _predicted(self, played: np.ndarray, first: int, count: int) -> np.ndarray:
        """Echo per band for frames first..first+count of the history (before coupling)."""
        weights = self._lag_weights()
        out = np.zeros((count, _BANDS))
        for lag in np.flatnonzero(weights):
            lo = first - lag
            if lo + count <= 0:
                continue
            src = played[max(0, lo):lo + count]
            if src.size:
                out[count - src.shape[0]:] = np.maximum(out[count - src.shape[0]:], weights[lag] * src)
        return out

    def _estimate_delay(self) -> None:
        # Loudness contours, floored at -60 dB so that digital silence does not dominate.
        total_mic = np.log10(np.maximum(self._mic.sum(axis=1), 1e-6))
        total_played = np.log10(np.maximum(self._played.sum(axis=1), 1e-6))
        active = self._played.sum(axis=1) > _ACTIVE_POWER
        # The last 3 s: long enough for a clear match, short enough to follow a changed delay.
        span = min(150, total_mic.size - self.max_lag)
        if span < 50:  # under a second in view: keep what we had
            return
        # Frames where a voice was heard say nothing about the echo: left out. So is a
        # microphone that hears nothing while the interviewer plays (headphones).
        keep = ~self._voiced[-span:]
        if self.headphones and self.delay_frames is None:
            # Assuming no echo, a loud one is taken for a voice: look at every frame to find it
            # (a candidate's voice does not follow the played contour, so it only lowers r).
            keep = np.ones(span, dtype=bool)
        mic = total_mic[-span:][keep]
        if active[-span:][keep].sum() < 25 or (mic > -5.9).sum() < 25:
            return
        best, best_lag = -1.0, None
        for lag in range(self.max_lag + 1):
            played = total_played[total_played.size - span - lag: total_played.size - lag][keep]
            if played.std() < 1e-6 or mic.std() < 1e-6:
                continue
            r = float(np.corrcoef(mic, played)[0, 1])
            if r > best:
                best, best_lag = r, lag
        if best >= 0.5:
            self.delay_frames = best_lag

    def _calibrate(self) -> None:
        """Coupling per band from recent frames where the interviewer played and no one spoke."""
        size = self._mic.shape[0]
        direct = self._predicted(self._played, 0, size)  # the played sound at the echo's delay
        usable = (direct.sum(axis=1) > _ACTIVE_POWER * 10) & ~self._voiced
        if usable.sum() < 25:
            return
        # Per band, only frames where the played sound was strong in that band (within 30 dB
        # of its loudest): in its quiet frames the ratio says more about noise than coupling.
        strong = direct[usable] > 1e-3 * direct[usable].max(axis=0, keepdims=True)
        ratio = np.where(strong, self._mic[usable] / np.maximum(direct[usable], 1e-12), np.nan)
        enough = strong.sum(axis=0) >= 10
        if not enough.any():
            return
        coupling = np.nanpercentile(np.where(enough, ratio, np.nan), 95, axis=0) if enough.all() else None
        if coupling is None:
            overall = float(np.nanpercentile(ratio[:, enough], 95))
            coupling = np.array([float(np.nanpercentile(ratio[:, b], 95)) if enough[b] else overall
                                 for b in range(_BANDS)])
        self.coupling = coupling

    # -- detection --------------------------------------------------------------------------
    def rearm(self) -> None:
        """Take a voice that goes on from now as starting again (on_voice once more): the
        interviewer starts a reply while the candidate's voice is still counted as going on
        (it paused less than `release_seconds`), and their talking must interrupt it. Any thread."""
        self.active = False
        self._run = 0

    def _hear_room(self, frames: np.ndarray, now: float) -> None:
        """Feed the noise floor 0.1 s levels (as the silence tracker's), whatever the block size."""
        per_level = 5
        for power in np.mean(frames ** 2, axis=1):
            self._room_power += float(power)
            self._room_frames += 1
            if self._room_frames == per_level:
                self.room.add(10.0 * np.log10(self._room_power / per_level + 1e-12), now)
                self._room_power, self._room_frames = 0.0, 0

    def process(self, block: np.ndarray) -> bool:
        """Feed one 16 kHz mono block; True if the candidate's voice started in it."""
        now = self._now()
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        block_start = self._frame_times(block.size)
        audio = np.concatenate([self._pending, block])
        frames_start = block_start - self._pending.size / SAMPLE_RATE
        count = audio.size // HOP
        self._pending = audio[count * HOP:]
        if count == 0:
            return False
        frames = audio[:count * HOP].reshape(count, HOP).astype(np.float64)
        levels = 10.0 * np.log10(np.mean(frames ** 2, axis=1) + 1e-12)
        unexplained = np.ones(count)
        reference = self._reference() if self._reference is not None else None
        end = reference.last_end() if reference is not None else None
        recent_play = end is not None and end > frames_start - (self.max_lag + self.reverb_frames) * HOP / SAMPLE_RATE
        if reference is not None:
            # History is kept while nothing plays too: the start of playback, heard or not,
            # is what shows the echo's delay.
            played = (band_powers(reference.segment(frames_start, count * HOP).reshape(count, HOP).astype(np.float64))
                      if recent_play else np.zeros((count, _BANDS)))
            mic = band_powers(frames)
            self._mic = np.concatenate([self._mic, mic])[-self._history_frames:]
            self._played = np.concatenate([self._played, played])[-self._history_frames:]
            self._voiced = np.concatenate([self._voiced, np.zeros(count, dtype=bool)])[-self._history_frames:]
            if recent_play:
                self._blocks += 1
                if self._blocks % 2 == 1:
                    previous = self.delay_frames
                    self._estimate_delay()
                    echo_seen = self.delay_frames is not None or not self.headphones
                    if echo_seen and (self.coupling is None or previous != self.delay_frames or self._blocks % 6 == 1):
                        self._calibrate()
                coupling = self.coupling if self.coupling is not None else self.initial_coupling
                size = self._mic.shape[0]
                echo = coupling * self._predicted(self._played, size - count, count)
                excess = np.clip(mic - self.echo_margin * echo, 0.0, None)
                unexplained = excess.sum(axis=1) / np.maximum(mic.sum(axis=1), 1e-15)
                # A small share of a loud echo is the model's error, not a voice.
                unexplained[unexplained < self.min_unexplained] = 0.0
        started = False
        threshold = self.room.threshold(self.threshold_dbfs, now)
        self._hear_room(frames, now)
        voiced = levels + 10.0 * np.log10(np.maximum(unexplained, 1e-6)) > threshold
        for i, is_voiced in enumerate(voiced):
            if is_voiced:
                self._run += 1
                self._last_voiced = now
                if self._run >= self.onset_frames and not self.active:
                    self.active = started = True
                    self.onsets.append(now)
            else:
                self._run = 0
        if self._voiced.size >= count:
            self._voiced[-count:] = voiced
        self.frames += count
        self.voiced_frames += int(voiced.sum())
        if self.active and now - self._last_voiced > self.release_seconds:
            self.active = False
        if started:
            self.on_voice()
        return started


class EchoCheck:
    """Does the microphone hear what the speaker plays? (`echo_check`)"""

    def __init__(self, correlation: float, echo_db: float | None, delay: float | None) -> None:
        self.correlation = correlation  # of loudness contours at the best delay
        self.echo_db = echo_db  # how loud the microphone hears the played sound, relative to it
        self.delay = delay  # seconds from hand-over to the microphone
        # 0.45: a quiet candidate's loudspeakers measured 0.56-0.87 (virtual rooms, busy machine);
        # a candidate talking into headphones during the check at most 0.39.
        self.heard = correlation >= 0.45 and echo_db is not None and echo_db > -45.0

    def advice(self) -> str:
        if self.heard:
            # Rounded to an int first: -0.3 dB printed "(-0 dB)" with :.0f (trial 23).
            db = round(self.echo_db)
            return (f"The microphone hears the interviewer's voice ({db} dB): loudspeakers. "
                    "Headphones are better: with loudspeakers the interviewer may take its own voice for "
                    "yours and stop mid-sentence, or stop late when you talk over it.")
        return "The microphone does not hear the interviewer's voice (headphones): fine."


def echo_check(mic: np.ndarray, reference: PlaybackReference, started: float, max_delay: float = 1.0) -> EchoCheck:
    """Compare a 16 kHz recording that began at monotonic time `started` with what was played
    meanwhile: the loudness contours (20 ms frames, floored at -60 dB) are correlated at every
    delay up to `max_delay` s either way (the recording's start is only known roughly)."""
    mic = np.asarray(mic, dtype=np.float32).reshape(-1)
    count = mic.size // HOP
    lead = int(max_delay * SAMPLE_RATE / HOP)
    if count < 2 * lead:
        return EchoCheck(0.0, None, None)
    played = reference.segment(started - lead * HOP / SAMPLE_RATE, (count + lead) * HOP)
    mic_power = np.mean(mic[:count * HOP].reshape(count, HOP).astype(np.float64) ** 2, axis=1)
    played_power = np.mean(played.reshape(count + lead, HOP).astype(np.float64) ** 2, axis=1)
    mic_contour = np.log10(np.maximum(mic_power, 1e-6))
    def pairs(delay: int) -> tuple[np.ndarray, np.ndarray]:
        """Mic frames and the played frames `delay` frames before them."""
        first, last = max(0, delay - lead), min(count, count + delay)
        return np.arange(first, last), np.arange(first, last) + lead - delay

    best, best_delay = 0.0, None
    for delay in range(-lead, lead + 1):
        mic_frames, played_frames = pairs(delay)
        here, contour = mic_contour[mic_frames], np.log10(np.maximum(played_power[played_frames], 1e-6))
        if here.size < lead or contour.std() < 1e-6 or here.std() < 1e-6:
            continue
        r = float(np.corrcoef(here, contour)[0, 1])
        if r > best:
            best, best_delay = r, delay
    if best_delay is None:
        return EchoCheck(0.0, None, None)
    mic_frames, played_frames = pairs(best_delay)
    ref, here = played_power[played_frames], mic_power[mic_frames]
    strong = ref > ref.max() * 1e-2  # within 20 dB of the loudest played frame
    echo_db = float(10 * np.log10(np.sum(here[strong]) / np.sum(ref[strong]))) if strong.any() else None
    return EchoCheck(best, echo_db, best_delay * HOP / SAMPLE_RATE)


_LOST_SAMPLES_S = 1.0  # a block this much later than the sample clock says: samples were lost


class EchoWatch:
    """The echo check, done on the round itself when nobody ran it (the setup is unknown): the
    microphone's last `window` seconds are kept, and whenever the interviewer has spoken for
    `enough` seconds of them, `echo_check` compares the two (every `every` s, at most
    `max_checks` times). Loudspeakers only when two checks of windows that do not overlap both
    hear the interviewer at the same delay (within `same_delay` s): a candidate talking over
    headphones can match the interviewer's loudness contour by chance (r up to 0.65 measured
    with a person talking over its first sentence, and at one delay in overlapping windows),
    but not in two separate stretches at one delay, as an echo does.
    Then `on_loudspeakers` is called, on the microphone's thread."""

    def __init__(self, reference: Callable[[], PlaybackReference | None], on_loudspeakers: Callable[[], None],
                 *, window: float = 4.0, enough: float = 2.5, every: float = 1.0,
                 same_delay: float = 0.06, max_checks: int = 20,
                 now: Callable[[], float] = time.monotonic) -> None:
        self._reference = reference
        self._on_loudspeakers = on_loudspeakers
        self._size = int(window * SAMPLE_RATE)
        self._enough_frames = int(enough * SAMPLE_RATE / HOP)
        self._window, self._every, self._same_delay = window, every, same_delay
        self._checks_left = max_checks
        self._now = now
        self._audio = np.zeros(0, dtype=np.float32)
        self._received = 0  # samples fed so far: the microphone's own clock
        self._clock_origin = float("inf")  # when its first sample was recorded, on `now`'s clock
        self._last_look = -1e9
        self._heard: list[tuple[float, float]] = []  # (when, delay) of checks that heard it
        self.loudspeakers = False
        self.checks: list[EchoCheck] = []  # every check made (tests, diagnostics)

    @property
    def done(self) -> bool:
        return self.loudspeakers or self._checks_left <= 0

    def feed(self, block: np.ndarray) -> None:
        if self.done:
            return
        now = self._now()
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        self._received += block.size
        # A block arrives some time after it was recorded, late by as much as a loaded machine
        # makes it (a quarter second seen): timing each window by arrival blurs the echo's delay
        # from check to check. The sample count times it steadily; the earliest arrival seen
        # anchors that count to the clock. Far later than that, samples were lost (the stream
        # reopened): anchor afresh and start the window again.
        origin = now - self._received / SAMPLE_RATE
        if origin - self._clock_origin > _LOST_SAMPLES_S:
            self._audio = np.zeros(0, dtype=np.float32)
        elif origin > self._clock_origin:
            origin = self._clock_origin
        self._clock_origin = origin
        self._audio = np.concatenate([self._audio, block])[-self._size:]
        reference = self._reference()
        if reference is None or now - self._last_look < self._every or self._audio.size < self._size // 2:
            return
        self._last_look = now
        started = self._clock_origin + (self._received - self._audio.size) / SAMPLE_RATE  # the first kept sample
        played = reference.segment(started, self._audio.size)
        frames = played[: played.size // HOP * HOP].reshape(-1, HOP).astype(np.float64)
        if int((np.mean(frames ** 2, axis=1) > _ACTIVE_POWER).sum()) < self._enough_frames:
            return
        self._checks_left -= 1
        check = echo_check(self._audio, reference, started)
        self.checks.append(check)
        if not check.heard or check.delay is None:
            return
        if any(now - when >= self._window and abs(check.delay - delay) <= self._same_delay
               for when, delay in self._heard):
            self.loudspeakers = True
            self._on_loudspeakers()
        self._heard.append((now, check.delay))
