"""The sound server's inputs (PulseAudio, or PipeWire's pulse server), read with `pactl`.

PortAudio's ALSA host API sees the whole sound server as one device ("pulse" or "default"), so
its list cannot name a USB headset. The server's own sources can: choosing one in Settings
saves `source_choice(name)` as the microphone, and the Microphone then records from PortAudio's
"pulse" device with PULSE_SOURCE=<name> set while the stream opens (libpulse, under the ALSA
pulse plugin, reads it when it connects). Without `pactl` or a server the list is empty and
nothing else changes. Kept free of numpy so that labels and the command line can import it.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

# A microphone setting that names a server source, not a PortAudio device ("pulse source: <name>").
SOURCE_PREFIX = "pulse source: "
# How the Microphone choice names a source ("Microphone: USB Headset Mono"): the words after it are
# the source's friendly name, which other texts use (app/labels.microphone_name).
LABEL_PREFIX = "Microphone: "


@dataclass(frozen=True)
class PulseSource:
    index: int
    name: str  # "alsa_input.usb-...", "spk.monitor"
    description: str  # what the sound settings show: "USB Headset Mono", "Monitor of Built-in Audio"
    monitor_of: str | None  # the output (sink) whose sound it carries, for a monitor source

    @property
    def label(self) -> str:
        return f"'{self.description}' ({self.name})" if self.description else self.name

    @property
    def is_monitor(self) -> bool:
        return self.monitor_of is not None or self.name.endswith(".monitor")


def _pactl_blocks(what: str) -> list[list[str]]:
    """`pactl list <what>` in the C locale (its labels are translated otherwise), cut into one
    list of lines per object; [] when pactl is missing or no server answers."""
    try:
        out = subprocess.run(["pactl", "list", what], capture_output=True, text=True, timeout=3,
                             env={**os.environ, "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return []
    if out.returncode != 0:
        return []
    return parse_blocks(out.stdout)


def parse_blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if line and not line[0].isspace():
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line.strip())
    return blocks


def _field(block: list[str], key: str) -> str | None:
    for line in block:
        if line.startswith(key):
            return line[len(key):].strip().strip('"')
    return None


def sources_from_blocks(blocks: list[list[str]]) -> list[PulseSource]:
    """Every source in `pactl list sources` (cut by parse_blocks), in the server's order."""
    found = []
    for block in blocks:
        if not block[0].startswith("Source #"):
            continue
        monitor = _field(block, "Monitor of Sink:")
        found.append(PulseSource(int(block[0][len("Source #"):].strip()), _field(block, "Name:") or "",
                                 _field(block, "Description:") or "",
                                 None if monitor in (None, "n/a") else monitor))
    return found


def all_sources() -> list[PulseSource]:
    """The server's sources, monitors included; [] without pactl or a server."""
    return sources_from_blocks(_pactl_blocks("sources"))


def input_sources(sources: list[PulseSource] | None = None) -> list[PulseSource]:
    """The sources a user would call microphones: not the monitors of outputs (they hear what
    the speakers play), unless the server has nothing else (a machine with only virtual sinks)."""
    sources = all_sources() if sources is None else sources
    real = [s for s in sources if not s.is_monitor]
    return real or sources


def source_choice(name: str) -> str:
    """The microphone setting that records from the source `name`."""
    return SOURCE_PREFIX + name


def chosen_source(device: object) -> str | None:
    """The source name a microphone setting chooses, or None for a PortAudio device or the default."""
    if isinstance(device, str) and device.startswith(SOURCE_PREFIX):
        return device[len(SOURCE_PREFIX):].strip() or None
    return None


def source_labels(sources: list[PulseSource]) -> dict[str, str]:
    """What the Microphone choice shows for each source's setting: "Microphone: <description>",
    with the source's name when two share a description (two identical headsets, two monitors)."""
    counts: dict[str, int] = {}
    for s in sources:
        counts[s.description] = counts.get(s.description, 0) + 1
    return {source_choice(s.name): (f"{LABEL_PREFIX}{s.description}" if s.description and counts[s.description] == 1
                                    else f"{LABEL_PREFIX}{s.description or s.name}"
                                    + (f" ({s.name})" if s.description else ""))
            for s in sources}


def missing_source_label(device: str) -> str:
    """The saved choice when its source is not there now (the headset is unplugged)."""
    return f"{LABEL_PREFIX}{chosen_source(device)} (not connected: the system default is used)"
