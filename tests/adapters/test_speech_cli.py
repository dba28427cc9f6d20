"""`interviewer transcribe` and `interviewer devices`, run as a user would."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from interviewer.cli.devices_cmd import describe_audio_devices, describe_voices
from interviewer.core.transcript import Transcript
from interviewer.adapters.speaker import Speaker

from speech_oracle import MIN_RECALL, hesitations_of, recall_of

from .audio_helpers import espeak
from .fake_sounddevice import FakeSoundDevice, device

ANSWER = 'So, um, I would start with the data. <break time="1500ms"/> Uh, then a simple baseline model.'


def interviewer(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interviewer", *args], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def answer_wav(tmp_path_factory):
    return espeak(ANSWER, tmp_path_factory.mktemp("cli") / "answer.wav")


def test_transcribe_prints_text_with_hesitations(answer_wav):
    result = interviewer("transcribe", str(answer_wav))
    assert result.returncode == 0, result.stderr
    assert recall_of(ANSWER, result.stdout) >= MIN_RECALL, result.stdout
    assert hesitations_of(result.stdout), f"hesitations dropped: {result.stdout}"
    assert "Traceback" not in result.stderr


def test_transcribe_json_has_words_with_timings_and_vad_pauses(answer_wav):
    result = interviewer("transcribe", str(answer_wav), "--json", "--model", "default")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    transcript = Transcript.from_dict(data)
    assert transcript.model and transcript.duration > 4
    words = transcript.words
    assert words and all({"text", "start", "end", "probability"} <= set(w) for s in data["segments"]
                         for w in s["words"])
    assert all(0 <= w.start <= w.end <= transcript.duration + 0.5 for w in words)
    assert all(0 < w.probability <= 1 for w in words)
    # The 1.5 s break is a gap between VAD speech regions (measured on the audio, not words).
    regions = transcript.speech
    assert regions and len(regions) >= 2
    gaps = [b.start - a.end for a, b in zip(regions, regions[1:])]
    assert max(gaps) == pytest.approx(1.5, abs=0.35)


@pytest.mark.parametrize("make_input, expected", [
    (lambda tmp: tmp / "missing.wav", "no such audio file"),
    (lambda tmp: (tmp / "notes.wav").write_text("not audio") and tmp / "notes.wav", "cannot read as audio"),
])
def test_transcribe_bad_audio_is_a_one_line_error(tmp_path, make_input, expected):
    result = interviewer("transcribe", str(make_input(tmp_path)))
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("interviewer: ")


@pytest.mark.parametrize("model, expected", [
    ("/nonexistent/whisper-folder", "this speech model folder does not exist"),
    ("medium.en", "is not on this machine"),
    ("large-v9", "unknown speech model"),
])
def test_transcribe_missing_model_says_how_to_get_it(answer_wav, model, expected):
    result = interviewer("transcribe", str(answer_wav), "--model", model)
    assert result.returncode == 1, result.stdout
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_devices_command_lists_devices_and_voices():
    result = interviewer("devices")
    assert result.returncode == 0, result.stderr
    assert "Microphones (input):" in result.stdout and "Speakers (output):" in result.stdout
    assert "Speech voices (" in result.stdout and "gmw/en-us" in result.stdout


def test_devices_says_the_rate_the_app_speaks_at(tmp_path, monkeypatch):
    """A new-user run: `interviewer devices` said "default rate 175" (espeak-ng's own), while the
    app speaks at 170 (its default) or what Settings hold."""
    from interviewer.app.settings import AppSettings, save_settings

    monkeypatch.setenv("INTERVIEWER_CONFIG_DIR", str(tmp_path))
    assert "speaks at 170 words per minute" in describe_voices()
    save_settings(AppSettings(speech_rate=150))
    assert "speaks at 150 words per minute" in describe_voices()
    assert "175" not in describe_voices().splitlines()[0]


def test_devices_with_no_sound_hardware_explains_why():
    fake = FakeSoundDevice(devices=[], default=(-1, -1))
    text = describe_audio_devices(fake)
    assert "Microphones (input):\n  none found. The app cannot record answers." in text
    assert "Speakers (output):\n  none found. Questions will be shown as text only." in text


def test_devices_marks_defaults_and_missing_default():
    fake = FakeSoundDevice(devices=[device("USB mic", 1, 0, 48000), device("HDMI", 0, 2, 44100)],
                           default=(-1, 1))
    text = describe_audio_devices(fake)
    assert "     0  USB mic  (FakeAPI, 1 ch, 48000 Hz)" in text
    assert "  *  1  HDMI  (FakeAPI, 2 ch, 44100 Hz)" in text
    assert "(no system default; the first one is used unless you choose)" in text


def test_devices_without_speech_engine_explains_why():
    mute = Speaker(tts_module="no_such_speech_engine")
    try:
        text = describe_voices(speaker=mute)
    finally:
        mute.close()
    assert text.startswith("Speech voices: none. No speech engine") and "espeak-ng" in text


def test_devices_lists_the_sound_servers_microphones():
    """PortAudio shows PulseAudio/PipeWire as one device; `interviewer devices` also lists the
    server's microphones (not the monitors of outputs), as Settings > Microphone offers them."""
    from interviewer.adapters.pulse_sources import PulseSource
    from interviewer.cli.devices_cmd import describe_sound_server_inputs

    sources = [PulseSource(0, "alsa_output.pci.analog-stereo.monitor", "Monitor of Built-in Audio",
                           "alsa_output.pci.analog-stereo"),
               PulseSource(2, "alsa_input.usb-headset.mono", "USB Headset Mono", None)]
    assert describe_sound_server_inputs(sources) == (
        "Microphones of the sound server (PulseAudio/PipeWire; Settings > Microphone lists them as "
        "'Microphone: <description>'):\n     USB Headset Mono  (alsa_input.usb-headset.mono)")
    assert describe_sound_server_inputs([]) == ""
