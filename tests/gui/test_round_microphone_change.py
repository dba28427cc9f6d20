"""A microphone unplugged mid-round (PulseAudio moves the stream to another input): the
Microphone reports it (tests/adapters/test_microphone_source_change.py) and the round tells
the candidate in the window's banner, while the round and its recording go on."""
from __future__ import annotations

import threading

from interviewer.core.clock import FakeClock

from gui_fakes import FakeRecorder
from test_round import make_window
from test_round_screen_turns import start, tick_until

MESSAGE = ("The microphone changed to 'Monitor of Built-in Audio' (alsa_output.pci.analog-stereo.monitor): check "
           "your microphone. That input hears what the speakers play (the interviewer's voice), not you. Until now "
           "'USB Headset Mono' (alsa_input.usb-headset.mono) was used (unplugged?). What was recorded is kept.")


def test_the_candidate_is_told_when_the_microphone_changes_mid_round(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _speaker, recorder = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    assert isinstance(recorder, FakeRecorder)
    recorder.on_source_change = None  # as the Microphone has it
    screen = start(qtbot, window)
    controller = screen.session.controller
    tick_until(qtbot, screen, lambda: controller.status == "listening")
    assert recorder.on_source_change is not None, "the round listens for a changed microphone"
    # The Microphone's watcher calls it on its own thread.
    watcher = threading.Thread(target=recorder.on_source_change, args=(MESSAGE,))
    watcher.start()
    watcher.join(5)
    qtbot.waitUntil(lambda: window.banner.text == MESSAGE, timeout=5000)
    assert window.banner.level == "warning"
    assert screen.running and controller.status == "listening"  # the round goes on
    assert MESSAGE in screen.session.problems
    window.shutdown()
