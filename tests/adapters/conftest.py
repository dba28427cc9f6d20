"""Fixtures for the speech adapters: one Whisper model per session, PulseAudio, espeak-ng audio."""
from __future__ import annotations

import shutil
import subprocess
import pytest


@pytest.fixture(scope="session")
def whisper_model():
    """The default tiny.en model, loaded once for all tests that need real transcription."""
    from interviewer.adapters.transcription import load_model

    return load_model()


@pytest.fixture(scope="session")
def pulse() -> None:
    """PulseAudio with the null sinks `spk` and `mic`. Missing means a broken test set-up, so
    audio tests FAIL (never skip): run them through ./bootstrap.sh test, which starts them."""
    how = "run the tests with ./bootstrap.sh test (it starts them with tools/virtual-audio.sh)"
    for tool in ("pactl", "paplay", "parecord"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed (apt install pulseaudio-utils); {how}", pytrace=False)
    info = subprocess.run(["pactl", "info"], capture_output=True, text=True, timeout=10)
    if info.returncode != 0:
        pytest.fail(f"PulseAudio is not running ({info.stderr.strip()}); {how}", pytrace=False)
    sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True,
                           timeout=10).stdout
    names = {line.split("\t")[1] for line in sinks.splitlines() if "\t" in line}
    missing = {"spk", "mic"} - names
    if missing:
        pytest.fail(f"PulseAudio has no null sink(s) {sorted(missing)}; {how}", pytrace=False)
    if "Default Source: mic.monitor" not in info.stdout:
        pytest.fail(f"the default input is not mic.monitor; {how}", pytrace=False)
