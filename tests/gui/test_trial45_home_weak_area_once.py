"""Trial 45 defect 7: Home's "Weakest topic areas lately" named one area twice ("Data and labels (ML
depth, ...); Data and labels (ML system design, ...)"): it now names it once with both kinds."""
from __future__ import annotations

from interviewer.core.weak_spots import AreaResult, RoundAreas


def _round(sid: int, kind: str, missed: list[str]) -> RoundAreas:
    return RoundAreas(session_id=sid, kind=kind, started_at=1_700_000_000 + sid,
                      areas={a: AreaResult(a, 1, 0.0) for a in missed})


def test_home_names_the_area_once(qtbot, isolated_dirs):
    from interviewer.app.services import AppServices, ScriptList
    from interviewer.gui.main_window import MainWindow
    from interviewer.gui.workers import wait_for_background_work

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: None))
    qtbot.addWidget(window)
    wait_for_background_work()
    window.home.set_areas([_round(1, "ml_system_design", ["data and labels"]),
                           _round(2, "ml_depth", ["data and labels", "tradeoffs"])])
    text = window.home.weak_spots_label.text()
    assert text.count("Data and labels") == 1, text
    assert "Data and labels (ML depth and ML system design, not covered in the last round of each)" in text, text
