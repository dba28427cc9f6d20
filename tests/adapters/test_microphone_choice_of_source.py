"""Choosing one of the sound server's microphones (a trial: Settings > Microphone offered only
"(system default)", "pulse" and "default (ALSA)" under PulseAudio/PipeWire, since PortAudio's
ALSA host API sees the server as one device, so a USB headset could not be chosen).

The server's sources are read from `pactl list sources` (C locale); the setting
"pulse source: <name>" records from PortAudio's "pulse" device with PULSE_SOURCE=<name> set
while the stream opens. The real recording is checked on the virtual devices (audio test)."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer.adapters import pulse_sources
from interviewer.adapters.microphone import Microphone
from interviewer.adapters.pulse_sources import (PulseSource, chosen_source, input_sources, parse_blocks,
                                                source_choice, source_labels, sources_from_blocks)

from .fake_sounddevice import FakeSoundDevice, device

CAPTURED = Path(__file__).parent.parent / "data" / "pactl_list_sources_usb_headset.txt"  # pactl 16, PipeWire, LC_ALL=C
HEADSET = "alsa_input.usb-Logitech_USB_Headset-00.mono-fallback"


def _sources() -> list[PulseSource]:
    return sources_from_blocks(parse_blocks(CAPTURED.read_text()))


def test_the_servers_microphones_are_read_from_pactl_without_the_monitors_of_outputs():
    sources = _sources()
    assert [s.name for s in sources] == ["alsa_output.pci-0000_00_1f.3.analog-stereo.monitor",
                                         "alsa_input.pci-0000_00_1f.3.analog-stereo", HEADSET]
    assert sources[0].monitor_of == "alsa_output.pci-0000_00_1f.3.analog-stereo" and sources[0].is_monitor
    assert [s.description for s in input_sources(sources)] == ["Built-in Audio Analog Stereo",
                                                               "Logitech USB Headset Mono"]
    assert source_labels(input_sources(sources)) == {
        "pulse source: alsa_input.pci-0000_00_1f.3.analog-stereo": "Microphone: Built-in Audio Analog Stereo",
        f"pulse source: {HEADSET}": "Microphone: Logitech USB Headset Mono"}


def test_only_monitors_are_listed_when_the_server_has_nothing_else():
    monitors = [PulseSource(1, "spk.monitor", "Monitor of Null Output", "spk"),
                PulseSource(2, "mic.monitor", "Monitor of Null Output", "mic")]
    assert input_sources(monitors) == monitors
    # Two with one description: the name tells them apart.
    assert list(source_labels(monitors).values()) == ["Microphone: Monitor of Null Output (spk.monitor)",
                                                      "Microphone: Monitor of Null Output (mic.monitor)"]


def test_pactl_is_asked_in_the_c_locale_and_its_absence_lists_nothing(monkeypatch):
    seen = []

    def run(args, **kwargs):
        seen.append((args, kwargs["env"].get("LC_ALL")))
        return subprocess.CompletedProcess(args, 0, CAPTURED.read_text(), "")

    monkeypatch.setattr(pulse_sources.subprocess, "run", run)
    assert len(input_sources()) == 2 and (["pactl", "list", "sources"], "C") in seen
    # Every call in the C locale. (A microphone's source watcher left running by an earlier test
    # in the same worker may call "pactl list source-outputs" meanwhile: seen once in a full run.)
    assert all(locale == "C" for _, locale in seen)

    def missing(args, **kwargs):
        raise FileNotFoundError("pactl")

    monkeypatch.setattr(pulse_sources.subprocess, "run", missing)
    assert input_sources() == []


def test_a_setting_names_a_source_or_not():
    assert chosen_source(source_choice(HEADSET)) == HEADSET
    for device_setting in (None, "", "pulse", "USB Audio: hw:1,0", 3):
        assert chosen_source(device_setting) is None


def _server_with(monkeypatch, text: str) -> None:
    monkeypatch.setattr(pulse_sources.subprocess, "run",
                        lambda args, **kw: subprocess.CompletedProcess(args, 0, text, ""))
    monkeypatch.setattr("interviewer.adapters.microphone.shutil.which", lambda name: None)  # no watcher


class _EnvSeen(FakeSoundDevice):
    """Notes PULSE_SOURCE and the device when each stream opens and starts."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.seen: list[tuple[str, object, str | None]] = []

    def InputStream(self, *, device, **kw):  # noqa: N802 (sounddevice's name)
        self.seen.append(("open", device, os.environ.get("PULSE_SOURCE")))
        stream = super().InputStream(device=device, **kw)
        start = stream.start

        def noted_start():
            self.seen.append(("start", device, os.environ.get("PULSE_SOURCE")))
            start()

        stream.start = noted_start
        return stream


def _alsa_devices() -> list[dict]:
    return [device("HDA Intel PCH: ALC257 Analog (hw:0,0)"), device("pulse", 32), device("default", 32)]


def test_a_chosen_source_opens_the_pulse_device_with_pulse_source_set_then_restored(tmp_path, monkeypatch):
    _server_with(monkeypatch, CAPTURED.read_text())
    monkeypatch.setenv("PULSE_SOURCE", "what.the.user.had")
    sd = _EnvSeen(devices=_alsa_devices(), default=(2, -1), audio=np.zeros(16000, np.float32))
    mic = Microphone(source_choice(HEADSET), sounddevice_module=sd)
    try:
        mic.start(tmp_path / "a.wav")
        mic.stop()
    finally:
        mic.close()
    assert mic.device_info.name == "pulse"
    assert sd.seen == [("open", 1, HEADSET), ("start", 1, HEADSET)]
    assert os.environ["PULSE_SOURCE"] == "what.the.user.had" and mic.source_changes == []


def test_a_source_that_is_gone_records_from_the_system_default_and_says_so(tmp_path, monkeypatch):
    _server_with(monkeypatch, CAPTURED.read_text())
    monkeypatch.delenv("PULSE_SOURCE", raising=False)
    sd = _EnvSeen(devices=_alsa_devices(), default=(2, -1), audio=np.zeros(16000, np.float32))
    told: list[str] = []
    mic = Microphone(source_choice("alsa_input.usb-Unplugged_Headset-00.mono"), sounddevice_module=sd)
    mic.on_source_change = told.append
    try:
        mic.start(tmp_path / "a.wav")
        path = mic.stop()
    finally:
        mic.close()
    assert mic.error is None and soundfile.info(str(path)).samplerate == 16000
    assert mic.device_info.name == "default" and sd.seen[0] == ("open", 2, None)
    assert told == mic.source_changes == [
        "The microphone chosen in Settings (alsa_input.usb-Unplugged_Headset-00.mono) is not connected: "
        "recording from the system default microphone instead. Plug it in, or choose another in Settings."]
    assert "PULSE_SOURCE" not in os.environ


# ------------------------------------------------------------------ on the virtual devices


def _pactl(*args: str) -> str:
    return subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10, check=True).stdout


def _tone_strength(path: Path, hz: float) -> float:
    """How far the tone stands above the recording's median spectrum (0 for silence)."""
    audio, rate = soundfile.read(str(path), dtype="float32")
    spectrum = np.abs(np.fft.rfft(audio))
    freqs = np.fft.rfftfreq(audio.size, 1 / rate)
    peak = spectrum[(freqs > hz - 20) & (freqs < hz + 20)].max()
    return float(peak / max(np.median(spectrum), 1e-9)) if peak > 1e-3 else 0.0


@pytest.mark.audio
def test_recording_from_a_source_chosen_in_settings(pulse, tmp_path):
    """Two private null sinks: a tone plays into one, silence into the other; choosing the first's
    monitor by name through the setting records the tone, the second's does not."""
    from interviewer.app.real_adapters import list_devices, make_recorder
    from interviewer.app.settings import AppSettings

    pid = os.getpid()
    sinks = {key: f"ivtest_{key}_{pid}" for key in ("a", "b")}
    modules: list[str] = []
    tone, silence = tmp_path / "tone.wav", tmp_path / "silence.wav"
    t = np.arange(int(2.0 * 48000)) / 48000
    soundfile.write(str(tone), (0.3 * np.sin(2 * np.pi * 440.0 * t)).astype(np.float32), 48000)
    soundfile.write(str(silence), np.zeros(t.size, np.float32), 48000)
    strengths = {}
    before = os.environ.get("PULSE_SOURCE")
    try:
        for key, sink in sinks.items():
            modules.append(_pactl("load-module", "module-null-sink", f"sink_name={sink}",
                                  f"sink_properties=device.description=ivtest-{key}").strip())
        choices = {key: source_choice(f"{sink}.monitor") for key, sink in sinks.items()}
        listed = list_devices()  # what Settings > Microphone offers
        for key, choice in choices.items():
            assert choice in listed.inputs and listed.input_labels[choice] == f"Microphone: Monitor of ivtest-{key}"
        for key, choice in choices.items():
            mic = make_recorder(AppSettings(input_device=choice))
            try:
                mic.start(tmp_path / f"{key}.wav")
                deadline = time.monotonic() + 5
                while mic.source is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                # The server itself says which source the stream reads from.
                assert mic.source is not None and mic.source.name == f"{sinks[key]}.monitor", mic.source
                players = [subprocess.Popen(["paplay", f"--device={sinks['a']}", str(tone)]),
                           subprocess.Popen(["paplay", f"--device={sinks['b']}", str(silence)])]
                for player in players:
                    assert player.wait(timeout=30) == 0
                time.sleep(0.3)
                path = mic.stop()
            finally:
                mic.close()
            assert mic.error is None and mic.source_changes == []
            strengths[key] = _tone_strength(path, 440.0)
            assert os.environ.get("PULSE_SOURCE") == before  # set only while the stream opened
    finally:
        for module in modules:
            subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=10)
    assert strengths["a"] > 50, strengths  # the tone, heard from the source chosen
    assert strengths["b"] == 0.0, strengths  # the other one's silence: no tone at all


def test_the_app_lists_the_servers_microphones_first_with_their_labels(monkeypatch):
    from interviewer.app import real_adapters

    _server_with(monkeypatch, CAPTURED.read_text())
    monkeypatch.setattr("interviewer.adapters.devices.load_sounddevice",
                        lambda module=None: FakeSoundDevice(devices=_alsa_devices(), default=(2, -1)))
    found = real_adapters.list_devices()
    assert found.inputs == ["pulse source: alsa_input.pci-0000_00_1f.3.analog-stereo", f"pulse source: {HEADSET}",
                            "HDA Intel PCH: ALC257 Analog (hw:0,0)", "pulse", "default"]
    assert found.input_labels[f"pulse source: {HEADSET}"] == "Microphone: Logitech USB Headset Mono"
