"""The debrief in a 1024x640 window: the prompts fit beside the moments, nothing scrolls sideways."""
from __future__ import annotations

from interviewer.gui.debrief_screen import DebriefScreen
from interviewer.storage import Store
from tests.storage.test_area_history import NOT_MONITORED, store_round


def test_debrief_prompts_do_not_scroll_sideways_in_a_1024_window(qtbot, tmp_path):
    """At 1024x640 (the debrief screen about 800 px wide) the prompts scrolled sideways and each
    Record answer button was cut off at the edge; the moments list gives way instead."""
    from PySide6.QtWidgets import QApplication

    from interviewer.gui import theme

    theme.apply_theme(QApplication.instance(), "light")  # the app's paddings
    with Store.open(tmp_path) as store:
        session = store.get_session(store_round(store, 1_700_000_000, NOT_MONITORED))
    screen = DebriefScreen()
    qtbot.addWidget(screen)
    screen.show_session(session)
    screen.resize(800, 560)
    screen.show()
    QApplication.processEvents()
    viewport = screen._scroll.viewport()
    assert not screen._scroll.horizontalScrollBar().isVisible()
    for item in screen.items:
        right = item.record_button.mapTo(viewport, item.record_button.rect().topRight()).x()
        assert right <= viewport.width(), (item.prompt.text, right, viewport.width())
    assert screen.moments.width() >= screen.moments.minimumWidth()
