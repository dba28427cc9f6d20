"""Trial 20 item 11: the round's part label read "ML fundamentals" while the coding question's
last twist was asked; it names the part of the line being asked (RoundScript.part_of).
Trial 22 item 11: it must also agree with the phase clock and the plan bar beside it, which count
the part running: "ML fundamentals – follow-up on Coding: solve and test"."""
from __future__ import annotations

import shutil
from pathlib import Path

from interviewer.core.clock import FakeClock
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import Speaking

from test_round import make_window

PHONE = Path(__file__).resolve().parents[2] / "question_scripts" / "phone_screen_first_bad_version_and_ranking.toml"


def test_the_twist_is_shown_under_the_coding_part(qtbot, script_dirs, tmp_path):
    shutil.copy(PHONE, script_dirs[0] / PHONE.name)
    window, _speaker, _recorder = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("phone_screen_first_bad_version_and_ranking")
    window.home.start_button.click()
    screen = window.round_screen
    engine = screen.session.engine
    while engine.current_phase is None or engine.current_phase.id != "ml_fundamentals":
        screen.session.controller.next_part()
        screen._tick()
    screen._tick()
    # The real round said the prompt, then the twist: the twist is shown under the coding part.
    said = [u for u in screen.session.controller.utterances if u.kind == UtteranceKind.CHANGED_CONSTRAINT]
    assert said and said[-1].question_id == "first_bad_version"
    label = screen.phase_label.text()
    # Worded as a sentence (trial 24: "Scale it up – follow-up on Code" read oddly), and as what it is:
    # a changed constraint, not "a follow-up from" (trial 25), that builds on the code written
    # (trial 42: "a new constraint on the “Code” part" read as if it were about the code).
    assert "a follow-on to the code you just wrote" in label
    assert label.startswith("<b>ML fundamentals</b>"), "the part the clock and the plan bar are on comes first"
    assert screen.plan.current_phase == "ml_fundamentals"
    ranking = engine.script.question("ranking_metrics")
    screen.on_update(Speaking(ranking.text, UtteranceKind.QUESTION, engine.elapsed(), "ranking_metrics"))
    assert screen.phase_label.text() == "<b>ML fundamentals</b>"
