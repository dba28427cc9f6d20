"""Trial 14: a user running the app from a terminal saw libasound's lines ("ALSA lib pcm.c:...
Unknown PCM cards.pcm.rear") and took them for the app's errors. Once the audio adapter is
loaded they are not printed; the app's own errors and PortAudio's exceptions still are."""
from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interviewer.adapters import alsa_quiet

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent('''
    import ctypes, sys
    from interviewer.adapters.devices import list_devices, load_sounddevice
    print("devices", len(list_devices()))
    # What opening a stream on a PCM the ALSA configuration describes badly does (PortAudio
    # opens PCMs through the same call): libasound reports it on stderr.
    pcm = ctypes.c_void_p()
    print("snd_pcm_open", ctypes.CDLL("libasound.so.2").snd_pcm_open(ctypes.byref(pcm), b"cards.pcm.rear", 0, 0))
    sd = load_sounddevice()
    try:
        sd.query_devices(10000)
    except sd.PortAudioError as exc:
        print("PortAudio says:", exc)
    print("the app's own error", file=sys.stderr)
''')


@pytest.mark.skipif(not ctypes.util.find_library("asound"), reason="no libasound on this machine")
def test_the_adapter_keeps_alsa_lines_off_stderr_and_nothing_else():
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "ALSA lib" not in done.stderr, done.stderr
    assert "the app's own error" in done.stderr
    assert "snd_pcm_open -" in done.stdout  # the failure is still returned to the caller
    assert "PortAudio says: Error querying device 10000" in done.stdout


def test_without_libasound_nothing_is_set_and_nothing_fails(monkeypatch):
    monkeypatch.setattr(alsa_quiet, "_handler", None)
    monkeypatch.setattr(alsa_quiet.ctypes.util, "find_library", lambda name: "libasound-not-here.so.0")
    assert alsa_quiet.quiet_alsa() is False
