"""Recordings of any length, transcribed in bounded memory with progress.

Reading a whole file first cost memory in proportion to its length (measured before this
module: 478 MB peak RSS for 5 minutes, 1.8 GB for 30, and a 30-minute file did not finish in
20 minutes on a busy 2-core machine). Here the file is read in blocks of a few seconds
(libsndfile, or PyAV for other containers), resampled to 16 kHz as a stream, and cut at pauses
into chunks of at most `MAX_CHUNK_S` seconds, each cut in the longest pause after
`MIN_CHUNK_S` (LongestPauseCutter: the live transcriber must cut at the first pause; a file can
look ahead, so a chunk rarely ends inside a sentence); each chunk is transcribed on its own (adapters/transcription.py `transcribe_window`,
which keeps hesitations, drops text over non-speech and collapses repetition loops) and its
times shifted by the chunk's offset. At most one chunk and one read block are held, whatever
the length.

The cuts depend only on the audio (fixed chunk limits, no timing), so the same file gives the
same chunks, and with deterministic decoding the same transcript, every time. A recording no
longer than MAX_CHUNK_S is one chunk: exactly what one window of Whisper sees.

`progress(done_seconds, total_seconds)` is called once before the first chunk (0, total) and
after each chunk; `total` is the file's length as its header states it (the last call has
done == total).
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import Segment, SpeechRegion, Transcript
from interviewer.errors import UserError

Progress = Callable[[float, float], None]

# Chunks for files. Whisper sees 30 s at once; faster-whisper's own VAD filter drops the
# silences of a chunk before decoding, so a chunk of up to 28 s is one encoder window. A chunk
# is cut in the middle of its longest pause between MIN_CHUNK_S and MAX_CHUNK_S, else at the
# quietest moment of its last 3 s. Longer chunks mean fewer windows (each costs a full 30 s
# encoder pass).
MIN_CHUNK_S = 12.0
MAX_CHUNK_S = 28.0
READ_BLOCK_S = 5.0


@dataclass
class AudioStream:
    """An audio file opened for reading in 16 kHz mono blocks."""

    path: Path
    duration: float  # seconds, from the file's header (0.0 when unknown)
    blocks: Callable[[], Iterator[np.ndarray]]


def open_audio(path: str | os.PathLike, block_seconds: float = READ_BLOCK_S) -> AudioStream:
    """Open an audio file for streaming. UserError (one line: the file and what is wrong) for
    a missing or unreadable file; nothing is decoded yet beyond the header."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such audio file" if not path.exists() else
                        f"{path}: is not a file; give an audio file")
    if path.stat().st_size == 0:
        raise UserError(f"{path}: the file is empty (0 bytes): nothing was recorded in it")
    try:
        import soundfile

        info = soundfile.info(str(path))
        if info.samplerate <= 0 or info.channels <= 0:
            raise ValueError("no audio channels")
        return AudioStream(path, info.frames / info.samplerate,
                           lambda: _soundfile_blocks(path, block_seconds))
    except Exception as exc:  # LibsndfileError (a RuntimeError) for formats it cannot read
        first_error = exc
    no_pyav = UserError(f"{path}: cannot read as audio ({why_unreadable(first_error)}); this build reads WAV, FLAC, "
                        "MP3 and Ogg files")
    try:
        import av
    except ImportError:
        raise no_pyav from None
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise ValueError("no audio stream")
            duration = container.duration / 1_000_000 if container.duration else 0.0
    except ImportError:  # the desktop bundle's stand-in for PyAV (packaging/rthook_no_av.py)
        raise no_pyav from None
    except Exception as exc:  # PyAV raises many error types for unreadable input
        raise UserError(f"{path}: cannot read as audio ({why_unreadable(exc)})") from None
    return AudioStream(path, float(duration), lambda: _pyav_blocks(path, block_seconds))


def why_unreadable(exc: BaseException) -> str:
    """What the audio library said, in words: without its error number ("[Errno 1094995529]"),
    its class name or the path (the message names the file already)."""
    said = getattr(exc, "error_string", None) or getattr(exc, "strerror", None) or str(exc)
    said = re.sub(r"\[Errno -?\d+\]\s*", "", str(said))
    said = re.sub(r"""(?:Error opening )?['"][^'"]*[/\\][^'"]*['"]:?\s*""", "", said).strip(" :;,.")  # a quoted path
    return said or "not an audio file this build can decode"


def _soundfile_blocks(path: Path, block_seconds: float) -> Iterator[np.ndarray]:
    import soundfile

    from interviewer.adapters.resample import StreamResampler, to_mono

    try:
        with soundfile.SoundFile(str(path)) as f:
            resampler = StreamResampler(f.samplerate, SAMPLE_RATE)
            frames = max(1, int(block_seconds * f.samplerate))
            for block in f.blocks(blocksize=frames, dtype="float32", always_2d=True):
                out = resampler.process(to_mono(block))
                if out.size:
                    yield out
            tail = resampler.flush()
            if tail.size:
                yield tail
    except soundfile.LibsndfileError as exc:  # a file cut short or corrupt after its header
        raise UserError(f"{path}: cannot read as audio ({why_unreadable(exc)})") from None


def _pyav_blocks(path: Path, block_seconds: float) -> Iterator[np.ndarray]:
    import av

    resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    want = int(block_seconds * SAMPLE_RATE)
    pieces: list[np.ndarray] = []
    held = 0
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            for frame in container.decode(audio=0):
                frame.pts = None
                for out in resampler.resample(frame):
                    pieces.append(out.to_ndarray().reshape(-1).astype(np.float32) / 32768.0)
                    held += pieces[-1].size
                if held >= want:
                    yield np.concatenate(pieces)
                    pieces, held = [], 0
            for out in resampler.resample(None):
                pieces.append(out.to_ndarray().reshape(-1).astype(np.float32) / 32768.0)
    except av.error.FFmpegError as exc:
        raise UserError(f"{path}: cannot read as audio ({why_unreadable(exc)})") from None
    if pieces:
        yield np.concatenate(pieces)


def array_blocks(audio: np.ndarray, block_seconds: float = READ_BLOCK_S) -> Iterator[np.ndarray]:
    step = max(1, int(block_seconds * SAMPLE_RATE))
    for i in range(0, audio.size, step):
        yield audio[i:i + step]


class LongestPauseCutter:
    """Cuts a stream into chunks of at most `max_s` seconds, each in the middle of the longest
    pause between `min_s` and `max_s` from the chunk's start (a file can look ahead, unlike the
    live PauseCutter, which must cut at the first pause). Pauses are 20 ms frames below the
    PauseCutter's threshold (the noise floor + 10 dB, at least -45 dBFS, 15 dB under the
    speech level, below -60 dBFS always), taken over the chunk. Decisions look only at the
    audio, so blocks of any size give the same chunks, and audio no longer than `max_s` is
    never cut."""

    FRAME = 320

    def __init__(self, min_s: float = MIN_CHUNK_S, max_s: float = MAX_CHUNK_S,
                 silence_dbfs: float = -45.0) -> None:
        self.min_frames = int(min_s * SAMPLE_RATE) // self.FRAME
        self.max_frames = int(max_s * SAMPLE_RATE) // self.FRAME
        self.silence_dbfs = silence_dbfs
        self._pieces: list[np.ndarray] = []
        self._size = 0
        self.offset_samples = 0

    def feed(self, samples: np.ndarray) -> list[tuple[np.ndarray, float]]:
        """(chunk audio, its offset in seconds) for each chunk this block closes."""
        if samples.size:
            self._pieces.append(np.asarray(samples, dtype=np.float32).reshape(-1))
            self._size += samples.size
        chunks = []
        # Decide only once more than a whole chunk is held: audio of exactly max_s stays whole.
        while self._size > self.max_frames * self.FRAME:
            audio = np.concatenate(self._pieces)
            cut = self._cut_frame(audio[: self.max_frames * self.FRAME]) * self.FRAME
            chunks.append((audio[:cut], self.offset_samples / SAMPLE_RATE))
            rest = audio[cut:]
            self._pieces, self._size = ([rest] if rest.size else []), rest.size
            self.offset_samples += cut
        return chunks

    def flush(self) -> tuple[np.ndarray, float] | None:
        """The rest of the audio as the last chunk (None if nothing is left)."""
        if not self._size:
            return None
        audio = np.concatenate(self._pieces)
        chunk = (audio, self.offset_samples / SAMPLE_RATE)
        self.offset_samples += audio.size
        self._pieces, self._size = [], 0
        return chunk

    def _cut_frame(self, window: np.ndarray) -> int:
        frames = window.reshape(-1, self.FRAME)
        rms = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
        levels = 20.0 * np.log10(np.maximum(rms, 1e-6))
        floor, speech = np.percentile(levels, [10, 90])
        threshold = max(min(max(floor + 10.0, self.silence_dbfs), speech - 15.0), -60.0)
        silent = np.concatenate([[False], levels < threshold, [False]])
        edges = np.flatnonzero(np.diff(silent.astype(np.int8)))
        best = None  # (length in frames, cut frame); the later of equally long pauses
        for start, end in zip(edges[::2], edges[1::2]):
            # The middle of the pause, or as near it as the chunk limits allow: a candidate who
            # thinks 20 s before answering opens the chunk with a pause whose middle is before
            # MIN_CHUNK_S; passing it over cut the first sentence off into a chunk of its own,
            # 20 s of silence and 2 s of speech, and Whisper lost it (trial5).
            middle = min(max((start + end) // 2, self.min_frames), self.max_frames - 1)
            if start <= middle < end and (best is None or end - start >= best[0]):
                best = (end - start, middle)
        if best is not None:
            return int(best[1])
        tail = int(3 * SAMPLE_RATE) // self.FRAME  # no pause in reach: the quietest of the last 3 s
        return int(self.max_frames - tail + np.argmin(levels[-tail:]))


def transcribe_blocks(blocks: Iterator[np.ndarray], total: float, model: Any,
                      transcribe_window: Callable[..., Transcript], *, offset: float = 0.0,
                      progress: Progress | None = None, **window_options: Any) -> Transcript:
    """Cut a stream of 16 kHz blocks into chunks at pauses (LongestPauseCutter) and transcribe
    each with `transcribe_window(chunk, model, offset=..., **window_options)`; one Transcript
    for all. A recording no longer than MAX_CHUNK_S is one chunk."""
    from interviewer.adapters.live_transcriber import merge_regions

    cutter = LongestPauseCutter()
    segments: list[Segment] = []
    regions: list[SpeechRegion] = []
    cuts: list[float] = []
    label = ""
    samples = 0

    def report(done: float) -> None:
        if progress is not None:
            progress(round(min(done, max(total, done)), 3), round(max(total, done), 3))

    def run(chunk: tuple[np.ndarray, float]) -> None:
        nonlocal label
        audio, start = chunk
        if start > 0:
            cuts.append(offset + start)
        part = transcribe_window(audio, model, offset=offset + start, **window_options)
        segments.extend(part.segments)
        regions.extend(part.speech or [])
        label = part.model or label
        # In samples, like the duration at the end: start + size / rate in floats can round
        # 1 ms past it (66.4035 s: 66.404 against 66.403) and the progress would step back.
        report((round(start * SAMPLE_RATE) + audio.size) / SAMPLE_RATE)

    report(0.0)
    for block in blocks:
        samples += block.size
        for chunk in cutter.feed(block):
            run(chunk)
    tail = cutter.flush()
    if tail is not None:
        run(tail)
    duration = round(samples / SAMPLE_RATE, 3)
    if progress is not None and total != duration:
        progress(duration, duration)  # the header's length was off: end at what was read
    speech = merge_regions(regions, cuts) if window_options.get("with_speech_regions", True) else None
    if not label:
        from interviewer.adapters.transcription import model_label

        label = model_label(model)
    return Transcript(segments=segments, duration=duration, speech=speech, model=label)
