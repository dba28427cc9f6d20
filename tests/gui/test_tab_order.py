"""Tab follows the visual order on the screens between rounds: each screen's controls top to
bottom and left to right, the buttons under a screen last."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from interviewer.gui.debrief_screen import DebriefScreen
from interviewer.storage import Store
from tests.storage.test_area_history import NOT_MONITORED, store_round

from focus_chain import tab_stops


def test_debrief_tab_goes_through_the_prompts_then_the_moments_then_the_buttons(qtbot, tmp_path):
    """The prompts are made when a round is shown, so they joined the focus chain last: Tab went
    from the moments to Back to review and Save debrief, and only then to the first answer box."""
    with Store.open(tmp_path) as store:
        session = store.get_session(store_round(store, 1_700_000_000, NOT_MONITORED))
    screen = DebriefScreen()
    qtbot.addWidget(screen)
    screen.show_session(session)
    screen.show()
    stops = tab_stops(screen)
    review_button = next(b for b in screen.findChildren(QPushButton) if b.text() == "Back to review")
    first, last = screen.items[0], screen.items[-1]
    order = [first.text, first.ratings.button(1), first.record_button, last.text, last.record_button,
             screen.moments, review_button, screen.save_button]
    assert [stops.index(w) for w in order] == sorted(stops.index(w) for w in order)
    assert stops[-2:] == [review_button, screen.save_button]
    screen.show_session(session)  # shown again (same prompts): the order holds
    assert tab_stops(screen) == stops


def test_review_tab_goes_from_the_top_buttons_down_the_screen(qtbot, isolated_dirs, script_dirs, tmp_path):
    """A reported slip: Export came after the side panels. From the screen list Tab goes to the
    buttons at the top, then the summary, the transcript (left), the findings and the tabs
    (right), the timeline among them."""
    from interviewer.core.clock import FakeClock
    from interviewer.gui.workers import wait_for_background_work

    from test_round import make_window

    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = store_round(store, 1_700_000_000, NOT_MONITORED)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    window._open_review(sid)
    wait_for_background_work()
    review = window.review_screen
    stops = tab_stops(window)
    # A summary column without links is no Tab stop (trial 23: a stop with nothing shown focused).
    columns = [c for c in (review.ten_seconds.strengths, review.ten_seconds.fixes) if "<a " in c.text()]
    assert columns and all(c in stops for c in columns)
    order = [window.nav, review.export_button, review.debrief_button, *columns, review.transcript, review.findings]
    assert [stops.index(w) for w in order] == sorted(stops.index(w) for w in order)
    tabs = [w for w in stops if review.side.isAncestorOf(w) and w is not review.findings]
    assert tabs and min(stops.index(w) for w in tabs) > stops.index(review.findings)
    # The timeline is on the "Round and timeline" tab (trial 19): after the findings, in its tab.
    review.tabs.setCurrentWidget(review.numbers_area)
    stops = tab_stops(window)
    assert stops.index(review.findings) < stops.index(review.timeline)

