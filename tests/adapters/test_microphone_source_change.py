"""A microphone unplugged mid-round under PulseAudio: the server does not end the stream, it
moves it to another source, often the monitor of the speakers, and the round went on recording
the interviewer's own voice (or nothing) as the candidate's, without a word (a new-user trial).
Reproduced on the virtual devices: a 'USB Headset' null sink's monitor is the input, the
fallback is spk.monitor; unloading the headset's module moved the stream to spk.monitor with no
error. The Microphone now says so ("The microphone changed to ...: check your microphone"),
keeps recording, and loses nothing."""
from __future__ import annotations

import subprocess
import time

import numpy as np
import pytest
import soundfile

from interviewer.adapters import microphone as microphone_module
from interviewer.adapters.microphone import Microphone, PulseSource, pulse_record_streams, source_change_message


def _pactl(*args: str) -> str:
    return subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10, check=True).stdout


def _tone(path, seconds: float, hz: float) -> None:
    t = np.arange(int(seconds * 48000)) / 48000
    soundfile.write(str(path), (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32), 48000)


def _rms(audio: np.ndarray) -> float:
    return float(np.sqrt(np.mean(audio ** 2))) if audio.size else 0.0


@pytest.mark.audio
def test_an_unplugged_microphone_is_named_and_nothing_recorded_is_lost(pulse, tmp_path, monkeypatch):
    # The 'USB headset': a source of its own (the sound played into the data5air sink), chosen
    # by name, as a headset's is; the default input (the fallback) is the speakers' monitor.
    air = _pactl("load-module", "module-null-sink", "sink_name=data5air").strip()
    headset = _pactl("load-module", "module-remap-source", "master=data5air.monitor", "source_name=data5usb",
                     "source_properties=device.description=USB-Headset").strip()
    monkeypatch.setenv("PULSE_SOURCE", "data5usb")  # read by libpulse when the stream opens
    candidate, interviewer = tmp_path / "candidate.wav", tmp_path / "interviewer.wav"
    _tone(candidate, 1.0, 300.0)
    _tone(interviewer, 1.0, 700.0)
    told: list[str] = []
    mic = Microphone()
    mic.on_source_change = told.append
    try:
        _pactl("set-default-source", "spk.monitor")
        mic.start_round(tmp_path / "round.wav")
        mic.start(tmp_path / "answer.wav")
        deadline = time.monotonic() + 5
        while mic.source is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mic.source is not None and mic.source.name == "data5usb", mic.source
        subprocess.run(["paplay", "--device=data5air", str(candidate)], check=True, timeout=30)
        _pactl("unload-module", headset)  # unplugged
        headset = None
        subprocess.run(["paplay", "--device=spk", str(interviewer)], check=True, timeout=30)
        deadline = time.monotonic() + 3 * microphone_module.POLL_SECONDS + 2
        while not told and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mic.error is None and mic.recording  # not ended: still recording
        answer = mic.stop()
        round_path = mic.stop_round()
    finally:
        mic.close()
        _pactl("set-default-source", "mic.monitor")
        for module in (headset, air):
            if module is not None:
                _pactl("unload-module", module)

    assert len(told) == 1, told
    assert told[0].startswith("The microphone changed to 'Monitor of ")  # 'Monitor of Null Output' here
    assert told[0].endswith("(spk.monitor): check your microphone. That input hears what the speakers play (the "
                            "interviewer's voice), not you. Until now 'USB-Headset' (data5usb) was used "
                            "(unplugged?). What was recorded is kept.")
    assert mic.source_changes == told and mic.source.name == "spk.monitor"
    for path in (answer, round_path):  # the candidate's tone and then the interviewer's: both kept
        audio, rate = soundfile.read(str(path), dtype="float32")
        spectrum = np.abs(np.fft.rfft(audio))
        freqs = np.fft.rfftfreq(audio.size, 1 / rate)
        floor = np.median(spectrum)
        for hz in (300.0, 700.0):
            assert spectrum[(freqs > hz - 20) & (freqs < hz + 20)].max() > 50 * floor, (path, hz)
        assert audio.size / rate >= 2.0 and _rms(audio) > 0.01


def test_the_stream_and_its_source_are_read_from_pactl_in_the_c_locale(monkeypatch):
    """The parsing, on pactl 16's text output (no JSON before 16; labels translated unless C)."""
    outputs = {
        "sources": ("Source #1\n\tState: RUNNING\n\tName: alsa_output.pci.analog-stereo.monitor\n"
                    "\tDescription: Monitor of Built-in Audio\n\tMonitor of Sink: alsa_output.pci.analog-stereo\n"
                    "Source #2\n\tName: alsa_input.usb-headset.mono\n\tDescription: USB Headset Mono\n"
                    "\tMonitor of Sink: n/a\n"),
        "source-outputs": ("Source Output #7\n\tSource: 2\n\tProperties:\n\t\tapplication.process.id = \"41\"\n"
                           "Source Output #9\n\tSource: 1\n\tProperties:\n\t\tapplication.process.id = \"42\"\n"),
    }
    seen_env = []

    def run(args, **kwargs):
        seen_env.append(kwargs["env"].get("LC_ALL"))
        return subprocess.CompletedProcess(args, 0, outputs[args[2]], "")

    monkeypatch.setattr(microphone_module.subprocess, "run", run)
    streams = pulse_record_streams(42)
    assert streams == {9: PulseSource(1, "alsa_output.pci.analog-stereo.monitor", "Monitor of Built-in Audio",
                                      "alsa_output.pci.analog-stereo")}
    assert set(seen_env) == {"C"}
    usb = pulse_record_streams(41)[7]
    message = source_change_message(usb, streams[9])
    assert message == ("The microphone changed to 'Monitor of Built-in Audio' (alsa_output.pci.analog-stereo."
                       "monitor): check your microphone. That input hears what the speakers play (the "
                       "interviewer's voice), not you. Until now 'USB Headset Mono' (alsa_input.usb-headset."
                       "mono) was used (unplugged?). What was recorded is kept.")
    assert "speakers" not in source_change_message(streams[9], usb)


def test_without_pactl_or_a_server_there_is_nothing_to_watch(monkeypatch):
    def missing(args, **kwargs):
        raise FileNotFoundError("pactl")

    monkeypatch.setattr(microphone_module.subprocess, "run", missing)
    assert pulse_record_streams(42) == {}
    monkeypatch.setattr(microphone_module.subprocess, "run",
                        lambda args, **kw: subprocess.CompletedProcess(args, 1, "", "Connection refused"))
    assert pulse_record_streams(42) == {}
