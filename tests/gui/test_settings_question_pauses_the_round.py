"""Trial 22 item 14: the round's clocks ran under the app's own "Settings can't be opened during a
round" question, and its 13.9 s became "Slow start". The question pauses the round (as P does)."""
from __future__ import annotations


def test_settings_question_pauses_the_round_and_keep_going_resumes(qtbot, isolated_dirs, script_dirs, tmp_path,
                                                                  monkeypatch):
    from interviewer.core.clock import FakeClock
    from interviewer.gui import confirm
    from test_round import make_window

    clock = FakeClock()
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    engine, controller = screen.session.engine, screen.session.controller
    seen = []

    def ask(*_args, **_kwargs):
        before = engine.elapsed()
        clock.advance(14.0)  # reading the question
        screen._tick()
        seen.append((controller.paused, engine.elapsed() - before))
        return False  # Keep going

    monkeypatch.setattr(confirm, "ask_destructive", ask)
    assert not screen.confirm_stop_round(going_to="Settings") and screen.running
    assert seen == [(True, 0.0)], "paused, clocks still, while the question is open"
    assert not controller.paused, "Keep going resumes the round"
