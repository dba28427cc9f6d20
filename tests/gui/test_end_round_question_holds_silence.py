"""Trial 19 item 13: the round kept polling under the modal "End the round?" question and said
"Remember to think out loud." there. The question holds the round's silence rules while open."""
from __future__ import annotations


def test_the_end_round_question_holds_the_rounds_silence(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    from interviewer.core.clock import FakeClock
    from test_round import make_window

    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    controller = screen.session.controller
    held_while_asked = []

    def ask(*_args, **_kwargs):
        held_while_asked.append(controller._silence_held)
        return False

    from interviewer.gui import confirm

    monkeypatch.setattr(confirm, "ask_destructive", ask)
    assert not screen.confirm_stop_round() and screen.running
    assert held_while_asked == [True], "silence held while the question is open"
    assert not controller._silence_held, "and counted again once it is answered No"
