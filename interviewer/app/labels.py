"""Human-readable names and formats shared by the screens."""
from __future__ import annotations

from typing import Any

from interviewer.core.clock import clock_text, into_round_text, length_of_text, length_text, shown_seconds  # noqa: F401 (shared here)
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
    """A planned length given in minutes, in the one form of a length (core.clock.length_text)."""
    return length_text(minutes * 60.0)


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


def microphone_name(value: str | None, labels: dict[str, str]) -> str:
    """The microphone a setting chooses, by the name the Microphone choice shows without its
    "Microphone: " (a server source's description, not "pulse source: t29mic.monitor", new-user
    trial 29); "the system default" for none."""
    from interviewer.adapters.pulse_sources import LABEL_PREFIX, chosen_source

    if not value:
        return "the system default"
    if value not in labels and chosen_source(value):  # unplugged: its name is all there is
        return f"{chosen_source(value)} (not connected now)"
    label = input_label(value, labels)
    return label[len(LABEL_PREFIX):] if label.startswith(LABEL_PREFIX) else label


def local_time_text(stamp: str) -> str:
    """'2026-12-03T05:00:40+00:00' as '3 Dec 2026, 05:00' in this computer's time zone (the note
    showed the stored ISO text, time zone offset and all)."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp.replace("T", " ")
    if when.tzinfo is not None:
        when = when.astimezone()
    return f"{when.day} {when:%b %Y, %H:%M}"


def output_setup_found_text(settings: Any, labels: dict[str, str]) -> str:
    """How and when the speaker's setup was found, for the speaker chosen in `settings`: "Echo
    check, 6 Dec 2026, 13:20, microphone: USB Headset" or "Set by hand, ..."; "" when not known.
    Settings' note and the Check screen both say it (the Check screen asked for the check again
    after the first-start guide had done it, trial 29)."""
    from interviewer.app.settings import output_setup_for

    if output_setup_for(settings) == "unknown":
        return ""
    text = f"{settings.output_setup_source.capitalize() or 'Set'}, {local_time_text(settings.output_setup_at)}"
    if settings.output_setup_source == "echo check":  # heard with this microphone
        text += f", microphone: {microphone_name(settings.output_setup_input_device, labels)}"
    return text


_SAVED: Any = object()  # known_echo_text's microphone: the one in the settings


def _echo_check_elsewhere(settings: Any, input_device: Any = _SAVED) -> bool:
    """An echo check's verdict is kept, but for another speaker or microphone than the pair in
    use (`input_device`: the microphone chosen on the Check screen, the saved one by default)."""
    mic = settings.input_device if input_device is _SAVED else input_device
    return (settings.output_setup_source == "echo check" and settings.output_setup in ("headphones", "loudspeakers")
            and (settings.output_device != settings.output_setup_output_device
                 or mic != settings.output_setup_input_device))


def stale_echo_text(settings: Any, input_device: Any = _SAVED) -> str:
    """The Check screen's Speakers line when the echo check's verdict was found with another
    speaker or microphone than the pair in use: said as past, with the offer to check again
    (session 35: "Loudspeakers" stayed after switching to headphones, and nothing offered the
    check); "" otherwise."""
    if not _echo_check_elsewhere(settings, input_device):
        return ""
    return (f"The last echo check ({local_time_text(settings.output_setup_at)}) found {settings.output_setup} with "
            "another speaker or microphone: it does not hold for these. Check for echo again (stay quiet).")


def known_echo_text(settings: Any, labels: dict[str, str], input_device: Any = _SAVED) -> str:
    """The Check screen's Speakers line once the setup of the speaker in use is known (its hint
    to run the check otherwise); "" when it is not known, or an echo check found it with another
    microphone than `input_device` (the Check screen's choice; the saved one by default)."""
    from interviewer.app.settings import output_setup_for

    setup = output_setup_for(settings)
    if setup not in ("headphones", "loudspeakers") or _echo_check_elsewhere(settings, input_device):
        return ""
    found = output_setup_found_text(settings, labels)
    text = f"{setup.capitalize()} ({found[:1].lower() + found[1:]})"
    checked = settings.output_setup_source == "echo check"
    if setup == "headphones":
        text += ": the microphone does not hear the interviewer." if checked else "."
        return text + " Check again after changing speakers."
    return (text + (": the microphone hears the interviewer," if checked else ":")
            + " so talking does not interrupt it in a round (press Space). Headphones work best: switch, then "
              "check again.")


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
