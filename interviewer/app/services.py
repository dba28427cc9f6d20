"""What the screens need from the rest of the app, gathered in one injectable object.

The app builds it with the real adapters (`real_adapters.default_services`); tests build it with
fakes for speech and the microphone and the real engine, analysis and storage. Every heavy
library is imported lazily inside a factory, so creating the window stays fast.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from interviewer.app.settings import AppSettings
from interviewer.core.clock import Clock, MonotonicClock
from interviewer.core.ports import Recorder, Speaker
from interviewer.core.scripts.model import RoundScript


@dataclass
class ScriptList:
    scripts: list[RoundScript] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    broken: dict[str, list[str]] = field(default_factory=dict)  # script id -> why its file did not load


@dataclass
class DeviceList:
    inputs: list[str] = field(default_factory=list)  # microphone settings: device names, server sources
    # What the Microphone choice shows for a setting that is not a device name (a server source:
    # "Microphone: USB Headset Mono"); the others show labels.device_label(name).
    input_labels: dict[str, str] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    voices: list[tuple[str, str]] = field(default_factory=list)  # (voice id, display name)
    problems: list[str] = field(default_factory=list)  # plain messages, e.g. no speech engine
    loaded: bool = False  # False until the (slow) listing has finished


def discover_round_scripts() -> ScriptList:
    from interviewer.core.scripts.loader import discover_scripts

    catalog = discover_scripts()
    return ScriptList(list(catalog.scripts), list(catalog.problems), dict(catalog.broken))


@dataclass
class AppServices:
    settings: AppSettings = field(default_factory=AppSettings)
    load_scripts: Callable[[], ScriptList] = discover_round_scripts
    clock: Clock = field(default_factory=MonotonicClock)
    # Factories, called when first needed (they may raise: the screen shows the message).
    make_speaker: Callable[[AppSettings], Speaker] | None = None
    make_recorder: Callable[[AppSettings], Recorder] | None = None
    # Given a loaded model, returns a LiveTranscriber for one answer.
    make_live_transcriber: Callable[[Any, AppSettings], Any] | None = None
    load_model: Callable[[AppSettings], Any] | None = None
    open_store: Callable[[], Any] | None = None
    transcribe_file: Callable[[Any, Any], Any] | None = None  # (wav path, model) -> Transcript; slow
    # (model, held): file transcriptions (an import) wait while held, so a round's answers come first.
    hold_file_work: Callable[[Any, bool], None] | None = None
    list_devices: Callable[[], DeviceList] | None = None  # slow: called off the GUI thread
    play_audio: Callable[..., Any] | None = None  # play_audio(path, start_seconds) -> stop handle
    save_settings: Callable[[AppSettings], Any] | None = None
    # The sentence-embedding model that matches clarifying questions to facts and decides
    # follow-ups (slow to load: called off the GUI thread); None: keywords and word overlap.
    load_text_encoder: Callable[[], Any] | None = None
    settings_message: str | None = None  # a problem found while loading the settings
