"""Transcribing while the candidate speaks, so the transcript is ready right after the answer.

Audio arrives in small blocks (from the Microphone's `on_audio`). A background thread keeps
the audio not yet transcribed; when a pause closes a stretch of speech (at least
`min_chunk_seconds` long; when transcription has caught up, shorter pauses close chunks from
`idle_min_chunk_seconds`), or the stretch reaches `max_chunk_seconds`, it cuts there and
transcribes that chunk with the filler-keeping decode options of adapters/transcription.py,
shifting its times by the chunk's offset in the answer. `finish()` then only has the tail
left to do, however long the answer was.

Pause detection for *cutting* is a cheap energy test (it only has to find a quiet moment);
the pauses reported in the transcript come from the Silero VAD, run chunk by chunk, with
regions that meet at a cut joined back together.

While it waits for audio, the worker also runs the hesitation repair's re-decodes of the short
sounds in the audio not cut yet (adapters/hesitations.py `check_ahead`: each is a whole Whisper
window), so that when a chunk is cut, often at the end of the answer, its repair finds them
done. Their results are the ones the repair would get (same samples, same decoding).
"""
from __future__ import annotations

import collections
import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from interviewer.adapters.decode_guards import StopAfterSpeech, drop_unvoiced_segments
from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import Segment, SpeechRegion, Transcript

log = logging.getLogger(__name__)

_FRAME = 320  # 20 ms energy frames for finding pauses
_FINISH = object()


@dataclass
class _Chunk:
    audio: np.ndarray
    offset: float  # seconds from the start of the answer


@dataclass(frozen=True)
class ChunkWork:
    """One chunk's work, for benchmarks: where it is in the answer and when it was done
    (time.perf_counter). `at_finish`: cut by finish() (the work left after the answer ended)."""
    offset: float
    seconds: float
    started: float
    ended: float
    decoded: bool  # False when the VAD heard no speech in it
    at_finish: bool


class PauseCutter:
    """Splits a stream into chunks at pauses. Feed blocks; collect the chunks it closes."""

    def __init__(self, min_chunk_seconds: float, max_chunk_seconds: float, pause_seconds: float,
                 silence_dbfs: float = -45.0, rate: int = SAMPLE_RATE) -> None:
        self.rate = rate
        self.min_samples = int(min_chunk_seconds * rate)
        self.max_samples = int(max_chunk_seconds * rate)
        self.pause_frames = max(1, int(pause_seconds * rate / _FRAME))
        self.silence_dbfs = silence_dbfs
        self._pieces: list[np.ndarray] = []
        self._size = 0
        self._levels: list[float] = []  # dBFS of each whole frame in the buffer
        self._partial = np.zeros(0, dtype=np.float32)  # samples not yet making a whole frame
        self._recent: collections.deque[float] = collections.deque(maxlen=int(10 * rate / _FRAME))
        self._threshold = silence_dbfs
        self._frames_seen = 0
        self._silent_run = 0  # frames of silence at the end of the buffer
        self.offset_samples = 0  # position in the answer of the buffer's first sample

    def feed(self, samples: np.ndarray) -> list[_Chunk]:
        samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        if samples.size == 0:
            return []
        self._pieces.append(samples)
        self._size += samples.size
        framed = np.concatenate([self._partial, samples])
        whole = framed.size // _FRAME * _FRAME
        self._partial = framed[whole:]
        chunks: list[_Chunk] = []
        if whole:
            frames = framed[:whole].reshape(-1, _FRAME)
            rms = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
            levels = 20.0 * np.log10(np.maximum(rms, 1e-6))  # floor -120 dBFS
            for level in levels:
                chunks.extend(self._on_frame(float(level)))
        return chunks

    def _update_threshold(self) -> None:
        """Silence is below the room's noise floor + 10 dB (at least `silence_dbfs`), and always
        15 dB below the speech level, both taken from the last 10 s; below -60 dBFS is always
        silence (else a stretch of digital silence would count as "speech level")."""
        levels = np.fromiter(self._recent, dtype=np.float64)
        floor, speech = np.percentile(levels, [10, 90])
        self._threshold = max(min(max(floor + 10.0, self.silence_dbfs), speech - 15.0), -60.0)

    def _on_frame(self, level: float) -> list[_Chunk]:
        self._recent.append(level)
        self._frames_seen += 1
        if self._frames_seen % 25 == 1:  # twice a second is plenty
            self._update_threshold()
        self._levels.append(level)
        self._silent_run = self._silent_run + 1 if level < self._threshold else 0
        buffered = len(self._levels) * _FRAME
        if self._silent_run >= self.pause_frames and buffered >= self.min_samples:
            # Cut in the middle of the pause so both chunks keep a little silence.
            cut_frame = len(self._levels) - self._silent_run // 2
            return [self._cut(cut_frame)]
        if buffered >= self.max_samples:
            # No pause long enough: cut at the quietest frame of the last 3 seconds.
            window = min(len(self._levels) - 1, int(3 * self.rate / _FRAME))
            tail = np.asarray(self._levels[-window:])
            cut_frame = len(self._levels) - window + int(np.argmin(tail))
            return [self._cut(max(1, cut_frame))]
        return []

    def _cut(self, frame_index: int) -> _Chunk:
        audio = np.concatenate(self._pieces) if len(self._pieces) != 1 else self._pieces[0]
        cut = frame_index * _FRAME
        chunk = _Chunk(audio[:cut], self.offset_samples / self.rate)
        rest = audio[cut:]
        self._pieces = [rest] if rest.size else []
        self._size = rest.size
        self._levels = self._levels[frame_index:]
        self._silent_run = min(self._silent_run, len(self._levels))
        self.offset_samples += cut
        return chunk

    @property
    def silent_seconds(self) -> float:
        """How long the buffered audio has been quiet at its end (a pause in progress)."""
        return self._silent_run * _FRAME / self.rate

    def pending(self) -> np.ndarray:
        """The audio not cut into a chunk yet; its first sample is at `offset_samples`."""
        if len(self._pieces) > 1:
            self._pieces = [np.concatenate(self._pieces)]
        return self._pieces[0] if self._pieces else np.zeros(0, dtype=np.float32)

    def flush(self) -> _Chunk | None:
        """The rest of the audio as a final chunk (None if empty)."""
        if self._size == 0:
            return None
        audio = np.concatenate(self._pieces)
        chunk = _Chunk(audio, self.offset_samples / self.rate)
        self.offset_samples += audio.size
        self._pieces, self._size, self._levels, self._silent_run = [], 0, [], 0
        self._partial = np.zeros(0, dtype=np.float32)
        return chunk


def merge_regions(regions: list[SpeechRegion], cuts: list[float], tolerance: float = 0.1) -> list[SpeechRegion]:
    """Join the two halves of a speech region that a chunk cut split: a region ending within
    `tolerance` s before a cut and the next one starting within `tolerance` s after it."""
    merged: list[SpeechRegion] = []
    for region in sorted(regions, key=lambda r: r.start):
        if merged and any(merged[-1].end >= cut - tolerance and region.start <= cut + tolerance
                          and merged[-1].end <= region.start + tolerance for cut in cuts):
            later = region if region.end >= merged[-1].end else merged[-1]
            merged[-1] = SpeechRegion(merged[-1].start, later.end, later.final_rise)
        else:
            merged.append(region)
    return merged


class LiveTranscriber:
    """Implements interviewer.core.ports.LiveTranscriber.

    `model` is a loaded model (anything `transcribe_chunk` accepts).
    `on_update(transcript_so_far)` fires on the worker thread after each chunk, for a live view.
    `options` default to transcription.DECODE_OPTIONS (hesitations kept).
    `transcribe_chunk` and `detect_speech` default to adapters/transcription.py and vad.py.
    `check_ahead`: do the hesitation re-decodes of audio not cut yet while waiting for audio
    (only for a real model, and for `transcribe_chunk`s that repair hesitations as the default).
    """

    def __init__(self, model: Any, *, options: dict[str, Any] | None = None,
                 min_chunk_seconds: float = 4.0, max_chunk_seconds: float = 20.0,
                 idle_min_chunk_seconds: float = 1.0, idle_pause_seconds: float = 0.25,
                 pause_seconds: float = 0.4, on_update: Callable[[Transcript], None] | None = None,
                 transcribe_chunk: Callable[..., Transcript] | None = None,
                 detect_speech: Callable[..., list[SpeechRegion]] | None = None,
                 check_ahead: bool = True) -> None:
        self._model = model
        self._options = options
        self._on_update = on_update
        self._transcribe_chunk = transcribe_chunk
        self._detect_speech = detect_speech
        self._cutter = PauseCutter(min_chunk_seconds, max_chunk_seconds, pause_seconds)
        # Each chunk costs a full 30 s Whisper window, so while transcription is behind, chunks
        # are at least min_chunk_seconds long; while it is idle, any pause closes a chunk, so
        # that little is left to do when the answer ends.
        self._busy_min_samples = int(min_chunk_seconds * SAMPLE_RATE)
        self._idle_min_samples = int(min(idle_min_chunk_seconds, min_chunk_seconds) * SAMPLE_RATE)
        self._busy_pause_frames = self._cutter.pause_frames
        self._idle_pause_frames = max(1, int(min(idle_pause_seconds, pause_seconds) * SAMPLE_RATE / _FRAME))
        self._inbox: queue.Queue = queue.Queue()
        self._segments: list[Segment] = []
        self._regions: list[SpeechRegion] = []
        self._cuts: list[float] = []  # chunk boundaries, seconds into the answer
        self._samples = 0
        self._error: BaseException | None = None
        self._result: Transcript | None = None
        self._done = threading.Event()
        self._cancelled = threading.Event()
        self._finishing = False
        self._model_label = ""
        self.chunks_transcribed = 0
        self.work_log: list[ChunkWork] = []
        self._check_ahead = check_ahead and hasattr(model, "transcribe")
        self._rechecks: dict = {}  # hesitation re-decodes done ahead, by the samples decoded
        self._scanned = 0  # pending samples when check-ahead last found nothing more to do
        self.checked_ahead = 0  # re-decodes done ahead, and the seconds they took
        self.check_ahead_seconds = 0.0
        self._thread = threading.Thread(target=self._run, name="live-transcriber", daemon=True)
        self._thread.start()

    # -- port ---------------------------------------------------------------------------
    def feed(self, samples: np.ndarray) -> None:
        if self._finishing:
            raise RuntimeError("feed() after finish()")
        self._inbox.put(np.array(samples, dtype=np.float32, copy=True).reshape(-1))

    def finish(self, timeout: float | None = None) -> Transcript:
        """Transcribe what is left and return the whole answer's transcript. Raises the
        error transcription stopped on (e.g. ModelNotFound), if there was one."""
        if not self._finishing:
            self._finishing = True
            self._inbox.put(_FINISH)
        if not self._done.wait(timeout):
            raise TimeoutError(f"transcription did not finish within {timeout} s")
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def cancel(self) -> None:
        """Drop everything (the answer was discarded); the thread ends soon."""
        self._cancelled.set()
        self._finishing = True
        self._inbox.put(_FINISH)

    def snapshot(self) -> Transcript:
        """The transcript of the chunks done so far (for a live view)."""
        return Transcript(list(self._segments), round(self._samples / SAMPLE_RATE, 3),
                          merge_regions(self._regions, self._cuts), self._model_label)

    # -- worker -------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                item = self._inbox.get()
                if self._cancelled.is_set():
                    return
                if item is _FINISH:
                    tail = self._cutter.flush()
                    if tail is not None:
                        self._process(tail, at_finish=True)
                    break
                self._samples += item.size
                caught_up = self._inbox.empty()
                self._cutter.min_samples = self._idle_min_samples if caught_up else self._busy_min_samples
                self._cutter.pause_frames = self._idle_pause_frames if caught_up else self._busy_pause_frames
                for chunk in self._cutter.feed(item):
                    self._process(chunk)
                    if self._cancelled.is_set():
                        return
                if self._check_ahead and self._inbox.empty():
                    self._do_check_ahead()
            self._result = Transcript(self._segments, round(self._samples / SAMPLE_RATE, 3),
                                      merge_regions(self._regions, self._cuts), self._model_label)
            log.debug("live transcript: %d chunks, %d hesitation re-decodes done ahead in %.2f s",
                      self.chunks_transcribed, self.checked_ahead, self.check_ahead_seconds)
        except BaseException as exc:
            self._error = exc
            log.warning("live transcription failed: %s", exc)
        finally:
            self._done.set()

    def _do_check_ahead(self) -> None:
        """Re-decode the short sounds of the pending audio that hesitation repair may need,
        one after another while no audio waits (a new block stops it: cutting comes first).
        Not during a pause: a cut may be due any moment, and the sound before a pause is
        mostly the last word of a sentence, which needs no re-decode; such sounds are done once
        the candidate speaks again. Regions ending in the last 0.1 s may still grow and wait;
        the VAD looks again only after 0.3 s more audio, unless it stopped with work left."""
        from interviewer.adapters import hesitations
        from interviewer.adapters.transcription import HESITATION_HINT

        audio = self._cutter.pending()
        if audio.size - self._scanned < int(0.3 * SAMPLE_RATE) or self._cutter.silent_seconds >= 0.1:
            return
        detect = self._detect_speech
        if detect is None:
            from interviewer.adapters.vad import speech_regions as detect
        offset = self._cutter.offset_samples / SAMPLE_RATE
        complete_by = offset + audio.size / SAMPLE_RATE - 0.1
        regions = [r for r in detect(audio, offset=offset) if r.end <= complete_by]
        started = time.perf_counter()
        self.checked_ahead += hesitations.check_ahead(self._model, audio, offset, regions, HESITATION_HINT,
                                                      self._rechecks, keep_going=self._inbox.empty)
        self.check_ahead_seconds += time.perf_counter() - started
        if self._inbox.empty():
            self._scanned = audio.size

    def _process(self, chunk: _Chunk, at_finish: bool = False) -> None:
        started = time.perf_counter()
        decoded = self._transcribe(chunk)
        self._scanned = 0  # the pending audio now starts after this chunk
        end = self._cutter.offset_samples  # results for audio before the cut are done with
        self._rechecks = {key: sound for key, sound in self._rechecks.items() if key[1] > end}
        self.work_log.append(ChunkWork(chunk.offset, chunk.audio.size / SAMPLE_RATE, started,
                                       time.perf_counter(), decoded, at_finish))

    def _transcribe(self, chunk: _Chunk) -> bool:
        detect = self._detect_speech
        if detect is None:
            from interviewer.adapters.vad import speech_regions as detect
        if chunk.offset > 0:
            self._cuts.append(chunk.offset)
        regions = detect(chunk.audio, offset=chunk.offset)
        if not regions:
            return False  # silence: Whisper would only hallucinate ("Thank you.") here
        transcribe = self._transcribe_chunk
        if transcribe is None:
            from interviewer.adapters.transcription import transcribe
        model = self._model
        if hasattr(model, "transcribe"):
            model = StopAfterSpeech(model, regions[-1].end - chunk.offset)
        # Batch transcription also runs the VAD (and uses its regions, e.g. to recover
        # hesitations); a few milliseconds per chunk, so take its regions when it has them.
        from interviewer.adapters.hesitations import known_rechecks

        with known_rechecks(self._rechecks):
            part = transcribe(chunk.audio, model, offset=chunk.offset, options=self._options)
        if part.speech is not None:
            regions = part.speech
        self._regions.extend(regions)
        self._model_label = part.model or self._model_label
        self._segments.extend(drop_unvoiced_segments(part.segments, regions))
        self.chunks_transcribed += 1
        if self._on_update is not None:
            try:
                self._on_update(self.snapshot())
            except Exception:
                log.exception("on_update callback failed")
        return True
