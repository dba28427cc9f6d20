"""Trial 32, D7: the round screen's header and "The question:" showed what was not asked:
"Serving and monitoring · a new constraint on the “Requirements” part" with "The question: How do
you serve estimates within fifty milliseconds..." (not yet asked) under "Before serving, a new
constraint: ...", and under the rain scenario the first Requirements question. In a design (one
problem) a change reads as a change of the design in the part running, and "The question:" shows
only a question really asked, else nothing: the change is what is being answered."""
from __future__ import annotations

import shutil
from pathlib import Path

from interviewer.core.clock import FakeClock
from interviewer.core.round_records import UtteranceKind

from test_round import make_window

ETA = Path(__file__).resolve().parents[2] / "question_scripts" / "ml_system_design_eta_prediction.toml"


def _said(screen, kind):
    return [u for u in screen.session.controller.utterances if u.kind == kind]


def _into(screen, phase_id):
    engine = screen.session.engine
    while engine.current_phase is None or engine.current_phase.id != phase_id:
        screen.session.controller.next_part()
        screen._tick()
    screen._tick()


def test_a_change_in_a_design_shows_no_question_not_yet_asked(qtbot, script_dirs, tmp_path):
    shutil.copy(ETA, script_dirs[0] / ETA.name)
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("ml_system_design_eta_prediction")
    window.home.start_button.click()
    screen = window.round_screen
    script = screen.session.script
    _into(screen, "serving")
    [change] = [u for u in _said(screen, UtteranceKind.CHANGED_CONSTRAINT) if u.text.startswith("Before serving")]
    assert screen.phase_label.text() == "<b>Serving and monitoring</b>", screen.phase_label.text()
    serving = script.questions_in("serving")[0].text
    shown = screen.question.text()
    assert change.text in shown
    assert serving not in shown, "the Serving question was not asked yet"
    assert "The question:" not in shown and "The problem:" not in shown
    _into(screen, "wrap_up")
    [rain] = [u for u in _said(screen, UtteranceKind.CHANGED_CONSTRAINT) if "rainy Friday" in u.text]
    shown = screen.question.text()
    assert rain.text in shown
    assert script.question("design_eta").text not in shown, "not the first Requirements question"
    assert "The question:" not in shown
