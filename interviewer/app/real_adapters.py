"""Factories that build the real adapters for the app. Each imports its heavy library lazily.

Each factory raises interviewer.errors.UserError with a plain message when the machine lacks
what it needs (no speech engine, no microphone, model missing); the screens show it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from interviewer.app.services import AppServices, DeviceList
from interviewer.app.settings import AppSettings
from interviewer.errors import UserError


def load_model(settings: AppSettings, cancel: Any = None) -> Any:
    """Start the transcription process and wait (on a worker thread) for its model.

    The model lives in a child process (see transcription_process.py: the Whisper encoder holds
    the GIL and would freeze the window). Also imports what a round needs later, so that no
    first-time import lands on the GUI thread in the middle of the round.
    """
    import importlib

    from interviewer.app.transcription_process import TranscriptionClient

    client = TranscriptionClient().start(settings.model or None)
    for module in ("interviewer.adapters.microphone", "interviewer.core.analysis.report"):
        importlib.import_module(module)
    try:
        return client.wait_ready(cancel=cancel)  # cancel (a threading.Event): the child is ended
    except BaseException:
        client.close()
        raise


def open_store() -> Any:
    from interviewer.storage import Store  # type: ignore[attr-defined]

    return Store.open()


def make_speaker(settings: AppSettings) -> Any:
    """A Speaker whose worker process starts in the background; check `.available` off the GUI thread."""
    try:
        from interviewer.adapters.speaker import Speaker
    except ImportError as exc:
        raise UserError(f"speech output is not available ({exc}); questions are shown as text") from None
    return Speaker(voice=settings.voice, rate=settings.speech_rate, output_device=settings.output_device)


def make_recorder(settings: AppSettings) -> Any:
    try:
        from interviewer.adapters import microphone
    except ImportError as exc:
        raise UserError(f"recording is not available ({exc})") from None
    return microphone.Microphone(settings.input_device)


class _SegmentFeed:
    """A LiveTranscriber that also reports each new segment through `on_segment` (set by the
    round controller), turning the adapter's whole-transcript updates into per-segment ones."""

    def __init__(self, model: Any) -> None:
        from interviewer.adapters.live_transcriber import LiveTranscriber

        self.on_segment = None
        self.live_speech = None  # the speech regions so far, set before each on_segment call
        self._sent = 0
        self._inner = LiveTranscriber(model, on_update=self._updated)

    def _updated(self, transcript: Any) -> None:
        new = transcript.segments[self._sent:]
        self._sent += len(new)
        self.live_speech = transcript.speech  # read by on_segment: live filler marks as the review's
        callback = self.on_segment
        if callback is not None:
            for segment in new:
                callback(segment)

    def feed(self, samples: Any) -> None:
        self._inner.feed(samples)

    def finish(self) -> Any:
        return self._inner.finish()

    def cancel(self) -> None:
        self._inner.cancel()


def make_live_transcriber(model: Any, settings: AppSettings) -> Any:
    """`model`: the transcription process's client (the app), or a model loaded in-process."""
    if hasattr(model, "live"):
        return model.live()
    return _SegmentFeed(model)


def play_audio(path: Path, start_seconds: float = 0.0, on_done: Any = None, device: Any = None) -> Any:
    """Plays a recording from `start_seconds` on the chosen output device (None: the default)."""
    from interviewer.adapters.playback import play_file

    return play_file(path, start_seconds, on_done=on_done, device=device)


def list_devices() -> Any:
    """Microphones, speakers and voices, with plain messages for whatever is missing."""
    found = DeviceList(loaded=True)
    from interviewer.adapters.pulse_sources import input_sources, source_labels

    # The sound server's microphones first (below the system default): PortAudio sees the
    # server as one device, so a USB headset is only choosable by its source.
    sources = input_sources()
    found.input_labels = source_labels(sources)
    found.inputs.extend(found.input_labels)
    try:
        from interviewer.adapters.devices import list_devices as audio_devices

        for device in audio_devices():
            if device.input_channels > 0:
                found.inputs.append(device.name)
            if device.output_channels > 0:
                found.outputs.append(device.name)
    except Exception as exc:  # PortAudio missing or failing
        found.problems.append(f"Audio devices could not be listed ({exc}). On Debian/Ubuntu install "
                              "libportaudio2 and check that PulseAudio or PipeWire is running.")
    try:
        from interviewer.adapters.speaker import Speaker

        speaker = Speaker()
        try:
            if speaker.available:
                found.voices = [(v.id, v.name) for v in speaker.list_voices()]
            else:
                found.problems.append(speaker.unavailable_reason or "No speech engine.")
        finally:
            speaker.close()
    except Exception as exc:
        found.problems.append(f"Speech voices could not be listed ({exc}).")
    return found


def transcribe_file(path: Path, model: Any, on_progress: Any = None, cancel: Any = None) -> Any:
    """Transcribe a recording (read in chunks, bounded memory); `on_progress(done_seconds,
    total_seconds)` after each chunk, on a worker thread, for a progress bar; `cancel` (a
    threading.Event) set stops it before the next chunk (interviewer.errors.Cancelled)."""
    if hasattr(model, "transcribe_file"):
        return model.transcribe_file(path, on_progress=on_progress, cancel=cancel)
    from interviewer.adapters.transcription import transcribe
    from interviewer.errors import Cancelled

    def progress(done: float, total: float) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if on_progress is not None:
            on_progress(done, total)

    return transcribe(path, model, progress=progress)


def hold_file_work(model: Any, held: bool) -> None:
    """Transcriptions of files wait while `held` (a round runs), where the model can (the
    transcription child); an in-process model has nothing to hold."""
    if hasattr(model, "hold_files"):
        model.hold_files(held)


def load_text_encoder() -> Any:
    """The sentence-embedding model, or the word-overlap fallback when it cannot load (logged)."""
    from interviewer.adapters.embeddings import load_text_encoder as load

    return load()


def default_services() -> AppServices:
    """The app's services with the real adapters and the user's saved settings."""
    from interviewer.app.settings import apply_data_dir, load_settings, save_settings

    settings, message = load_settings()
    apply_data_dir(settings)
    services = AppServices(
        settings=settings,
        make_speaker=make_speaker,
        make_recorder=make_recorder,
        make_live_transcriber=make_live_transcriber,
        load_model=load_model,
        open_store=open_store,
        list_devices=list_devices,
        transcribe_file=transcribe_file,
        hold_file_work=hold_file_work,
        save_settings=save_settings,
        load_text_encoder=load_text_encoder,
        settings_message=message,
    )

    def play_audio_on_chosen_speaker(path, start_seconds: float = 0.0, on_done=None):
        # Read at each click: the speaker chosen in Settings may have changed since start-up.
        return play_audio(path, start_seconds, on_done, device=services.settings.output_device)

    services.play_audio = play_audio_on_chosen_speaker
    return services
