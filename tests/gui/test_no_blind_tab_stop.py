"""Tab from the side bar goes straight to the screen's first control (new-user trial: on every
screen the next stop was the page's scroll area, which shows no focus and has no name, so the
focus seemed to vanish for one press)."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea

from interviewer.app.services import AppServices, ScriptList
from interviewer.gui.main_window import MainWindow

from focus_chain import tab_stops


def test_no_screen_page_is_a_tab_stop(qtbot, isolated_dirs, tmp_path):
    from interviewer.storage import Store

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(tmp_path / "d")))
    qtbot.addWidget(window)
    window.show()
    for key in ("home", "check", "progress", "settings"):
        window.go_to(key)
        page = window._pages[key]
        stops = tab_stops(window)
        assert page not in stops, key
        unnamed = [w for w in stops if isinstance(w, QAbstractScrollArea) and not w.accessibleName()
                   and w.isVisible()]
        assert not [w for w in unnamed if w in window._pages.values()], key


def test_no_scroll_box_inside_a_screen_is_a_blind_tab_stop(qtbot, isolated_dirs, tmp_path):
    """trial6, keyboard only: Tab from the side bar into Settings, and into a debrief, first
    landed on the box that scrolls the settings groups (the debrief prompts), which shows no
    focus and has no name; the controls inside it are Tab stops and scroll it into view."""
    from PySide6.QtWidgets import QScrollArea

    from interviewer.gui.accessibility import spoken_name
    from interviewer.storage import Store
    from tests.gui.test_app_paths import _completed_round

    data = tmp_path / "d"
    with Store.open(data) as store:
        sid = _completed_round(store, "beh", "behavioral")
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.show()
    window.go_to("settings")
    blind = [w for w in tab_stops(window) if isinstance(w, QScrollArea) and w.isVisible() and not spoken_name(w)]
    assert not blind, "settings"
    window.debrief.open(sid)
    assert window.current_screen_key() == "debrief"
    blind = [w for w in tab_stops(window) if isinstance(w, QScrollArea) and w.isVisible() and not spoken_name(w)]
    assert not blind, "debrief"
