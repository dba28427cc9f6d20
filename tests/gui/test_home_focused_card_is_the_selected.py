"""Trial 25 item 14: on Home, after Tab, a phone-screen card looked framed while the details and
Start round were for the ads round further down, out of view; Enter started the ads round. The
plan's proposal is selected without moving the view (trial 13), so taking the focus by keyboard
brings the selected card, the one Enter starts, into view: the focus and the selection are one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.home_screen import ROLE, HomeScreen
from interviewer.resources import bundled_scripts_dir


def test_tabbing_into_the_round_list_shows_the_card_enter_starts(qtbot):
    home = HomeScreen()
    qtbot.addWidget(home)
    home.resize(1000, 560)
    home.set_scripts(discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "none").scripts)
    view = home.round_list
    ads = next(view.item(i) for i in range(view.count())
               if view.item(i).data(ROLE) and view.item(i).data(ROLE).id == "ml_system_design_ads_ctr")
    home.select_proposed(ads.data(ROLE).id)  # before Home is shown: once seen, it is left alone (trial 39)
    home.show()
    qtbot.waitExposed(home)
    QApplication.processEvents()
    assert not view.viewport().rect().intersects(view.visualItemRect(ads))  # proposed out of view (trial 13)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert view.hasFocus() and view.currentItem() is ads and ads.isSelected()
    assert view.viewport().rect().contains(view.visualItemRect(ads)), "the card Enter starts is in view"
    started = []
    home.start_requested.connect(started.append)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [s.id for s in started] == ["ml_system_design_ads_ctr"]
