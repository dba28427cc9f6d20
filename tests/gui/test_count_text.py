"""Counts in words: "1 round", "2 rounds", "no rounds", never "round(s)" (a new-user run saw
"0 round(s) completed" on Home)."""
from interviewer.app.labels import count_text


def test_counts_read_as_words():
    assert count_text(0, "round").capitalize() == "No rounds"
    assert count_text(1, "round") == "1 round"
    assert count_text(2, "round") == "2 rounds"
    assert count_text(3, "analysis", "analyses") == "3 analyses"


def test_home_says_no_rounds_completed_yet(qtbot, isolated_dirs, script_dirs, tmp_path):
    from interviewer.core.clock import FakeClock
    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    qtbot.waitUntil(lambda: "completed" in window.home.progress_label.text(), timeout=10000)
    text = window.home.progress_label.text()
    assert "No rounds completed." in text and "(s)" not in text
