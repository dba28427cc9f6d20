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


def test_the_review_header_takes_the_new_theme_colours(qtbot, qapp, isolated_dirs):
    """Trial6: an "interrupted" status and the missing-recordings line kept the old theme's red."""
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.storage import SessionStatus

    theme.apply_theme(qapp, "light")
    try:
        with Store.open() as store:
            sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
            store.add_answer(sid, "feed", "Design a feed.", asked_at=5.0, answer_start=12.0, answer_end=190.0)
            store.finish_session(sid, SessionStatus.INTERRUPTED)
            session = store.get_session(sid)
        screen = ReviewScreen()
        qtbot.addWidget(screen)
        screen.show_session(session, missing_audio=["answer 1"])
        light = theme.current().problem_text
        assert light in screen.title.text() and light in screen.summary.text()
        theme.apply_theme(qapp, "dark")
        QApplication.processEvents()
        dark = theme.current().problem_text
        assert dark != light
        assert dark in screen.title.text() and dark in screen.summary.text()
    finally:
        theme.apply_theme(qapp, "light")
