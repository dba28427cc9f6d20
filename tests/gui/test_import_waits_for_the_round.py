"""While a round runs, transcriptions of files (an import) wait so that the round's answers have
the cores (trial6: an import during a round made each answer's transcript 2.35 s late instead of
0.37 s); the import's progress row says why it stands still, and it goes on after the round."""
from __future__ import annotations

from interviewer.core.clock import FakeClock

from test_round import make_window, run_round


def test_a_round_holds_file_work_until_it_ends(qtbot, isolated_dirs, script_dirs, tmp_path):
    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    held = []
    window.services.hold_file_work = lambda model, on: held.append((model, on))
    bar = window.review.import_progress
    bar.start(None, "Importing mock.wav...", seconds=True)  # an import under way
    window.home.select_script("test-design")
    window.home.start_button.click()
    assert held == [("fake-model", True)]
    assert "waits until the round ends" in bar.title.text()
    run_round(qtbot, window, clock)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
    assert held[-1] == ("fake-model", False)
    assert bar.title.text() == "Importing mock.wav..."
