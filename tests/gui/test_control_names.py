"""Controls on the screens between rounds say what they are: no two buttons of a screen share a
spoken name (Settings had two "Folder..."), and a control named after the label before it is
named for what it sets (Progress's weeks box was "Practice plan", its list the plan's whole
summary)."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from interviewer.app.settings import AppSettings
from interviewer.gui.accessibility import name_controls, spoken_name
from interviewer.gui.progress_screen import ProgressScreen
from interviewer.gui.settings_screen import SettingsScreen

from focus_chain import tab_stops


def test_settings_buttons_have_distinct_names_and_tooltips(qtbot, isolated_dirs):
    screen = SettingsScreen(AppSettings())
    qtbot.addWidget(screen)
    name_controls(screen)  # as the window names every screen
    screen.show()
    buttons = [w for w in tab_stops(screen) if isinstance(w, QAbstractButton)]
    names = [spoken_name(b) for b in buttons]
    assert len(names) == len(set(names)), names
    folders = [b for b in buttons if b.text() == "Folder..."]
    assert len(folders) == 2 and all(b.toolTip() for b in folders) and screen.download_button.toolTip()
    assert sorted(spoken_name(b) for b in folders) == ["Choose a model folder", "Choose the data folder"]


def test_progress_controls_are_named_for_what_they_set(qtbot):
    screen = ProgressScreen()
    qtbot.addWidget(screen)
    name_controls(screen)
    assert "weeks" in spoken_name(screen.weeks) and screen.weeks.toolTip()
    assert spoken_name(screen.plan_list) == "Practice plan: weeks and readiness checkpoints"
    assert spoken_name(screen.plan_list) != screen.plan_summary.text()
    assert screen.kind_filter.accessibleName() == "Kind of round"


def test_home_and_review_buttons_say_what_they_do(qtbot, isolated_dirs):
    """Home's "Review" button had the side bar's screen name and no tooltip; Export... did not say
    what it writes."""
    from interviewer.gui.home_screen import HomeScreen
    from interviewer.gui.review_screen import ReviewScreen

    home = HomeScreen()
    qtbot.addWidget(home)
    assert spoken_name(home.open_session_button) == "Review the selected session"
    assert home.open_session_button.toolTip() and home.discard_button.toolTip()
    review = ReviewScreen()
    qtbot.addWidget(review)
    assert "PDF" in review.export_button.toolTip()
