"""Factories that build the real adapters for the app. Each imports its heavy library lazily.

Each factory raises interviewer.errors.UserError with a plain message when the machine lacks
what it needs (no speech engine, no microphone, model missing); the screens show it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from interviewer.app_settings import AppSettings
from interviewer.errors import UserError


def load_model(settings: AppSettings) -> Any:
    from interviewer.adapters.transcription import load_model as load

    return load(settings.model or None)


def open_store() -> Any:
    from interviewer.storage import Store  # type: ignore[attr-defined]

    return Store.open()


def make_speaker(settings: AppSettings) -> Any:
    try:
        from interviewer.adapters import speaker
    except ImportError as exc:
        raise UserError(f"speech output is not available ({exc}); questions are shown as text") from None
    return speaker.create_speaker(voice=settings.voice, rate=settings.speech_rate)


def make_recorder(settings: AppSettings) -> Any:
    try:
        from interviewer.adapters import microphone
    except ImportError as exc:
        raise UserError(f"recording is not available ({exc})") from None
    return microphone.create_recorder(device=settings.input_device)


def make_live_transcriber(model: Any, settings: AppSettings) -> Any:
    from interviewer.adapters import live_transcriber

    return live_transcriber.create_live_transcriber(model)


def play_audio(path: Path, start_seconds: float = 0.0, end_seconds: float | None = None) -> Any:
    from interviewer.gui.playback import play_file

    return play_file(path, start_seconds, end_seconds)
