"""The spoken self-debrief shows the microphone's level while it records, with the meter the
round and the microphone check use (trial: nothing showed that the microphone heard anything).
The level comes from the recorder's thread; the meter is only touched on the GUI thread."""
from __future__ import annotations

import threading

from gui_fakes import FakeRecorder
from test_round import play_to_review


class ThreadedLevels(FakeRecorder):
    """Reports a level every 10 ms from a thread of its own, as the microphone does."""

    def __init__(self, dbfs: float) -> None:
        super().__init__(seconds=0.5)
        self.dbfs = dbfs
        self.level_threads: set = set()
        self._stop = threading.Event()

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        super().start(wav_path, on_audio=on_audio)
        self._stop.clear()

        def report() -> None:
            while not self._stop.wait(0.01):
                self.level_threads.add(threading.current_thread())
                if on_level is not None:
                    on_level(self.dbfs)

        self._thread = threading.Thread(target=report, daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join(1)
        return super().stop()


def test_the_debrief_recorder_shows_the_microphone_level(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    from interviewer.gui.level_meter import LevelMeter

    window = play_to_review(qtbot, script_dirs, tmp_path)
    recorder = ThreadedLevels(-18.0)
    window.services.make_recorder = lambda _settings: recorder
    window.review_screen.debrief_button.click()
    debrief = window.debrief_screen
    item = debrief.items[0]
    meter = item.findChild(LevelMeter)
    assert meter is not None and not meter.isVisibleTo(debrief)  # only while recording
    painted_on = []
    original = LevelMeter.set_level
    monkeypatch.setattr(LevelMeter, "set_level",
                        lambda self, level: (painted_on.append(threading.current_thread()), original(self, level)))
    item.record_button.click()
    assert meter.isVisibleTo(debrief)
    qtbot.waitUntil(lambda: meter.level == -18.0, timeout=3000)
    assert meter.band() == "good"
    assert recorder.level_threads and threading.main_thread() not in recorder.level_threads
    assert set(painted_on) == {threading.main_thread()}
    # Another prompt's meter stays hidden; stopping hides this one and empties it.
    assert not debrief.items[1].findChild(LevelMeter).isVisibleTo(debrief)
    item.record_button.click()
    assert not meter.isVisibleTo(debrief) and meter.level == 0.0
