"""Home's "Next step" and weakest-areas lines are never cut short: in a small window (1024x640
at 150 or 200 % scaling: 683x427 logical pixels) trial6 saw them cut after three lines
('... Next: week 5, every round of the loop' and nothing more); the page scrolls instead."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.app.services import AppServices, ScriptList
from interviewer.gui.main_window import MainWindow
from interviewer.gui.workers import wait_for_background_work

PLAN = ("<b>12 rounds completed.</b> Practice plan: 5 of 8 weeks done (week 7 done ahead of plan), 1 of 7 readiness "
        "checkpoints. Next: week 5, every round of the loop at full length. Next round: ML depth, e.g. \"ML depth: "
        "an NLP or LLM feature you built\", focus on Data and labels, Edge cases, Evaluation metrics (week 5: Data "
        "and labels not covered in the last round of this kind).")


def _cut(label) -> int:
    """How many pixels of the label's text are cut off at the bottom."""
    return max(0, label.heightForWidth(label.width()) - label.height())


def test_next_step_and_weak_spots_are_whole_in_a_small_window(qtbot, isolated_dirs, tmp_path):
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: None))
    qtbot.addWidget(window)
    window.resize(683, 427)
    window.show()
    wait_for_background_work()
    home = window.home
    home.set_recent_sessions([(i, f"0{i} Nov 21:46 · A round ({i} answers)") for i in range(1, 9)], PLAN)
    home.weak_spots_label.setText("<b>Weakest topic areas lately:</b> Edge cases (Coding, covered in 0 of 3 "
                                  "rounds); Stated assumptions (Coding, covered in 0 of 3 rounds); Tradeoffs "
                                  "(Coding, covered in 0 of 3 rounds). Progress lists them all.")
    for _ in range(5):
        QApplication.processEvents()
    assert _cut(home.progress_label) == 0
    assert _cut(home.weak_spots_label) == 0
    window.resize(1280, 800)  # wider: the lines take less height again
    for _ in range(5):
        QApplication.processEvents()
    assert _cut(home.progress_label) == 0
    assert home.progress_label.height() <= home.progress_label.heightForWidth(home.progress_label.width()) + 2
