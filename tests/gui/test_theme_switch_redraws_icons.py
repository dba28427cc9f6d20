"""A theme switch redraws the icons and colours the Progress plan list and the review's
talking points were filled with (trial6: after Dark -> Light the plan's check marks stayed the
dark theme's pale grey on the light page, the talking points kept the other theme's green/red)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.core.analysis.coverage import COVERED, MISSED, PointCoverage, QuestionCoverage
from interviewer.gui import theme
from interviewer.gui.coverage_checklist import COLOUR, CoverageChecklist
from interviewer.gui.progress_screen import ProgressScreen
from interviewer.storage import Store
from tests.gui.test_progress_weak_spots import show
from tests.storage.test_area_history import NOT_MONITORED, store_round


def _image(icon):
    return icon.pixmap(20, 20).toImage()


def test_the_plan_list_icons_follow_the_theme(qtbot, qapp, tmp_path):
    theme.apply_theme(qapp, "dark")
    try:
        screen = ProgressScreen()
        qtbot.addWidget(screen)
        with Store.open(tmp_path) as store:
            store_round(store, 1_700_000_000, NOT_MONITORED)
            show(screen, store)
        first = screen.plan_list.item(0)
        assert _image(first.icon()) == _image(theme.icon("todo"))
        theme.apply_theme(qapp, "light")
        QApplication.processEvents()
        assert _image(screen.plan_list.item(0).icon()) == _image(theme.icon("todo"))
    finally:
        theme.apply_theme(qapp, "light")


def test_the_talking_points_take_the_new_theme_colours(qtbot, qapp):
    theme.apply_theme(qapp, "light")
    try:
        checklist = CoverageChecklist()
        qtbot.addWidget(checklist)
        question = QuestionCoverage(
            "q", "How would you rank the feed?", "design",
            (PointCoverage(0, "Name a metric", None, COVERED, 0.8), PointCoverage(1, "Say the latency", None, MISSED, 0.1)),
            ())
        checklist.set_coverage([question], [])
        theme.apply_theme(qapp, "dark")
        QApplication.processEvents()
        top = checklist.tree.topLevelItem(0)
        for row, status in ((top.child(0), COVERED), (top.child(1), MISSED)):
            assert row.foreground(0).color() == theme.current().color(COLOUR[status]), row.text(0)
    finally:
        theme.apply_theme(qapp, "light")
