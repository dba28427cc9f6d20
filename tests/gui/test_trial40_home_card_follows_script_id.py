"""Trial 40 item 6: after only a user script's `title` changed ("... v2", the same id), its Home
card said "Not practised yet"; with the old title back, its last score came back. A card's
history follows the script's id (the sessions store it), not its title."""
from __future__ import annotations

import dataclasses

from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.home_screen import HomeScreen
from interviewer.storage import Store
from interviewer.storage.models import SessionProgress


def _card(home, title_start):
    return next(home.round_list.item(i).text() for i in range(home.round_list.count())
                if home.round_list.item(i).text().startswith(title_start))


def test_a_retitled_script_keeps_its_last_score_on_home(qtbot, script_dirs):
    script = discover_scripts(*script_dirs).by_id("test-design")
    played = SessionProgress(1, script.kind, script.title, 1_700_000_000, "completed", 120, 60.0, 3, 2.5, 120.0,
                             0, 1, script_id=script.id)
    home = HomeScreen()
    qtbot.addWidget(home)
    home.set_scripts([script], [])
    home.set_history([played])
    assert "Last: " in _card(home, script.title)
    retitled = dataclasses.replace(script, title=script.title + " v2")
    home.set_scripts([retitled], [])
    card = _card(home, retitled.title)
    assert "Last: " in card and "Not practised yet" not in card


def test_progress_rows_carry_the_script_id(isolated_dirs):
    with Store.open() as store:
        sid = store.create_session("my-script", "Old title", "behavioral", 45, started_at=1_700_000_000)
        store.finish_session(sid, ended_at=1_700_000_600)
        rows = store.progress()
    assert [r.script_id for r in rows] == ["my-script"]


def test_end_round_question_does_not_promise_a_recording_without_a_microphone(qtbot, isolated_dirs, script_dirs,
                                                                              tmp_path, monkeypatch):
    """Trial 40 item 9: under the banner "Nothing is recorded in this round: No microphone was
    found", Ctrl+E asked "End the round now? What was recorded so far is kept and analysed."."""
    from interviewer.core.clock import FakeClock
    from interviewer.errors import UserError
    from interviewer.gui import confirm

    from test_round import make_window

    asked = []
    monkeypatch.setattr(confirm, "ask_destructive", lambda _parent, title, text, yes, no: asked.append(text) or False)
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock(),
                               recorder_error=UserError("no input device found"))
    window.home.select_script("test-design")
    window.home.start_button.click()
    qtbot.waitUntil(lambda: "news feed" in window.round_screen.question.text(), timeout=3000)
    assert window.round_screen.ask_to_end_round() is False  # Keep going
    assert asked and "kept and analysed" not in asked[-1] and "Nothing was recorded" in asked[-1]
    window.round_screen.stop_round()
    qtbot.waitUntil(lambda: window._round_was_saved, timeout=10000)
