"""Trial 42 item 8: in the coding round's "Scale it up" part the header read "Scale it up · a new
constraint on the “Code” part", as if the constraint (ten billion sessions over many machines)
were about the code. A change of the problem is worded as a follow-on to what was built for it,
from the script's round kind (core.ask_labels.from_earlier_part)."""
from __future__ import annotations

import shutil
from pathlib import Path

from interviewer.core.ask_labels import from_earlier_part
from interviewer.core.clock import FakeClock
from interviewer.core.round_records import UtteranceKind

from test_round import make_window

CODING = Path(__file__).resolve().parents[2] / "question_scripts" / "coding_intervals.toml"


def test_the_wording_follows_the_round_kind():
    assert from_earlier_part("Code", True, False, "coding") == "a follow-on to the code you just wrote"
    assert "new constraint" not in from_earlier_part("Approach", True, False, "ml_breadth")
    assert from_earlier_part("Approach", True, False, "ml_breadth") == \
        "a follow-on to your answer in the \u201cApproach\u201d part"
    assert from_earlier_part("Code", False, False, "coding") == "a follow-up from the \u201cCode\u201d part"
    assert from_earlier_part("Requirements", True, True, "ml_system_design") == ""


def test_scale_it_up_header_reads_as_a_follow_on(qtbot, script_dirs, tmp_path):
    shutil.copy(CODING, script_dirs[0] / CODING.name)
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("coding_intervals")
    window.home.start_button.click()
    screen = window.round_screen
    engine = screen.session.engine
    while engine.current_phase is None or engine.current_phase.id != "scale":
        screen.session.controller.next_part()
        screen._tick()
    screen._tick()
    said = [u for u in screen.session.controller.utterances if u.kind == UtteranceKind.CHANGED_CONSTRAINT]
    assert said and said[-1].question_id == "merge_sessions"
    label = screen.phase_label.text()
    assert label == "<b>Scale it up</b> · a follow-on to the code you just wrote", label
    assert "new constraint on" not in label
