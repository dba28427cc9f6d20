"""`interviewer --self-check`: prove that an install (or a frozen bundle) has every working part.

Each check prints one line, `OK` or `FAIL`, its name and a detail, and the exit status is 0
only if every check passed. The checks use what a packaged build most often loses: Qt's
platform plugins, the bundled question scripts and assets, SQLite, the speech engine,
PortAudio, the bundled Whisper model, PyAV and the Silero VAD model. Everything is written to a temporary
folder and nothing touches the network.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

# Spoken, then transcribed. Chosen by trial: tiny.en gets every word of it from espeak-ng at
# 175 and at 200 words per minute (some sentences lose a third of their words).
CHECK_SENTENCE = "Please describe the last machine learning model you trained."
# Share of the sentence's words that must come back from transcription.
MIN_WORD_RECALL = 0.8


class CheckFailed(Exception):
    """A check ran and found something wrong; the message is the detail printed."""


@dataclass
class CheckContext:
    work_dir: Path
    spoken_wav: Path | None = None
    notes: dict[str, object] = field(default_factory=dict)


def _check_qt(ctx: CheckContext) -> str:
    from interviewer.gui.selfcheck_window import show_test_window

    try:
        return show_test_window()
    except RuntimeError as exc:
        raise CheckFailed(str(exc)) from None


def _check_scripts(ctx: CheckContext) -> str:
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.resources import bundled_scripts_dir

    folder = bundled_scripts_dir()
    # Only the bundled folder: a user's broken script must not fail the install check.
    catalog = discover_scripts(bundled_dir=folder, user_dir=ctx.work_dir / "no-user-scripts")
    if catalog.problems:
        raise CheckFailed(f"{len(catalog.problems)} problems, first: {catalog.problems[0]}")
    if not catalog.scripts:
        raise CheckFailed(f"no question scripts in {folder}")
    kinds = sorted({s.kind for s in catalog.scripts})
    questions = sum(len(s.questions) for s in catalog.scripts)
    return (f"{len(catalog.scripts)} scripts, {questions} questions, "
            f"{len(kinds)} round kinds from {folder}")


def _check_storage(ctx: CheckContext) -> str:
    import sqlite3

    from interviewer.storage.store import Store

    # A throwaway data folder: the check must not touch the user's sessions.
    with Store.open(ctx.work_dir / "data") as store:
        session_id = store.create_session("self-check", "Self-check", "coding", 45)
    if not (ctx.work_dir / "data" / store.db_path.name).is_file():
        raise CheckFailed("no database file was written")
    return f"SQLite {sqlite3.sqlite_version}: created session {session_id} in a new database"


def _check_speech(ctx: CheckContext) -> str:
    import wave

    from interviewer.adapters.speaker import Speaker

    target = ctx.work_dir / "spoken.wav"
    speaker = Speaker()
    try:
        if not speaker.available:
            raise CheckFailed(speaker.unavailable_reason or "no speech engine")
        # Frozen builds run pyttsx3 in-process, and it prints "Audio saved to ...".
        with contextlib.redirect_stdout(io.StringIO()):
            speaker.save_to_file(CHECK_SENTENCE, target)
    finally:
        speaker.close()
    if not target.is_file() or target.stat().st_size == 0:
        raise CheckFailed(f"speech engine wrote no audio to {target.name}")
    with wave.open(str(target), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
    if seconds < 1.0:
        raise CheckFailed(f"only {seconds:.2f} s of speech written")
    ctx.spoken_wav = target
    library = _loaded_library("libespeak")
    return f"spoke {seconds:.1f} s to {target.name}" + (f" with {library}" if library else "")


def _loaded_library(prefix: str) -> str | None:
    """Path of a shared library this process has loaded (Linux), to show which copy is used.

    The speech engine runs in a child process from a source install; then this is None."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                path = line.split(maxsplit=5)[-1].strip()
                if os.path.basename(path).startswith(prefix):
                    return path
    except OSError:
        pass
    return None


def _check_audio_devices(ctx: CheckContext) -> str:
    from interviewer.adapters.devices import list_devices, portaudio_version

    devices = list_devices()
    inputs = sum(1 for d in devices if d.input_channels > 0)
    outputs = sum(1 for d in devices if d.output_channels > 0)
    version = portaudio_version()
    # No devices is a fact about this machine, not a broken install, so it does not fail.
    return f"{version}; {inputs} input and {outputs} output devices"


def _spoken_audio(ctx: CheckContext):
    if ctx.spoken_wav is None:
        raise CheckFailed("no spoken audio to work on (the speech check failed)")
    if "audio" not in ctx.notes:
        from interviewer.adapters.transcription import load_audio

        ctx.notes["audio"] = load_audio(ctx.spoken_wav)  # through PyAV, as the app reads files
    return ctx.notes["audio"]


def _check_vad(ctx: CheckContext) -> str:
    from interviewer.adapters.vad import speech_regions

    regions = speech_regions(_spoken_audio(ctx))
    if not regions:
        raise CheckFailed("Silero VAD found no speech in the spoken sentence")
    speech = sum(r.end - r.start for r in regions)
    return f"{len(regions)} speech regions, {speech:.1f} s of speech"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _check_transcription(ctx: CheckContext) -> str:
    from interviewer.adapters.transcription import default_model_path, load_model, transcribe

    audio = _spoken_audio(ctx)
    started = time.perf_counter()
    model = load_model()  # the bundled tiny.en; never downloads
    transcript = transcribe(audio, model, with_speech_regions=False)
    elapsed = time.perf_counter() - started
    heard = " ".join(s.text for s in transcript.segments)
    expected = _words(CHECK_SENTENCE)
    got = set(_words(heard))
    recall = sum(1 for w in expected if w in got) / len(expected)
    if recall < MIN_WORD_RECALL:
        raise CheckFailed(f"heard {heard!r}, {recall:.0%} of the words")
    if not any(s.words for s in transcript.segments):
        raise CheckFailed("no word timestamps")
    return (f"heard {heard!r} ({recall:.0%} of the words) in {elapsed:.1f} s "
            f"with {default_model_path().parent.name}/{default_model_path().name}")


def _check_matcher(ctx: CheckContext) -> str:
    # The real model, not the keyword fallback: a frozen build can silently lose its data files.
    from interviewer.adapters.embeddings import OnnxTextEncoder, model_path

    path = model_path()
    vectors = OnnxTextEncoder(path).encode(["How many daily users?", "What is the user count per day?",
                                            "The weather is nice."])
    close = sum(a * b for a, b in zip(vectors[0], vectors[1]))
    far = sum(a * b for a, b in zip(vectors[0], vectors[2]))
    if not close > far:
        raise CheckFailed(f"the sentence-embedding model gives nonsense (similar {close:.2f}, unrelated {far:.2f})")
    return f"{path.name} ({path.stat().st_size // 1_000_000} MB): similar {close:.2f}, unrelated {far:.2f}"


CHECKS: tuple[tuple[str, Callable[[CheckContext], str]], ...] = (
    ("qt", _check_qt),
    ("scripts", _check_scripts),
    ("storage", _check_storage),
    ("speech", _check_speech),
    ("audio devices", _check_audio_devices),
    ("vad", _check_vad),
    ("transcription", _check_transcription),
    ("meaning matcher", _check_matcher),
)


def run_self_check(out: TextIO | None = None) -> int:
    """Run every check, print one line each, return 0 only if all passed."""
    out = out or sys.stdout
    # Belt and braces: the model is local, and a check must never reach for the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="interviewer-selfcheck-") as tmp:
        ctx = CheckContext(work_dir=Path(tmp))
        for name, check in CHECKS:
            try:
                detail = check(ctx)
                status = "OK  "
            except CheckFailed as exc:
                detail, status = str(exc), "FAIL"
            except Exception as exc:  # noqa: BLE001 - any crash is a failed check, reported
                detail, status = f"{type(exc).__name__}: {exc}", "FAIL"
            failures += status == "FAIL"
            print(f"{status} {name}: {detail}", file=out, flush=True)
    print(f"self-check: {len(CHECKS) - failures}/{len(CHECKS)} passed", file=out, flush=True)
    return 0 if failures == 0 else 1
