"""Audio devices as the user sees them: listing, defaults, and choosing one by number or name.

Every function takes the sounddevice module as an optional argument so tests can pass a fake.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from interviewer.adapters.alsa_quiet import quiet_alsa
from interviewer.errors import UserError


class AudioDeviceError(UserError):
    """No usable audio device, or the one asked for does not exist."""


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    host_api: str
    input_channels: int
    output_channels: int
    default_samplerate: float
    is_default_input: bool = False
    is_default_output: bool = False


def load_sounddevice(sounddevice_module: Any = None) -> Any:
    """The sounddevice module, or a clear error when PortAudio is missing."""
    if sounddevice_module is not None:
        return sounddevice_module
    quiet_alsa()  # before any stream opens: ALSA's own lines are no error of the app's
    try:
        import sounddevice
    except OSError as exc:  # sounddevice raises OSError when libportaudio is not installed
        raise AudioDeviceError(
            f"the audio library PortAudio is missing ({exc}); install it "
            "(Debian/Ubuntu: sudo apt install libportaudio2)") from None
    return sounddevice


def portaudio_version(sounddevice_module: Any = None) -> str:
    return str(load_sounddevice(sounddevice_module).get_portaudio_version()[1])


def _default_indices(sd: Any) -> tuple[int, int]:
    try:
        default_in, default_out = sd.default.device
    except (TypeError, ValueError):
        default_in = default_out = -1
    return (-1 if default_in is None else int(default_in), -1 if default_out is None else int(default_out))


def list_devices(sounddevice_module: Any = None) -> list[AudioDevice]:
    sd = load_sounddevice(sounddevice_module)
    try:
        raw = list(sd.query_devices())
        host_apis = [h["name"] for h in sd.query_hostapis()]
    except sd.PortAudioError as exc:
        raise AudioDeviceError(f"could not list audio devices: {exc}") from None
    default_in, default_out = _default_indices(sd)
    devices = []
    for i, d in enumerate(raw):
        index = int(d.get("index", i))
        host = d.get("hostapi", 0)
        devices.append(AudioDevice(
            index=index, name=str(d["name"]),
            host_api=host_apis[host] if isinstance(host, int) and 0 <= host < len(host_apis) else str(host),
            input_channels=int(d["max_input_channels"]), output_channels=int(d["max_output_channels"]),
            default_samplerate=float(d["default_samplerate"]),
            is_default_input=index == default_in, is_default_output=index == default_out))
    return devices


def input_devices(sounddevice_module: Any = None) -> list[AudioDevice]:
    return [d for d in list_devices(sounddevice_module) if d.input_channels > 0]


NO_INPUT_HELP = ("No microphone was found. Plug one in (or enable it in the system sound settings), "
                 "then run `interviewer devices` to check that it is listed.")


def resolve_input_device(device: int | str | None, sounddevice_module: Any = None) -> AudioDevice:
    """The input device to record from: None = the system default, an index, or (part of) a name."""
    candidates = input_devices(sounddevice_module)
    if not candidates:
        raise AudioDeviceError(NO_INPUT_HELP)
    names = "; ".join(f"{d.index}: {d.name}" for d in candidates)
    if device is None or device == "" or device == "default":
        for d in candidates:
            if d.is_default_input:
                return d
        return candidates[0]  # no system default: the first microphone is the best guess
    if isinstance(device, int) or (isinstance(device, str) and device.strip().isdigit()):
        index = int(device)
        for d in candidates:
            if d.index == index:
                return d
        raise AudioDeviceError(f"there is no microphone number {index}; microphones: {names}")
    wanted = str(device).strip().lower()
    exact = [d for d in candidates if d.name.lower() == wanted]
    if exact:
        return exact[0]
    partial = [d for d in candidates if wanted in d.name.lower()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise AudioDeviceError(f"no microphone is called {device!r}; microphones: {names}")
    raise AudioDeviceError(f"{device!r} matches several microphones ("
                           + "; ".join(f"{d.index}: {d.name}" for d in partial) + "); give its number")
