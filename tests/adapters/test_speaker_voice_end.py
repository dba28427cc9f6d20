"""Trial 28 item 8: the speaker's on_done comes after the device's buffer and the line's trailing
silence play out (the silence steps came ~2.3 s late). It now also says how long ago the line's
voice was heard to end (on_voice_end), so the round counts the candidate's silence from then."""
from __future__ import annotations

import threading

import numpy as np

from interviewer.adapters.speaker import Speaker, last_voice_seconds, voice_end_ago

from .fake_sounddevice import FakeSoundDevice


def test_the_voice_ends_at_its_last_loud_sample_not_at_the_trailing_silence():
    rate = 1000
    audio = np.concatenate([np.full(1500, 0.2), np.full(800, 1e-4)]).astype(np.float32)  # 1.5 s voice, 0.8 s quiet
    assert last_voice_seconds(audio, rate) == 1.5
    assert last_voice_seconds(np.zeros(100, np.float32), rate) == 0.0


def test_how_long_ago_the_voice_ended():
    # First block at 10.0, heard 0.2 s later, voice for 3 s: heard to end at 13.2.
    assert abs(voice_end_ago(10.0, 0.2, 3.0, now=15.5) - 2.3) < 1e-9
    assert voice_end_ago(10.0, 0.2, 3.0, now=13.0) == 0.0, "never in the future"
    # A device that fell behind: the last block went out at 14.9 with 0.5 s after the voice in it.
    assert abs(voice_end_ago(10.0, 0.2, 3.0, now=15.5, written_at=14.9, tail_seconds=0.5) - 1.1) < 1e-9
    assert voice_end_ago(None, 0.2, 3.0, now=15.5) == 0.0, "never sounded: nothing to credit"


def test_on_voice_end_comes_before_on_done_for_a_line_played_to_its_end():
    fake = FakeSoundDevice(speed=20.0)
    s = Speaker(sounddevice_module=fake)
    calls, done = [], threading.Event()
    try:
        assert s.reports_voice_end
        s.say("Tell me about a project you led.", on_done=lambda: (calls.append("done"), done.set()),
              on_voice_end=lambda ago: calls.append(ago))
        assert done.wait(30)
    finally:
        s.close()
    assert len(calls) == 2 and calls[1] == "done", calls
    assert isinstance(calls[0], float) and 0.0 <= calls[0] < 5.0, calls
