"""Trial 25 item 14: at 1280x800 the round header's part name wrapped into 2-3 cramped lines
beside the clocks ("Conflict with a peer"; "Features and model · a follow-up from the
'Requirements' part"), and a new constraint was called a follow-up. The part's name shares the
row with the title, so it reads on one line there, and a changed constraint is named as one."""
from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from interviewer.core.clock import FakeClock
from interviewer.core.round_records import UtteranceKind
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window
from test_round_screen_turns import start

LONG_TITLE = "Behavioral: conflict, earning trust, feedback and owning mistakes, told with numbers"


def _lines(label) -> int:
    """Lines its text takes at its width (the row may be taller: the title beside it wraps)."""
    return round(label.heightForWidth(label.width()) / QFontMetrics(label.font()).lineSpacing())


def test_the_part_name_reads_on_one_line_beside_the_clocks_at_1280x800(qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    design = bundled / "design.toml"
    design.write_text(design.read_text().replace("Design a feed ranker", LONG_TITLE))
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(1280, 800)
    screen = start(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen_key() == "round", timeout=5000)
    phase_id = screen.session.engine.current_phase.id
    question_id = screen.session.script.questions[0].id
    # The longest wording: a part name with the earlier part a line comes from.
    text = screen._part_text(phase_id, question_id, UtteranceKind.FOLLOW_UP)
    screen._set_part_label("<b>Features and model</b> · a new constraint on the \u201cRequirements\u201d part")
    qtbot.wait(50)
    assert _lines(screen.phase_label) == 1, screen.phase_label.size()
    assert screen.title.geometry().right() < screen.phase_label.geometry().left()
    assert screen.phase_label.geometry().right() < screen.phase_clock.geometry().left()
    assert "a follow-up from the" in text or text == f"<b>{screen.session.script.phase(phase_id).name}</b>"
    # A changed constraint from an earlier part is named as one, not as a follow-up.
    assert "a follow-on to" in screen._part_text(phase_id, question_id, UtteranceKind.CHANGED_CONSTRAINT) \
        or "a follow-up" not in text
    screen.scratchpad.setPlainText("notes")  # a round with nothing said or typed is not kept
    screen.stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=5000)
    wait_for_background_work()
    window.shutdown()
