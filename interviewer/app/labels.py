"""Human-readable names and formats shared by the screens."""
from __future__ import annotations

from interviewer.core.clock import clock_text, shown_seconds  # noqa: F401 (clock_text shared here)
from interviewer.core.scripts.model import kind_label  # noqa: F401 (shared here)


def count_text(count: int, noun: str, plural: str | None = None) -> str:
    """"1 round", "2 rounds", "no rounds": never "round(s)"."""
    word = noun if count == 1 else (plural or noun + "s")
    return f"{count if count else 'no'} {word}"




def phase_clock_text(seconds: float) -> str:
    """The phase clock (engine.phase_clock()): mm:ss left in the part's plan, or "+mm:ss" spent
    past it while the part goes on with time saved earlier."""
    return clock_text(seconds) if seconds >= 0 else "+" + clock_text(-seconds)


def minutes_text(minutes: float) -> str:
    return f"{minutes:g} min"


def is_english_voice(voice_id: str, name: str) -> bool:
    """espeak ids end in a language tag ("gmw/en-us"); SAPI and macOS names carry the language
    ("Microsoft Zira - English (United States)"). "latin as English" Mandarin is not English."""
    tag = voice_id.replace("\\", "/").rsplit("/", 1)[-1].lower()
    lowered = name.lower()
    return (tag == "en" or tag.startswith("en-") or tag.startswith("en_") or lowered.startswith("english")
            or " - english" in lowered)


def english_voices_first(voices: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(English voices, the others), each sorted by name: the rounds are in English, so a
    candidate picks from a handful instead of scrolling past 100 languages."""
    english = sorted((v for v in voices if is_english_voice(*v)), key=lambda v: v[1].lower())
    others = sorted((v for v in voices if not is_english_voice(*v)), key=lambda v: v[1].lower())
    return english, others


# PortAudio lists the sound system's routes beside the hardware on Linux, under ALSA's bare
# names; "pulse" next to "(system default)" tells a user nothing.
_ROUTE_NOTES = {
    "pulse": "through PulseAudio or PipeWire",
    "pipewire": "through PipeWire",
    "default": "ALSA's default device",
    "sysdefault": "ALSA's system default",
}


def input_label(value: str, labels: dict[str, str]) -> str:
    """What the Microphone choice shows for a setting: a server source by its description
    (`labels`, from DeviceList.input_labels), one that is gone as such, a device by its name."""
    from interviewer.adapters.pulse_sources import chosen_source, missing_source_label

    if value in labels:
        return labels[value]
    return missing_source_label(value) if chosen_source(value) else device_label(value)


def device_label(name: str) -> str:
    """What a device list shows for a device: its name as the sound system gives it (which logs
    and settings keep), with what a bare route name means."""
    note = _ROUTE_NOTES.get(name.strip().lower())
    return f"{name} ({note})" if note else name
