"""The transcription child's gate for file work (an import) while a round runs: it waits while
held, says it is alive meanwhile (a held file must not look stalled), and lets a cancel through."""
from __future__ import annotations

import threading
import time

from interviewer.app.transcription_process import FileGate


def test_an_open_gate_does_not_wait():
    started = time.monotonic()
    FileGate().wait(lambda: False, lambda: None)
    assert time.monotonic() - started < 0.05


def test_a_held_gate_waits_until_released_and_keeps_the_file_alive_meanwhile():
    gate, alive, done = FileGate(), [], threading.Event()
    gate.hold(True)
    waiter = threading.Thread(target=lambda: (gate.wait(lambda: False, lambda: alive.append(1), step=0.01,
                                                        every=0.05), done.set()), daemon=True)
    waiter.start()
    time.sleep(0.3)
    assert not done.is_set() and len(alive) >= 3
    gate.hold(False)
    assert done.wait(1.0)


def test_a_cancel_ends_the_wait():
    gate, cancelled = FileGate(), threading.Event()
    gate.hold(True)
    threading.Timer(0.1, cancelled.set).start()
    started = time.monotonic()
    gate.wait(cancelled.is_set, lambda: None, step=0.01)
    assert time.monotonic() - started < 1.0
