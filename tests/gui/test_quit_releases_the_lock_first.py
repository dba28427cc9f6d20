"""Trial 15: after Yes to "Quit the app and end the round now?" the window vanished but the process
ran on 6-15 s, ending and saving the round, and a new start in that time got "one copy per
settings folder". The one-copy lock is released as soon as quitting is confirmed, before the
round is stopped and saved; said No, it stays held."""
from __future__ import annotations

from interviewer.core.clock import FakeClock
from interviewer.gui.single_instance import SingleInstance
from test_round import make_window


def _another_start_runs(config) -> bool:
    probe = SingleInstance(config)
    started = probe.claim()
    probe.release()
    return started


def test_the_lock_is_released_as_soon_as_quit_is_confirmed(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                            confirmations):
    config = tmp_path / "config"
    running = SingleInstance(config)
    assert running.claim()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.quitting.connect(running.release)  # as gui/app.py wires it
    stop_round, during_stop = window.round_screen.shutdown, []

    def ending_the_round():  # the seconds the round takes to end and save: a new start runs now
        during_stop.append(_another_start_runs(config))
        stop_round()

    window.round_screen.shutdown = ending_the_round
    try:
        window.home.select_script("test-design")
        window.home.start_button.click()
        confirmations.answer_yes = False  # "No": the round goes on, and the lock is held
        window.actions['quit'].trigger()
        assert window.round_screen.running and not during_stop and not _another_start_runs(config)
        confirmations.answer_yes = True
        window.actions['quit'].trigger()
        assert confirmations.asked == ["Quit and end the round?"] * 2
        assert during_stop == [True] and not window.round_screen.running
    finally:
        running.release()
