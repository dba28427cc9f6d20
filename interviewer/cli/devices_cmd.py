"""`interviewer devices`: microphones, speakers and speech voices, so a user can see why a
device or a voice is not found."""
from __future__ import annotations

import argparse
from typing import Any


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "devices", help="list microphones, speakers and speech voices",
        description="List audio input and output devices (* marks the system default) and the "
                    "speech voices. Use the number or name of a device in the app's settings.")
    parser.add_argument("--all-voices", action="store_true",
                        help="list every voice, not only English ones")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print(describe_audio_devices())
    sources = describe_sound_server_inputs()
    if sources:
        print(sources)
    print()
    print(describe_voices(all_voices=args.all_voices))
    return 0


def describe_audio_devices(sounddevice_module: Any = None) -> str:
    from interviewer.adapters.devices import AudioDeviceError, list_devices

    try:
        devices = list_devices(sounddevice_module)
    except AudioDeviceError as exc:
        return f"Audio devices: none could be listed: {exc}"
    lines = []
    for title, kind in (("Microphones (input)", "input"), ("Speakers (output)", "output")):
        found = [d for d in devices if (d.input_channels if kind == "input" else d.output_channels) > 0]
        lines.append(f"{title}:")
        if not found:
            lines.append("  none found. " + (_NO_INPUT if kind == "input" else _NO_OUTPUT))
        for d in found:
            default = d.is_default_input if kind == "input" else d.is_default_output
            channels = d.input_channels if kind == "input" else d.output_channels
            lines.append(f"  {'*' if default else ' '} {d.index:>2}  {d.name}  "
                         f"({d.host_api}, {channels} ch, {d.default_samplerate:.0f} Hz)")
        if found and not any(d.is_default_input if kind == "input" else d.is_default_output for d in found):
            lines.append("  (no system default; the first one is used unless you choose)")
    return "\n".join(lines)


def describe_sound_server_inputs(sources: Any = None) -> str:
    """The microphones PulseAudio or PipeWire knows (PortAudio shows the server as one device):
    what Settings > Microphone lists as "Microphone: <description>". "" without a server."""
    from interviewer.adapters.pulse_sources import input_sources

    sources = input_sources() if sources is None else input_sources(sources)
    if not sources:
        return ""
    lines = ["Microphones of the sound server (PulseAudio/PipeWire; Settings > Microphone lists them as "
             "'Microphone: <description>'):"]
    for source in sources:
        lines.append(f"     {source.description or source.name}  ({source.name})")
    return "\n".join(lines)


_NO_INPUT = ("The app cannot record answers. Plug in a microphone or headset, check that it is not "
             "disabled in the system sound settings, and on Linux that PulseAudio or PipeWire is "
             "running (`pactl info`).")
_NO_OUTPUT = ("Questions will be shown as text only. Connect speakers or headphones, and on Linux "
              "check that PulseAudio or PipeWire is running (`pactl info`).")


def _app_rate() -> int:
    """The rate the app speaks at (the user's settings), not the speech engine's own default
    (175 for espeak-ng), which the app never uses."""
    from interviewer.app.settings import load_settings

    return load_settings()[0].speech_rate


def describe_voices(all_voices: bool = False, speaker: Any = None) -> str:
    from interviewer.adapters.speaker import Speaker

    own = speaker is None
    speaker = speaker or Speaker()
    try:
        if not speaker.available:
            return f"Speech voices: none. {speaker.unavailable_reason}"
        voices = speaker.list_voices()
        shown = voices if all_voices else [
            v for v in voices if any(lang.lower().startswith("en") for lang in v.languages)
            or v.id.lower().startswith(("en", "gmw/en"))]
        lines = [f"Speech voices ({len(voices)} installed"
                 + ("" if all_voices else f", {len(shown)} English shown; --all-voices for the rest")
                 + f"; the interviewer speaks at {_app_rate()} words per minute, set in Settings):"]
        if not voices:
            lines.append("  none: the speech engine has no voices installed (Debian/Ubuntu: "
                         "sudo apt install espeak-ng-data)")
        for v in shown:
            langs = ", ".join(v.languages)
            lines.append(f"  {v.id:<22} {v.name}" + (f"  [{langs}]" if langs else ""))
        return "\n".join(lines)
    finally:
        if own:
            speaker.close()
