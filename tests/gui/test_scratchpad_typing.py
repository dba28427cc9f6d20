"""Typing in the scratchpad tells the round's silence tracker that loud clicks now may be keys
(app/silence_tracker.py, tests/adapters/test_typing_clicks.py)."""
from populated import populated_window


def test_typing_in_the_scratchpad_marks_the_silence_tracker(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, clock = populated_window(qtbot, script_dirs, tmp_path)
    window.home.start_button.click()
    screen = window.round_screen
    tracker = screen.session.silence
    assert tracker is not None
    before = tracker._typing_until
    screen.scratchpad.setFocus()
    qtbot.keyClicks(screen.scratchpad, "def f(x):")
    assert tracker._typing_until > before
    assert screen.session.scratchpad == "def f(x):"
